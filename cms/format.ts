/**
 * How the CMS reads and writes our files.
 *
 * Markdown: YAML front matter, then the Markdown text. Decap's built-in front-matter format treats a field named
 * `body` as the text below the front matter, but meetings use `body` for 会议类型; so the text lives in the CMS-only
 * field MARKDOWN_FIELD instead. Front matter is written with the same `yaml` library `npm run validate` reads with.
 *
 * JSON: Decap's own JSON format writes keys in the order its in-memory entry happens to hold them, so saving a stats
 * record after changing two numbers reordered the whole file. Both formats here write keys in schema order
 * (= CMS field order), nested groups and list rows included, so a diff shows only what changed.
 */
import { parse, stringify } from 'yaml';
import type { CmsField } from './config.ts';
import { MARKDOWN_FIELD } from './config.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Field order of a collection: each key maps to the order of its children (groups and list rows). */
export type KeyOrder = Map<string, KeyOrder>;

export function keyOrderOf(fields: readonly CmsField[]): KeyOrder {
  return new Map(fields.map((f) => [f.name, keyOrderOf(f.fields ?? [])]));
}

/** A copy of `value` with object keys in `order`; keys the order does not know keep their place after those. */
export function ordered(value: unknown, order: KeyOrder): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, order));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of order) if (key in source) out[key] = ordered(source[key], child);
  for (const [key, item] of Object.entries(source)) if (!(key in out)) out[key] = item;
  return out;
}

function topLevelOrder(sortedKeys: readonly string[]): KeyOrder {
  return new Map(sortedKeys.map((k) => [k, new Map()]));
}

/** File text → CMS entry data. A file without front matter is all body (the CMS then asks for the fields). */
export function fromFile(text: string): Record<string, unknown> {
  const source = text.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(source);
  if (match === null) return { [MARKDOWN_FIELD]: source };
  const meta = (parse(match[1] ?? '') ?? {}) as Record<string, unknown>;
  const body = source.slice(match[0].length).replace(/^\r?\n/, '');
  return { ...meta, [MARKDOWN_FIELD]: body };
}

/**
 * CMS entry data → file text, keys in field order: `order` (the collection's fields, nested) when given, else the
 * top-level `sortedKeys` Decap passes.
 */
export function toFile(data: Record<string, unknown>, sortedKeys: readonly string[] = [], order?: KeyOrder): string {
  const { [MARKDOWN_FIELD]: body, ...meta } = data;
  const sorted = ordered(meta, order ?? topLevelOrder(sortedKeys));
  const text = typeof body === 'string' ? body.replace(/\s+$/, '') : '';
  const yaml = stringify(sorted, { lineWidth: 0 });
  return `---\n${yaml}---\n${text === '' ? '' : `\n${text}\n`}`;
}

export function jsonFromFile(text: string): Record<string, unknown> {
  return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

/** Same layout as the demo files and the importer (two-space indent, final newline). */
export function jsonToFile(data: Record<string, unknown>, order: KeyOrder): string {
  return `${JSON.stringify(ordered(data, order), null, 2)}\n`;
}
