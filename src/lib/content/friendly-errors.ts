/**
 * Turns zod issues into errors an editor can act on: which file, which field (with its Chinese label),
 * what is wrong and how to fix it. The validate CLI, the build and the importers all report through here,
 * and tests assert the exact wording.
 */
import type { z } from 'astro/zod';
import { describe, fieldAt, labelsAt, type FieldInfo } from './schema-walk.ts';

export interface ContentError {
  /** Path of the file, relative to the project (e.g. content/notices/2025-03-01-dibao.md). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Dotted field path (e.g. period.end, decisions.0.votes); empty for whole-file problems. */
  field: string;
  /** Chinese label of the field, e.g. 公示期 › 公示结束日期. */
  label: string;
  /** What is wrong (Chinese). */
  message: string;
  /** How to fix it (Chinese). */
  fix: string;
  /**
   * Set on "找不到…" errors: the entry the field names, in any of these collections. When that entry's file exists
   * but fails its own checks, the error is dropped (src/lib/content/content-gate.ts `checkContent`): the file's own
   * error is the one to fix, and one typo in a place file must not bury it under an error on every notice of the place.
   */
  missing?: { collections: readonly string[]; id: string };
}

/** The error with the reference it could not resolve (see {@link ContentError.missing}). */
export function missingReference(error: ContentError, collections: readonly string[], id: string): ContentError {
  return { ...error, missing: { collections, id } };
}

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是/否',
  object: '一组字段',
  array: '列表',
  date: '日期',
};

function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (value instanceof Date) return '日期';
  switch (typeof value) {
    case 'string':
      return `文字“${value.length > 20 ? `${value.slice(0, 20)}…` : value}”`;
    case 'number':
      return `数字 ${value}`;
    case 'boolean':
      return value ? '“是”' : '“否”';
    case 'object':
      return '一组字段';
    default:
      return typeof value;
  }
}

/** Chinese default messages for zod issues whose schema did not set its own message. */
function chineseMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填项';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，现在是${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return `太短：至少 ${String(issue.minimum)} 个字`;
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项`;
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `太长：不超过 ${String(issue.maximum)} 个字`;
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return issue.input === undefined ? '缺少必填项' : `“${String(issue.input)}”不是可选的值`;
    case 'invalid_format':
      return issue.format === 'email' ? '邮箱格式不对' : issue.format === 'url' ? '网址格式不对' : '格式不对';
    case 'unrecognized_keys':
      return `有无法识别的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '格式不对';
    default:
      return '内容不符合要求';
  }
}

function optionList(info: FieldInfo | undefined): string {
  const options = info?.options ?? info?.element?.options ?? [];
  const labels = info?.meta.optionLabels ?? {};
  return options.map((o) => (labels[o] ? `${o}（${labels[o]}）` : o)).join('、');
}

function fixFor(issue: z.core.$ZodIssue, info: FieldInfo | undefined, label: string): string {
  const params = (issue as { params?: { fix?: string } }).params;
  if (params?.fix) return params.fix;
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) {
        const example = info?.meta.example ? `，如 ${info.meta.example}` : '';
        return `填写“${label}”${example}`;
      }
      if (issue.expected === 'number') return '只填阿拉伯数字，不要带单位或文字，如 12';
      if (issue.expected === 'string' && typeof input === 'number') return '给这个值加上引号，作为文字填写';
      if (issue.expected === 'boolean') return '填 true（是）或 false（否）';
      if (issue.expected === 'array') return '改为列表，每项一行，以“- ”开头';
      return `改为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    }
    case 'invalid_value':
      return `从以下选项中选一个：${optionList(info)}`;
    case 'too_small':
    case 'too_big':
      return `修改“${label}”，使其符合上面的要求`;
    case 'invalid_format':
      return info?.meta.fix ?? `按提示的格式修改“${label}”`;
    case 'unrecognized_keys':
      return '检查字段名是否拼错，或删除多余的字段';
    default:
      return info?.meta.fix ?? `按提示修改“${label}”`;
  }
}

/** Dotted path for display: decisions.0.votes. */
function pathToString(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

const describeCache = new WeakMap<z.ZodType, FieldInfo>();
function describeCached(schema: z.ZodType): FieldInfo {
  let info = describeCache.get(schema);
  if (info === undefined) {
    info = describe(schema);
    describeCache.set(schema, info);
  }
  return info;
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: ContentError[] };

/**
 * Parse `data` with `schema`; on failure return one friendly error per problem.
 * `lineOf` maps a field path to a line in the source file when the caller knows it.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(data, { error: chineseMessage, reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const root = describeCached(schema);
  const errors = result.error.issues.flatMap((issue): ContentError[] => {
    if (issue.code === 'unrecognized_keys') return unknownKeyErrors(root, issue.path, issue.keys, file, lineOf);
    const info = fieldAt(root, issue.path);
    const label = labelsAt(root, issue.path).join(' › ');
    const error: ContentError = {
      file,
      field: pathToString(issue.path),
      label,
      message: issue.message,
      fix: fixFor(issue, info, label),
    };
    const line = lineOf?.(issue.path);
    if (line !== undefined) error.line = line;
    return [error];
  });
  return { ok: false, errors };
}

/** Edit distance (insert, delete, replace one character), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known field an unknown key was probably meant to be: same name in another case (`Draft` → `draft`), or at
 * most two edits away (one for short names), ignoring case. Undefined when nothing is close.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= (key.length <= 4 ? 1 : 2) && (best === undefined || distance < best.distance)) {
      best = { key: candidate, distance };
    }
  }
  return best?.key;
}

/**
 * One error per unknown key (a strict schema refuses them: a misspelt `Draft: true` would otherwise be dropped
 * and the notice published), naming the key where it is written and the field it was probably meant to be.
 */
function unknownKeyErrors(
  root: FieldInfo,
  objectPath: readonly PropertyKey[],
  keys: readonly string[],
  file: string,
  lineOf: ((path: readonly PropertyKey[]) => number | undefined) | undefined,
): ContentError[] {
  const parent = fieldAt(root, objectPath);
  const fields = (parent?.kind === 'array' ? parent.element?.fields : parent?.fields) ?? {};
  const known = Object.keys(fields);
  const where = labelsAt(root, objectPath).join(' › ');
  return keys.map((key): ContentError => {
    const path = [...objectPath, key];
    const match = closestKey(key, known);
    const error: ContentError = {
      file,
      field: pathToString(path),
      label: '',
      message: `${where ? `“${where}”中` : ''}有无法识别的字段“${key}”${match === undefined ? '' : `，是不是“${match}”？`}`,
      fix:
        match === undefined
          ? `删除这个字段，或改为以下字段之一（区分大小写）：${known.join('、')}`
          : `改为“${match}”（${fields[match]?.meta.title ?? match}）：字段名区分大小写，拼错的字段不会生效`,
    };
    const line = lineOf?.(path) ?? lineOf?.(objectPath);
    if (line !== undefined) error.line = line;
    return error;
  });
}

/** One error as text for a terminal or a log: location, field, problem, fix. */
export function formatError(error: ContentError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  const field = error.field === '' ? '' : ` ${error.field}${error.label ? `（${error.label}）` : ''}`;
  return `${where}${field}\n  问题：${error.message}\n  修改：${error.fix}`;
}
