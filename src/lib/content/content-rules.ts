/**
 * Rules that span several files: references between entries, uniqueness, and dates relative to the build day.
 * Pure: takes parsed entries, returns errors. Single-file rules live in the schemas.
 */
import type { Finance } from '../../schemas/finance.ts';
import type { Legal } from '../../schemas/legal.ts';
import type { Matter } from '../../schemas/matter.ts';
import type { Meeting } from '../../schemas/meeting.ts';
import type { Notice } from '../../schemas/notice.ts';
import type { Register } from '../../schemas/register.ts';
import { PARENT_LEVELS, PLACE_LEVEL_LABELS, type Place } from '../../schemas/place.ts';
import type { Rule } from '../../schemas/rule.ts';
import type { Site } from '../../schemas/site.ts';
import type { Stats } from '../../schemas/stats.ts';
import { monthOf } from '../site/dates.ts';
import { redirectsFor } from '../record/durable-urls.ts';
import { financeRuleErrors, type LedgerData } from '../finance/finance.ts';
import type { ContentError } from './friendly-errors.ts';
import { DEFAULT_DECISION_NOTICE_DAYS, matterProblems } from '../matters/matters.ts';
import { registerRuleErrors, registerWarnings, type RegisterEntry } from '../finance/registers.ts';
import { ruleProblems, type RuleSummary } from '../rules/rules.ts';
import { missingReference } from './friendly-errors.ts';

export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  body?: string;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export interface Content {
  site: Entry<Site> | undefined;
  places: Entry<Place>[];
  notices: Entry<Notice>[];
  meetings: Entry<Meeting>[];
  matters: Entry<Matter>[];
  stats: Entry<Stats>[];
  legal: Entry<Legal>[];
  finance: Entry<Finance>[];
  registers: Entry<Register>[];
  rules: Entry<Rule>[];
}

/**
 * What the cross-file rules read of each entry: a full {@link Content} satisfies it, and so does the summary of
 * the other entries the CMS checks a save against (content-gate.ts `GateContext`).
 */
export interface RuleContent {
  site: Entry<Pick<Site, 'rootPlace'>> | undefined;
  places: Entry<Pick<Place, 'name' | 'level' | 'parent'>>[];
  notices: Entry<Pick<Notice, 'place' | 'withdrawn' | 'movedFrom'>>[];
  meetings: Entry<Pick<Meeting, 'place' | 'movedFrom'> & { decisions: { notices: string[] }[] }>[];
  stats: Entry<Pick<Stats, 'place' | 'month'>>[];
  legal: Entry<Pick<Legal, 'movedFrom'>>[];
  /** Other months in the CMS context come without their lines (LedgerData): only the chain is checked on them. */
  finance: Entry<LedgerData>[];
  /** A contract's 决议 and a rule's adopting matter: only their ids and places are read (their own rules run in checkContent). */
  matters: Entry<Pick<Matter, 'place'>>[];
  /** Other registers in the CMS context come as their place only (RegisterEntry). */
  registers: RegisterEntry[];
  rules: Entry<RuleSummary & Pick<Rule, 'movedFrom'>>[];
}

export interface RuleOptions {
  /**
   * Do not refuse a reference to a place or notice that is not in the content: the CMS sets this when its context
   * may be incomplete (a production build's copy leaves out unpublished entries and predates later saves). The
   * build, which sees every file, still checks every reference.
   */
  unknownReferencesAllowed?: boolean;
}

function error(entry: Entry<unknown>, path: PropertyKey[], label: string, message: string, fix: string): ContentError {
  const e: ContentError = { file: entry.file, field: path.map(String).join('.'), label, message, fix };
  const line = entry.lineOf?.(path);
  if (line !== undefined) e.line = line;
  return e;
}

/** All cross-file errors for `content` built on `today` (YYYY-MM-DD, Asia/Shanghai). */
export function crossFileErrors(content: RuleContent, today: string, options: RuleOptions = {}): ContentError[] {
  const errors: ContentError[] = [];
  const places = new Map(content.places.map((p) => [p.id, p]));
  const placeHint = () => {
    const ids = content.places.filter((p) => p.data.level !== 'grid').map((p) => `${p.id}（${p.data.name}）`);
    return `改为已有的编号：${ids.slice(0, 12).join('、')}${ids.length > 12 ? ' 等' : ''}`;
  };

  if (content.site !== undefined) {
    const root = places.get(content.site.data.rootPlace);
    if (root === undefined) {
      if (!options.unknownReferencesAllowed) {
        const { rootPlace } = content.site.data;
        errors.push(
          missingReference(
            error(content.site, ['rootPlace'], '本级街道/乡镇', `找不到地点“${rootPlace}”`, placeHint()),
            ['places'],
            rootPlace,
          ),
        );
      }
    } else if (root.data.level !== 'street' && root.data.level !== 'township') {
      errors.push(
        error(
          content.site,
          ['rootPlace'],
          '本级街道/乡镇',
          `“${root.data.name}”是${PLACE_LEVEL_LABELS[root.data.level]}，不是街道或乡镇`,
          '填写最上级（街道或乡镇）的编号',
        ),
      );
    }
  }

  for (const place of content.places) {
    const parentId = place.data.parent;
    if (parentId === undefined) continue;
    const parent = places.get(parentId);
    if (parent === undefined) {
      if (!options.unknownReferencesAllowed) {
        errors.push(
          missingReference(
            error(place, ['parent'], '上级', `找不到上级地点“${parentId}”`, placeHint()),
            ['places'],
            parentId,
          ),
        );
      }
      continue;
    }
    const allowed = PARENT_LEVELS[place.data.level];
    if (!allowed.includes(parent.data.level)) {
      errors.push(
        error(
          place,
          ['parent'],
          '上级',
          `${PLACE_LEVEL_LABELS[place.data.level]}不能直接隶属于${PLACE_LEVEL_LABELS[parent.data.level]}“${parent.data.name}”`,
          `上级应为：${allowed.map((l) => PLACE_LEVEL_LABELS[l]).join('或')}`,
        ),
      );
    }
  }

  const checkPlace = (entry: Entry<{ place: string }>, label: string) => {
    if (!places.has(entry.data.place) && !options.unknownReferencesAllowed) {
      errors.push(
        missingReference(
          error(entry, ['place'], label, `找不到地点“${entry.data.place}”`, placeHint()),
          ['places'],
          entry.data.place,
        ),
      );
    }
  };
  content.notices.forEach((n) => checkPlace(n, '发布单位'));
  content.meetings.forEach((m) => checkPlace(m, '村/社区'));
  content.stats.forEach((s) => checkPlace(s, '村/社区'));
  content.finance.forEach((f) => checkPlace(f, '村/社区'));
  content.registers.forEach((r) => checkPlace(r, '村/社区'));

  const noticeIds = new Set(content.notices.map((n) => n.id));
  for (const meeting of content.meetings) {
    meeting.data.decisions.forEach((decision, i) => {
      decision.notices.forEach((id, j) => {
        if (!noticeIds.has(id) && !options.unknownReferencesAllowed) {
          errors.push(
            missingReference(
              error(
                meeting,
                ['decisions', i, 'notices', j],
                '决定事项 › 相关公告',
                `找不到公告“${id}”`,
                '填写 content/notices 中公告的文件名（不含 .md）',
              ),
              ['notices'],
              id,
            ),
          );
        }
      });
    });
  }

  const thisMonth = monthOf(today);
  const seen = new Map<string, Entry<unknown>>();
  for (const record of content.stats) {
    const { place, month } = record.data;
    const key = `${place}-${month}`;
    if (record.id !== key) {
      errors.push(
        error(
          record,
          ['month'],
          '月份',
          `文件名“${record.id}”与地点、月份不一致`,
          `把文件改名为 ${key}.json，或改正文件中的地点和月份`,
        ),
      );
    }
    if (month > thisMonth) {
      errors.push(
        error(
          record,
          ['month'],
          '月份',
          `${month} 还没到（今天是 ${today}）`,
          '统计只能填报已经开始的月份：检查年份和月份',
        ),
      );
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(
        error(
          record,
          ['month'],
          '月份',
          `${place} 在 ${month} 已有一份统计（${earlier.file}）`,
          '每个地点每月只保留一份统计：合并两份文件的数字，删除其中一份',
        ),
      );
    } else {
      seen.set(key, record);
    }
  }
  // Issue 18: a replacement notice must exist, and an old id can lead to one entry only (src/lib/record/durable-urls.ts).
  for (const notice of content.notices) {
    const replacement = notice.data.withdrawn?.supersededBy;
    if (replacement === undefined) continue;
    if (replacement === notice.id || !noticeIds.has(replacement)) {
      errors.push(
        missingReference(
          error(
            notice,
            ['withdrawn', 'supersededBy'],
            '替代公告',
            replacement === notice.id ? '替代公告不能是本公告自己' : `找不到公告“${replacement}”`,
            '填写重新发布的公告的文件名（不含 .md），如 2026-11-23-yunxi-zhengbing-2027-chongfa',
          ),
          ['notices'],
          replacement,
        ),
      );
    }
  }
  const movable = [
    ...content.notices.map((e) => ({
      entry: e as Entry<unknown>,
      collection: 'notices' as const,
      movedFrom: e.data.movedFrom,
    })),
    ...content.meetings.map((e) => ({
      entry: e as Entry<unknown>,
      collection: 'meetings' as const,
      movedFrom: e.data.movedFrom,
    })),
    ...content.legal.map((e) => ({
      entry: e as Entry<unknown>,
      collection: 'legal' as const,
      movedFrom: e.data.movedFrom,
    })),
    ...content.rules.map((e) => ({
      entry: e as Entry<unknown>,
      collection: 'rules' as const,
      // A summary from an older gate-context.json (before rules existed) has no movedFrom.
      movedFrom: e.data.movedFrom ?? [],
    })),
  ];
  const byFile = new Map(movable.map((m) => [m.entry.file, m.entry]));
  for (const problem of redirectsFor(
    movable.map((m) => ({ collection: m.collection, id: m.entry.id, movedFrom: m.movedFrom, file: m.entry.file })),
  ).errors) {
    const index = Number(problem.field.split('.')[1] ?? 0);
    const line = byFile.get(problem.file)?.lineOf?.(['movedFrom', index]);
    errors.push(line === undefined ? problem : { ...problem, line });
  }
  errors.push(...financeRuleErrors(content.finance, today));
  errors.push(...registerRuleErrors(content.registers, content.matters, content.meetings, options));
  errors.push(
    ...ruleProblems({
      rules: content.rules,
      places: content.places,
      meetings: content.meetings,
      matters: content.matters,
      unknownReferencesAllowed: options.unknownReferencesAllowed === true,
    }),
  );
  return errors;
}

/** The matter rules (src/lib/matters/matters.ts) over whole content: run by checkContent, which has every document. */
export function mattersOf(content: Content, today: string) {
  const days = content.site?.data.decisionNoticeDays ?? DEFAULT_DECISION_NOTICE_DAYS;
  return matterProblems(content.matters, content.meetings, content.notices, today, days);
}

/** Cross-file problems that are printed but do not stop the build (a 决议公开 published late). */
export function crossFileWarnings(content: Content, today: string): ContentError[] {
  const late = content.meetings
    .filter((m) => m.data.status === 'scheduled' && !m.data.draft && m.data.date < today)
    .map((m) =>
      error(
        m,
        ['status'],
        '会议状态',
        `会议日期 ${m.data.date} 已过，仍是“即将召开”，网站上已不再显示`,
        '会后把“会议状态”改为“已召开”，补填出席情况和决定事项；会议改期的，改正会议日期',
      ),
    );
  return [...mattersOf(content, today).warnings, ...late, ...registerWarnings(content.registers, today)];
}
