/**
 * The content gate: the one code path that decides whether content may be published. `npm run validate` and the
 * build (through `validateContentDir`) run `checkContent` on every entry read from disk; the CMS runs `checkEntry`
 * on the entry being saved, with a {@link GateContext} describing the other entries (served at
 * `/admin/gate-context.json`), so an entry the build would refuse is never saved.
 *
 * Each entry gets the same checks everywhere: file rules (file name, body size), safety (personal data, raw HTML,
 * unsafe links, in the body and every text field), the zod schema (strict: unknown keys are errors) and the
 * cross-file rules of `content-rules.ts`. Reading files (encodings, BOM, JSON syntax, YAML aliases, sub-folders)
 * happens before, in `content-files.ts`, because only files on disk can have those problems.
 *
 * Pure and browser-safe: no node: imports anywhere below this module (the CMS bundles it).
 */
import type { z } from 'astro/zod';
import { collections, COLLECTION_NAMES, type CollectionName } from '../../schemas/index.ts';
import {
  crossFileErrors,
  crossFileWarnings,
  mattersOf,
  type Content,
  type Entry,
  type RuleContent,
} from './content-rules.ts';
import { contentSafetyErrors } from './content-safety.ts';
import { parseWithFriendlyErrors, type ContentError } from './friendly-errors.ts';
import { entryIsPublic } from '../record/publishing.ts';

/** One content entry as read from a file (content-files.ts) or held by the CMS. */
export interface GateEntry {
  collection: CollectionName;
  /**
   * File name without extension (the entry id used in URLs and references); '' for an entry the CMS has not
   * named yet (a new entry before its first save), which skips the file-name rule.
   */
  id: string;
  /** Path of the content file, for messages. */
  file: string;
  /** Front matter or JSON, not yet validated. */
  data: unknown;
  /** Markdown body (md collections only). */
  body?: string;
  /** 1-based line of the file where the body starts. */
  bodyLine?: number;
  /** Line of a field path in the file, when known. */
  lineOf?: (fieldPath: readonly PropertyKey[]) => number | undefined;
}

export interface ValidationResult {
  errors: ContentError[];
  /** Problems printed by npm run validate and the build without failing them (e.g. a late 决议公开). */
  warnings: ContentError[];
  content: Content;
  /** Number of files read, per collection. */
  counts: Record<CollectionName, number>;
}

/** Largest Markdown body published (UTF-8 bytes): longer texts belong in an attachment (and slow search to a crawl). */
export const BODY_LIMIT_BYTES = 200 * 1024;

function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function fileNameError(entry: GateEntry): ContentError | undefined {
  const spec = collections[entry.collection];
  if (!('fileName' in spec) || entry.id === '') return undefined;
  if (spec.fileName.pattern.test(entry.id)) return undefined;
  return {
    file: entry.file,
    field: '',
    label: '文件名',
    message: `文件名“${entry.id}”不符合要求`,
    fix: `文件名只用小写英文字母、数字和连字符：${spec.fileName.hint}`,
  };
}

function bodySizeError(entry: GateEntry): ContentError | undefined {
  if (entry.body === undefined) return undefined;
  const bytes = new TextEncoder().encode(entry.body).length;
  if (bytes <= BODY_LIMIT_BYTES) return undefined;
  const error: ContentError = {
    file: entry.file,
    field: 'body',
    label: '正文',
    message: `正文有 ${kilobytes(bytes)}，超过 ${kilobytes(BODY_LIMIT_BYTES)} 的上限`,
    fix: '长名单、明细表请做成附件（PDF 或 CSV）上传，正文只写说明和汇总',
  };
  if (entry.bodyLine !== undefined) error.line = entry.bodyLine;
  return error;
}

type Parsed = { ok: true; entry: Entry<never> } | { ok: false; errors: ContentError[] };

function parseEntry(entry: GateEntry): Parsed {
  const schema: z.ZodType = collections[entry.collection].schema;
  const parsed = parseWithFriendlyErrors(schema, entry.data, entry.file, entry.lineOf);
  if (!parsed.ok) return parsed;
  const valid: Entry<never> = { id: entry.id, file: entry.file, data: parsed.data as never };
  if (entry.lineOf !== undefined) valid.lineOf = entry.lineOf;
  if (entry.body !== undefined) valid.body = entry.body;
  return { ok: true, entry: valid };
}

/** Everything that can be said about one entry on its own: file rules, safety and schema. */
function singleEntryErrors(entry: GateEntry): { errors: ContentError[]; parsed: Parsed } {
  const errors: ContentError[] = [];
  const nameError = fileNameError(entry);
  if (nameError) errors.push(nameError);
  const sizeError = bodySizeError(entry);
  if (sizeError) errors.push(sizeError);
  // Personal data, raw HTML and unsafe links are reported even when the entry has schema errors too.
  errors.push(...contentSafetyErrors(entry));
  const parsed = parseEntry(entry);
  if (!parsed.ok) errors.push(...parsed.errors);
  return { errors, parsed };
}

function emptyContent(): Content {
  return {
    site: undefined,
    places: [],
    notices: [],
    meetings: [],
    matters: [],
    stats: [],
    legal: [],
    finance: [],
    registers: [],
    rules: [],
  };
}

function addEntry(content: RuleContent, collection: CollectionName, entry: Entry<never>): void {
  if (collection === 'site') content.site = entry;
  else (content[collection] as Entry<unknown>[]).push(entry);
}

/** One file's problems together, top to bottom, files in path order: the order an editor fixes them in. */
export function sortErrors(errors: ContentError[]): ContentError[] {
  return errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/**
 * Check every entry of a content directory (already read), then the rules between them, as of `today`
 * (YYYY-MM-DD, Asia/Shanghai). `readErrors` are the problems found while reading files; they are reported too.
 */
export function checkContent(entries: GateEntry[], today: string, readErrors: ContentError[] = []): ValidationResult {
  const errors = [...readErrors];
  const content = emptyContent();
  const counts = Object.fromEntries(Object.keys(collections).map((k) => [k, 0])) as Record<CollectionName, number>;
  // Files that exist but do not parse: a reference to one is not "找不到" (its own error says what to fix).
  const unparsed = new Set<string>();
  for (const entry of entries) {
    counts[entry.collection] += 1;
    const checked = singleEntryErrors(entry);
    errors.push(...checked.errors);
    if (checked.parsed.ok) addEntry(content, entry.collection, checked.parsed.entry);
    else unparsed.add(`${entry.collection}/${entry.id}`);
  }
  // The matter rules need whole meetings and notices (quorum, votes, dates): the CMS context only has summaries,
  // so a saved matter is checked on its own in the CMS and against every document here.
  const references = [...crossFileErrors(content, today), ...mattersOf(content, today).errors];
  errors.push(
    ...references.filter(
      (e) => e.missing === undefined || !e.missing.collections.some((c) => unparsed.has(`${c}/${e.missing?.id}`)),
    ),
  );
  return {
    errors: sortErrors(errors),
    warnings: sortErrors(crossFileWarnings(content, today)),
    content,
    counts,
  };
}

/**
 * Typed content of entries the build has already validated (the post-build checks): the schemas only, without
 * repeating the safety scan and cross-file rules. Entries that do not parse are left out.
 */
export function parseContent(entries: GateEntry[]): Content {
  const content = emptyContent();
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if (!parsed.ok) continue;
    addEntry(content, entry.collection, parsed.entry);
  }
  return content;
}

// --- The CMS side: one entry against a summary of the others -------------------------------------------------

/** What the cross-file rules need to know about one other entry (nothing else is sent to the browser). */
export interface ContextEntry {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
}

/**
 * The other entries, as the cross-file rules see them: places (name, level, parent), notices (place, publish
 * day, draft), meetings (place, date, draft), matters (place; drafts not in the public copy), legal items (id only),
 * stats (place, month), ledgers (place, month, balances), registers (place), rules (kind, place, status, previous,
 * meeting, matter) and the site's root place, in the order the validator reads them.
 */
export interface GateContext {
  version: 1;
  /** Day the rules are judged on (YYYY-MM-DD, Asia/Shanghai); the CMS replaces it with the current day. */
  today: string;
  entries: ContextEntry[];
  /**
   * True for a production build's copy, which may be incomplete: it leaves out entries not public on the build day
   * (the file is served on the public site, where a scheduled notice's id must not show), and it does not know
   * what was saved since that build. A reference to a place or notice the CMS cannot see is then not refused (it
   * may be scheduled or new); the build, which reads every file, still checks it. Under `npm run cms` the context
   * is complete and every rule applies.
   */
  partial: boolean;
}

const pick = (data: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));

function summary(collection: CollectionName, data: Record<string, unknown>): Record<string, unknown> {
  switch (collection) {
    case 'site':
      return pick(data, ['rootPlace']);
    case 'places':
      return pick(data, ['name', 'level', 'parent']);
    case 'notices':
      return pick(data, ['place', 'published', 'draft', 'withdrawn', 'movedFrom']);
    case 'meetings':
      // The rules about decisions only concern the meeting being saved, which brings its own.
      return { ...pick(data, ['place', 'date', 'draft', 'movedFrom']), decisions: [] };
    case 'stats':
      return pick(data, ['place', 'month']);
    case 'legal':
      return pick(data, ['movedFrom']);
    case 'matters':
      // Matters are checked against whole documents by the build only (checkContent).
      return pick(data, ['place']);
    case 'rules':
      return pick(data, ['kind', 'place', 'status', 'previous', 'meeting', 'matter', 'movedFrom']);
    case 'finance':
      // The balance and voucher rules only concern the ledger being saved; the chain needs the neighbours' balances.
      return pick(data, ['place', 'month', 'openingBalance', 'closingBalance']);
    case 'registers':
      // Contract rules only concern the register being saved; the others show which places have one.
      return pick(data, ['place']);
  }
}

/** Whether an entry is on the public site built on `today` (the rule of src/data/content.ts). */
function publicOn(collection: CollectionName, data: unknown, today: string): boolean {
  // A draft matter's id must not show on the public site (a contract's or a rule's 决议 to it is checked by the build).
  if (collection === 'matters') return (data as { draft?: boolean }).draft !== true;
  return entryIsPublic(collection, data, today);
}

/**
 * The context the CMS checks an entry against, from validated content. With `publicOnly`, entries not public on
 * `today` are left out and the context is marked partial (see {@link GateContext.partial}).
 */
export function gateContext(content: Content, today: string, options: { publicOnly?: boolean } = {}): GateContext {
  const entries: ContextEntry[] = [];
  const add = (collection: CollectionName, entry: Entry<unknown>) =>
    entries.push({
      collection,
      id: entry.id,
      file: entry.file,
      data: summary(collection, entry.data as Record<string, unknown>),
    });
  if (content.site !== undefined) add('site', content.site);
  for (const collection of COLLECTION_NAMES) {
    if (collection === 'site') continue;
    for (const entry of content[collection] as Entry<unknown>[]) {
      if (options.publicOnly === true && !publicOn(collection, entry.data, today)) continue;
      add(collection, entry);
    }
  }
  return { version: 1, today, entries, partial: options.publicOnly === true };
}

/** A context parsed from JSON, or an Error saying what is wrong with it. */
export function parseGateContext(json: unknown): GateContext {
  const value = json as Partial<GateContext> | null;
  if (
    value === null ||
    typeof value !== 'object' ||
    value.version !== 1 ||
    typeof value.today !== 'string' ||
    !Array.isArray(value.entries)
  ) {
    throw new Error('gate context: not a version-1 context');
  }
  return { version: 1, today: value.today, entries: value.entries, partial: value.partial === true };
}

/** The id a stats record or ledger gets from its place and month (what the CMS names the file). */
function provisionalId(entry: GateEntry): string {
  if (entry.id !== '') return entry.id;
  const data = entry.data as { place?: unknown; month?: unknown } | null;
  if (entry.collection === 'registers') return typeof data?.place === 'string' ? data.place : '';
  if (entry.collection !== 'stats' && entry.collection !== 'finance') return entry.id;
  return typeof data?.place === 'string' && typeof data.month === 'string' ? `${data.place}-${data.month}` : '';
}

/** The context's entries as rule content, with `self` in place of its saved version (or added at the end). */
function contentWith(context: GateContext, entry: GateEntry, self: Entry<never> | undefined): RuleContent {
  const content: RuleContent = emptyContent();
  let placed = false;
  for (const other of context.entries) {
    if (other.collection === entry.collection && entry.id !== '' && other.id === entry.id) {
      placed = true;
      if (self !== undefined) addEntry(content, entry.collection, self);
    } else {
      addEntry(content, other.collection, { id: other.id, file: other.file, data: other.data as never });
    }
  }
  if (!placed && self !== undefined) addEntry(content, entry.collection, self);
  return content;
}

/**
 * Every problem of one entry, as `checkContent` would report it for this entry's file: its own checks, and the
 * cross-file rules against `context` (this entry replacing its previous version there). A problem this save would
 * cause in another file (the record it duplicates, when it comes first) is reported too, so the CMS never saves
 * what makes the next build fail. Without a context only the entry's own checks run.
 */
export function checkEntry(entry: GateEntry, context?: GateContext): ContentError[] {
  const checked = singleEntryErrors(entry);
  const errors = [...checked.errors];
  if (context !== undefined && checked.parsed.ok) {
    // A new entry (no file name yet) never replaces a saved one: a second record for a month is a duplicate.
    const self: Entry<never> = { ...checked.parsed.entry, id: provisionalId(entry) };
    const options = { unknownReferencesAllowed: context.partial };
    const key = (e: ContentError) => `${e.file}\n${e.field}\n${e.message}`;
    const before = new Set(crossFileErrors(contentWith(context, entry, undefined), context.today, options).map(key));
    const after = crossFileErrors(contentWith(context, entry, self), context.today, options);
    errors.push(...after.filter((e) => e.file === entry.file || !before.has(key(e))));
  }
  return sortErrors(errors);
}
