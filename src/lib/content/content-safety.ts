/**
 * Safety checks on every content entry, run with the schema checks so editors see them in `npm run validate`
 * and the build refuses to publish:
 *
 * - personal data (resident IDs, bank cards, residents' mobiles) in any text field or the Markdown body;
 *   mobiles are allowed only in fields marked `publicContact` in the schemas (work phones published on purpose);
 * - raw HTML in Markdown (editors never need it; it is how scripts get in);
 * - links whose scheme is not http(s), mailto or tel (javascript:, data:, vbscript:…), in the body or any field.
 *
 * Pure: takes a parsed entry, returns errors. Messages never repeat a full personal number (CI logs may be public).
 */
import type { z } from 'astro/zod';
import { collections, type CollectionName } from '../../schemas/index.ts';
import type { ContentError } from './friendly-errors.ts';
import { findPersonalData, PERSONAL_DATA_LABELS, positionOf, type PersonalDataHit } from './privacy.ts';
import { describe, fieldAt, labelsAt, type FieldInfo } from './schema-walk.ts';

/** What the safety checks need of an entry (a RawEntry satisfies it). */
export interface CheckedEntry {
  collection: CollectionName;
  file: string;
  data: unknown;
  body?: string;
  bodyLine?: number;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

const describeCache = new Map<CollectionName, FieldInfo>();
function schemaInfo(collection: CollectionName): FieldInfo {
  let info = describeCache.get(collection);
  if (info === undefined) {
    info = describe(collections[collection].schema as z.ZodType);
    describeCache.set(collection, info);
  }
  return info;
}

const LAW = '个人信息保护法第二十八条、第三十四条';

export function personalDataFix(hit: PersonalDataHit): string {
  switch (hit.kind) {
    case 'resident-id':
      return `改为 ${hit.masked}（隐去出生日期）；低保、补贴名单只写姓名、组别和金额，不写身份证号`;
    case 'bank-card':
      return `改为 ${hit.masked}，或删除卡号：公示名单不写银行账号`;
    case 'mobile':
      return `改为 ${hit.masked}；如是网格员或干部的工作电话，请填在“联系电话”“网格员电话”等电话栏`;
  }
}

/**
 * "…有完整的身份证号码，公开会泄露个人信息（…）". An ID whose check code is wrong is still that person's number
 * (one mistyped digit), so it is refused too, and the message says why it was recognised anyway.
 */
export function personalDataMessage(where: string, hit: PersonalDataHit): string {
  const what = hit.checkDigitWrong
    ? `${PERSONAL_DATA_LABELS[hit.kind]}（最后一位校验码不对，可能抄错了一位，但仍是某人的号码）`
    : PERSONAL_DATA_LABELS[hit.kind];
  return `${where}有完整的${what}，公开会泄露个人信息（${LAW}）`;
}

function personalDataError(
  entry: CheckedEntry,
  field: string,
  label: string,
  line: number | undefined,
  where: string,
  hit: PersonalDataHit,
): ContentError {
  const error: ContentError = {
    file: entry.file,
    field,
    label,
    message: personalDataMessage(where, hit),
    fix: personalDataFix(hit),
  };
  if (line !== undefined) error.line = line;
  return error;
}

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** Schemes that run script or embed a document when used as a link. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file', 'blob']);

const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(' };

/**
 * The scheme a browser would see for a link destination, lower-cased, or undefined for a relative link.
 * Undoes what could hide a scheme: HTML entities (java&#x73;cript:), Markdown backslash escapes (javascript\:)
 * and the whitespace and control characters browsers strip.
 */
export function linkScheme(destination: string): string | undefined {
  const decoded = destination
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (all, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? all)
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(decoded);
  return match?.[1]?.toLowerCase();
}

/** True when a link destination would run script or smuggle a document (any scheme but http(s)/mailto/tel). */
export function isUnsafeLink(destination: string): boolean {
  const scheme = linkScheme(destination);
  return scheme !== undefined && !ALLOWED_SCHEMES.has(scheme);
}

export interface MarkdownProblem {
  kind: 'raw-html' | 'unsafe-link';
  /** Offset in the Markdown text. */
  index: number;
  /** The offending text, shortened for messages. */
  snippet: string;
  /** For unsafe links: the scheme. */
  scheme?: string;
}

/** Fenced code blocks and inline code spans: their content is shown as text, never as HTML. */
function blankCode(markdown: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return markdown
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1?\2[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^<>\s]*)>/gi;
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!\[CDATA\[|<![a-z]|<\?[a-z]/gi;
const INLINE_LINK = /\]\(\s*(<[^>\n]*>|[^\s)]+)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;

/** Raw HTML and unsafe links in a Markdown text, in order of appearance. */
export function findMarkdownProblems(markdown: string): MarkdownProblem[] {
  const text = blankCode(markdown);
  const problems: MarkdownProblem[] = [];
  const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
  const autolinkStarts = new Set<number>();
  for (const m of text.matchAll(AUTOLINK)) {
    autolinkStarts.add(m.index);
    const destination = m[1] ?? '';
    const scheme = linkScheme(destination);
    if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) {
      problems.push({ kind: 'unsafe-link', index: m.index, snippet: short(m[0]), scheme });
    }
  }
  for (const m of text.matchAll(HTML_TAG)) {
    if (autolinkStarts.has(m.index)) continue;
    const end = markdown.indexOf('>', m.index);
    const snippet = markdown.slice(m.index, end === -1 ? m.index + 40 : Math.min(end + 1, m.index + 41));
    problems.push({ kind: 'raw-html', index: m.index, snippet: short(snippet) });
  }
  for (const pattern of [INLINE_LINK, REFERENCE_DEFINITION]) {
    for (const m of text.matchAll(pattern)) {
      const destination = (m[1] ?? '').replace(/^<|>$/g, '');
      const scheme = linkScheme(destination);
      if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) {
        problems.push({ kind: 'unsafe-link', index: m.index, snippet: short(destination), scheme });
      }
    }
  }
  return problems.sort((a, b) => a.index - b.index);
}

function markdownError(entry: CheckedEntry, line: number | undefined, problem: MarkdownProblem): ContentError {
  const where = line === undefined ? '正文' : `正文第 ${line} 行`;
  const error: ContentError =
    problem.kind === 'raw-html'
      ? {
          file: entry.file,
          field: 'body',
          label: '正文',
          message: `${where}含有 HTML 代码“${problem.snippet}”，网站不发布 HTML（可能被用来植入脚本）`,
          fix: '删除 HTML 标签，用 Markdown 写格式：**加粗**、- 列表、[链接文字](https://…)；要展示代码原文请用反引号 ` 括起来',
        }
      : {
          file: entry.file,
          field: 'body',
          label: '正文',
          message: `${where}的链接“${problem.snippet}”使用了不安全的 ${problem.scheme ?? ''}: 地址`,
          fix: '链接只能以 https://、http://、mailto: 或 tel: 开头，或写本站地址如 /notices/；附件请上传后用 /uploads/… 链接',
        };
  if (line !== undefined) error.line = line;
  return error;
}

function walkStrings(
  value: unknown,
  path: (string | number)[],
  visit: (text: string, path: (string | number)[]) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, [...path, i], visit));
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}

/** Every safety problem of one entry: personal data in fields and body, raw HTML and unsafe links. */
export function contentSafetyErrors(entry: CheckedEntry): ContentError[] {
  const errors: ContentError[] = [];
  const root = schemaInfo(entry.collection);
  walkStrings(entry.data, [], (text, path) => {
    const info = fieldAt(root, path);
    const field = path.map(String).join('.');
    const label = labelsAt(root, path).join(' › ');
    const line = entry.lineOf?.(path);
    const mobiles = info?.meta.publicContact !== true;
    for (const hit of findPersonalData(text, { mobiles })) {
      errors.push(personalDataError(entry, field, label, line, `“${label || field}”中`, hit));
    }
    // Plain text fields may start with "word:", so only the schemes that run script or embed documents count here.
    const scheme = linkScheme(text);
    if (scheme !== undefined && SCRIPT_SCHEMES.has(scheme)) {
      const error: ContentError = {
        file: entry.file,
        field,
        label,
        message: `“${label || field}”是不安全的 ${scheme}: 地址`,
        fix: '网址只能以 https:// 或 http:// 开头',
      };
      if (line !== undefined) error.line = line;
      errors.push(error);
    }
  });
  if (entry.body !== undefined) {
    const bodyLine = (offset: number) =>
      entry.bodyLine === undefined ? undefined : entry.bodyLine + positionOf(entry.body ?? '', offset).line - 1;
    for (const hit of findPersonalData(entry.body)) {
      const line = bodyLine(hit.index);
      errors.push(
        personalDataError(entry, 'body', '正文', line, line === undefined ? '正文中' : `正文第 ${line} 行`, hit),
      );
    }
    for (const problem of findMarkdownProblems(entry.body)) {
      errors.push(markdownError(entry, bodyLine(problem.index), problem));
    }
  }
  return errors;
}

/**
 * Digits of every value in a `publicContact` field (work phones published on purpose), so the output scan can
 * tell a grid worker's phone on the "找网格员" page from a resident's number that leaked.
 */
export function publicContactPhones(entries: readonly CheckedEntry[]): Set<string> {
  const phones = new Set<string>();
  for (const entry of entries) {
    const root = schemaInfo(entry.collection);
    walkStrings(entry.data, [], (text, path) => {
      if (fieldAt(root, path)?.meta.publicContact === true) phones.add(text.replace(/\D/g, ''));
    });
  }
  return phones;
}
