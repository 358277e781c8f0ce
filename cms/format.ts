/**
 * How the CMS reads and writes our Markdown files: YAML front matter, then the Markdown text.
 * Decap's built-in front-matter format treats a field named `body` as the text below the front matter, but
 * meetings use `body` for 会议类型; so the text lives in the CMS-only field MARKDOWN_FIELD instead.
 * Front matter is written with the same `yaml` library that `npm run validate` reads it with.
 */
import { parse, stringify } from 'yaml';
import { MARKDOWN_FIELD } from './config.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** File text → CMS entry data. A file without front matter is all body (the CMS then asks for the fields). */
export function fromFile(text: string): Record<string, unknown> {
  const source = text.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(source);
  if (match === null) return { [MARKDOWN_FIELD]: source };
  const meta = (parse(match[1] ?? '') ?? {}) as Record<string, unknown>;
  const body = source.slice(match[0].length).replace(/^\r?\n/, '');
  return { ...meta, [MARKDOWN_FIELD]: body };
}

/** CMS entry data → file text, keys in the order of the CMS fields (= schema order) when Decap gives it. */
export function toFile(data: Record<string, unknown>, sortedKeys: readonly string[] = []): string {
  const { [MARKDOWN_FIELD]: body, ...meta } = data;
  const ordered: Record<string, unknown> = {};
  for (const key of sortedKeys) if (key in meta) ordered[key] = meta[key];
  for (const [key, value] of Object.entries(meta)) if (!(key in ordered)) ordered[key] = value;
  const text = typeof body === 'string' ? body.replace(/\s+$/, '') : '';
  const yaml = stringify(ordered, { lineWidth: 0 });
  return `---\n${yaml}---\n${text === '' ? '' : `\n${text}\n`}`;
}
