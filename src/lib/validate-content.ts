/**
 * Validate the whole content directory: syntax, file names, each file against its schema, then cross-file rules.
 * Returns every error at once (never stops at the first), plus the parsed content when there are none.
 * Used by `npm run validate`, by the build integration and by tests.
 */
import type { z } from 'astro/zod';
import { collections, type CollectionName } from '../schemas/index.ts';
import { attachmentSafetyErrors, hasReadableText } from './attachment-safety.ts';
import { readContent, readUploads, type RawEntry } from './content-files.ts';
import { crossFileErrors, crossFileWarnings, type Content, type Entry } from './content-rules.ts';
import { contentSafetyErrors, publicContactPhones } from './content-safety.ts';
import { parseWithFriendlyErrors, type ContentError } from './friendly-errors.ts';

export interface ValidationResult {
  errors: ContentError[];
  /** Problems printed by npm run validate and the build without failing them (e.g. a late 决议公开). */
  warnings: ContentError[];
  content: Content;
  /** Number of files read, per collection. */
  counts: Record<CollectionName, number>;
}

function checkFileName(entry: RawEntry): ContentError | undefined {
  const spec = collections[entry.collection];
  if (!('fileName' in spec)) return undefined;
  if (spec.fileName.pattern.test(entry.id)) return undefined;
  return {
    file: entry.file,
    field: '',
    label: '文件名',
    message: `文件名“${entry.id}”不符合要求`,
    fix: `文件名只用小写英文字母、数字和连字符：${spec.fileName.hint}`,
  };
}

/** Validate raw entries (already read from disk, or built in memory by tests and importers). */
export function validateEntries(raw: RawEntry[], today: string, readErrors: ContentError[] = []): ValidationResult {
  const errors = [...readErrors];
  const content: Content = {
    site: undefined,
    places: [],
    notices: [],
    meetings: [],
    matters: [],
    stats: [],
    legal: [],
  };
  const counts = Object.fromEntries(Object.keys(collections).map((k) => [k, 0])) as Record<CollectionName, number>;
  for (const entry of raw) {
    counts[entry.collection] += 1;
    const nameError = checkFileName(entry);
    if (nameError) errors.push(nameError);
    // Personal data, raw HTML and unsafe links are reported even when the entry has schema errors too.
    errors.push(...contentSafetyErrors(entry));
    const parsed = parseEntry(entry);
    if (parsed.ok) addEntry(content, entry, parsed.entry);
    else errors.push(...parsed.errors);
  }
  errors.push(...crossFileErrors(content, today));
  return { errors: sortErrors(errors), warnings: sortErrors(crossFileWarnings(content, today)), content, counts };
}

function parseEntry(entry: RawEntry): { ok: true; entry: Entry<never> } | { ok: false; errors: ContentError[] } {
  const schema: z.ZodType = collections[entry.collection].schema;
  const parsed = parseWithFriendlyErrors(schema, entry.data, entry.file, entry.lineOf);
  if (!parsed.ok) return parsed;
  const valid: Entry<never> = { id: entry.id, file: entry.file, data: parsed.data as never, lineOf: entry.lineOf };
  if (entry.body !== undefined) valid.body = entry.body;
  return { ok: true, entry: valid };
}

function addEntry(content: Content, raw: RawEntry, entry: Entry<never>): void {
  if (raw.collection === 'site') content.site = entry;
  else (content[raw.collection] as Entry<unknown>[]).push(entry);
}

/**
 * Typed content of entries the build has already validated (the post-build checks): the schemas only, without
 * repeating the safety scan and cross-file rules. Entries that do not parse are left out.
 */
export function parseContent(raw: RawEntry[]): Content {
  const content: Content = {
    site: undefined,
    places: [],
    notices: [],
    meetings: [],
    matters: [],
    stats: [],
    legal: [],
  };
  for (const entry of raw) {
    const parsed = parseEntry(entry);
    if (parsed.ok) addEntry(content, entry, parsed.entry);
  }
  return content;
}

/** One file's problems together, top to bottom, files in path order: the order an editor fixes them in. */
function sortErrors(errors: ContentError[]): ContentError[] {
  return errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/** Read and validate a content directory: every entry, then the attachments in uploads/ (personal data). */
export async function validateContentDir(dir: string, today: string, projectRoot?: string): Promise<ValidationResult> {
  const { entries, errors } = readContent(dir, projectRoot);
  const result = validateEntries(entries, today, errors);
  const attachments = await attachmentSafetyErrors(
    readUploads(dir, hasReadableText, projectRoot),
    publicContactPhones(entries),
  );
  return attachments.length === 0 ? result : { ...result, errors: sortErrors([...result.errors, ...attachments]) };
}
