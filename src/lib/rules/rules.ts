/**
 * Cross-file rules of standing rules and lists (src/schemas/rule.ts): the place, the adopting meeting or matter
 * and the previous version must exist; a previous version is the same kind for the same place; only one version
 * of a kind is 现行 in a place. Pure; run by content-rules.ts (build, validate and the CMS).
 */
import type { Rule } from '../../schemas/rule.ts';
import { RULE_KIND_LABELS } from '../../schemas/rule.ts';
import type { ContentError } from '../content/friendly-errors.ts';
import { missingReference } from '../content/friendly-errors.ts';

interface Ref<T> {
  id: string;
  file: string;
  data: T;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export type RuleSummary = Pick<Rule, 'kind' | 'place' | 'status' | 'previous' | 'meeting' | 'matter'>;

export interface RuleWorld {
  rules: Ref<RuleSummary>[];
  places: Ref<{ name: string; level: string }>[];
  meetings: Ref<unknown>[];
  matters: Ref<unknown>[];
  /** Do not refuse references the (partial) CMS context cannot see. */
  unknownReferencesAllowed?: boolean;
}

function problem(entry: Ref<unknown>, path: PropertyKey[], label: string, message: string, fix: string): ContentError {
  const e: ContentError = { file: entry.file, field: path.map(String).join('.'), label, message, fix };
  const line = entry.lineOf?.(path);
  if (line !== undefined) e.line = line;
  return e;
}

/** Every cross-file problem of the rules in `world`. */
export function ruleProblems(world: RuleWorld): ContentError[] {
  const errors: ContentError[] = [];
  const places = new Map(world.places.map((p) => [p.id, p]));
  const meetings = new Set(world.meetings.map((m) => m.id));
  const matters = new Set(world.matters.map((m) => m.id));
  const rules = new Map(world.rules.map((r) => [r.id, r]));
  const strict = world.unknownReferencesAllowed !== true;
  const firstCurrent = new Map<string, Ref<RuleSummary>>();

  const nameOf = (id: string) => places.get(id)?.data.name ?? id;
  for (const rule of world.rules) {
    const { data } = rule;
    const place = places.get(data.place);
    if (place === undefined) {
      if (strict) {
        errors.push(
          missingReference(
            problem(
              rule,
              ['place'],
              '村/社区或街道',
              `找不到地点“${data.place}”`,
              '填写村、社区或街道的编号，如 taoyuan',
            ),
            ['places'],
            data.place,
          ),
        );
      }
    } else if (place.data.level === 'grid') {
      errors.push(
        problem(
          rule,
          ['place'],
          '村/社区或街道',
          `“${place.data.name}”是网格，规约和清单属于村、社区或街道`,
          '填写网格所在村或社区的编号',
        ),
      );
    }
    if (data.meeting !== undefined && !meetings.has(data.meeting) && strict) {
      errors.push(
        missingReference(
          problem(
            rule,
            ['meeting'],
            '通过会议',
            `找不到会议纪要“${data.meeting}”`,
            '填写已有会议纪要的文件名（不含 .md），如 2025-06-18-taoyuan-cunguiminyue-jueyi',
          ),
          ['meetings'],
          data.meeting,
        ),
      );
    }
    if (data.matter !== undefined && !matters.has(data.matter) && strict) {
      errors.push(
        missingReference(
          problem(rule, ['matter'], '所属事项', `找不到事项“${data.matter}”`, '填写已有事项的编号，或删去'),
          ['matters'],
          data.matter,
        ),
      );
    }
    if (data.previous !== undefined) {
      const previous = rules.get(data.previous);
      if (data.previous === rule.id) {
        errors.push(problem(rule, ['previous'], '上一版本', '上一版本不能是本版本自己', '填写被取代的旧版本的文件名'));
      } else if (previous === undefined) {
        if (strict) {
          errors.push(
            missingReference(
              problem(
                rule,
                ['previous'],
                '上一版本',
                `找不到上一版本“${data.previous}”`,
                '填写被取代的旧版本的文件名（不含 .md）；没有旧版本的删去此项',
              ),
              ['rules'],
              data.previous,
            ),
          );
        }
      } else if (previous.data.kind !== data.kind || previous.data.place !== data.place) {
        errors.push(
          problem(
            rule,
            ['previous'],
            '上一版本',
            `上一版本“${data.previous}”是${nameOf(previous.data.place)}的${RULE_KIND_LABELS[previous.data.kind]}，` +
              `本版本是${nameOf(data.place)}的${RULE_KIND_LABELS[data.kind]}`,
            '上一版本须是同一地点、同一类型的旧版本',
          ),
        );
      }
    }
    if (data.status === 'current') {
      const key = `${data.place}\n${data.kind}`;
      const first = firstCurrent.get(key);
      if (first === undefined) firstCurrent.set(key, rule);
      else {
        errors.push(
          problem(
            rule,
            ['status'],
            '状态',
            `${nameOf(data.place)}已有现行的${RULE_KIND_LABELS[data.kind]}（${first.id}），同一地点同类只能有一个现行版本`,
            `把旧版本“${first.id}”的状态改为“已废止”，或把本版本改为征求意见稿`,
          ),
        );
      }
    }
  }
  return errors;
}

/** The versions of a rule, newest first: the rule, its previous version, that one's previous… (cycle-safe). */
export function versionChain<T extends { id: string; data: { previous?: string | undefined } }>(
  rule: T,
  all: readonly T[],
): T[] {
  const byId = new Map(all.map((r) => [r.id, r]));
  const chain: T[] = [rule];
  const seen = new Set([rule.id]);
  let next = rule.data.previous === undefined ? undefined : byId.get(rule.data.previous);
  while (next !== undefined && !seen.has(next.id)) {
    chain.push(next);
    seen.add(next.id);
    next = next.data.previous === undefined ? undefined : byId.get(next.data.previous);
  }
  return chain;
}

/** The later versions of a rule (those naming it, directly or not, as previous), oldest first. */
export function laterVersions<T extends { id: string; data: { previous?: string | undefined } }>(
  rule: T,
  all: readonly T[],
): T[] {
  const later: T[] = [];
  const seen = new Set([rule.id]);
  let current = rule.id;
  for (;;) {
    const next = all.find((r) => r.data.previous === current && !seen.has(r.id));
    if (next === undefined) return later;
    later.push(next);
    seen.add(next.id);
    current = next.id;
  }
}
