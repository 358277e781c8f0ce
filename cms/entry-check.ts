/**
 * The last check before the CMS writes a file: the content gate (`src/lib/content/content-gate.ts`), the same code
 * `npm run validate` and the build run, so an entry the build would reject is never saved. Decap's own field
 * checks (required, pattern, min/max) run first and catch most mistakes next to the field; this adds the rules
 * that span fields (公示结束日期 after 开始, 实到 ≤ 应到, 已办结 ≤ 受理…), unknown fields, personal data, raw
 * HTML and unsafe links in the body and every text field, the body size limit, and, with the context served at
 * `/admin/gate-context.json`, the rules between entries (the place exists, the named notices exist, a month that
 * has begun, one record per place and month).
 *
 * No Decap imports: cms/main.ts adapts these to Decap's preSave event.
 */
import { buildToday } from '../src/lib/site/dates.ts';
import {
  checkEntry as gateCheck,
  parseGateContext,
  type GateContext,
  type GateEntry,
} from '../src/lib/content/content-gate.ts';
import type { ContentError } from '../src/lib/content/friendly-errors.ts';
import { DATED_COLLECTIONS, type CollectionName } from '../src/schemas/index.ts';
import { MARKDOWN_FIELD } from './config.ts';

type Path = (string | number)[];

function isBlankValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * Paths of the values an editor left blank: empty strings, cleared numbers (Decap keeps them as "" or NaN), blank
 * list rows, and lists and groups left with nothing in them. The schema means "not given" by a missing key, so these
 * are removed before checking and saving. Children come before their parents and list rows in descending order,
 * so deleting the paths one by one (as Decap's Immutable `deleteIn` does) never shifts a later path.
 */
export function blankPaths(data: unknown): Path[] {
  const paths: Path[] = [];
  const visit = (node: unknown, path: Path): boolean => {
    if (Array.isArray(node)) {
      let kept = 0;
      for (let i = node.length - 1; i >= 0; i -= 1) {
        if (visit(node[i], [...path, i])) paths.push([...path, i]);
        else kept += 1;
      }
      return kept === 0;
    }
    if (node !== null && typeof node === 'object') {
      let kept = 0;
      for (const [key, value] of Object.entries(node)) {
        if (visit(value, [...path, key])) paths.push([...path, key]);
        else kept += 1;
      }
      return kept === 0;
    }
    return isBlankValue(node);
  };
  visit(data, []);
  return paths;
}

/** A deep copy of `data` without the blank values (see {@link blankPaths}). */
export function withoutBlanks<T>(data: T): T {
  const copy = structuredClone(data) as unknown;
  for (const path of blankPaths(copy)) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy);
    const key = path.at(-1) as string | number;
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else if (parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[key];
  }
  return copy as T;
}

export interface EntryCheck {
  ok: boolean;
  errors: ContentError[];
}

/**
 * Check an entry's data (as the CMS holds it) through the content gate. `file` is the entry's path (e.g.
 * content/notices/2026-11-24-dibao.md), or any name without .md/.json for an entry not saved yet. Without a
 * `context` the rules between entries are skipped (see {@link loadGateContext}).
 */
export function checkEntry(
  collection: CollectionName,
  data: Record<string, unknown>,
  file: string,
  context?: GateContext,
): EntryCheck {
  const { [MARKDOWN_FIELD]: body, ...frontMatter } = withoutBlanks(data);
  const named = /([^/\\]+)\.(md|json)$/.exec(file);
  const entry: GateEntry = { collection, id: named?.[1] ?? '', file, data: frontMatter };
  if (typeof body === 'string') entry.body = body;
  const errors = gateCheck(entry, context);
  return { ok: errors.length === 0, errors };
}

/** Where the dev server behind `npm run cms` (and a production build) serves the other entries' summary. */
export const GATE_CONTEXT_URL = '/admin/gate-context.json';

/**
 * Fetch the context for the rules between entries, judged on the current day in Asia/Shanghai. Fetched again for
 * every save (`no-store`): the dev server regenerates it from the files on each request, so an entry saved a
 * minute ago counts.
 */
export async function loadGateContext(
  fetchJson: (url: string) => Promise<unknown> = async (url) => {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  },
  now: Date = new Date(),
): Promise<GateContext> {
  const context = parseGateContext(await fetchJson(GATE_CONTEXT_URL));
  return { ...context, today: buildToday(undefined, now) };
}

/**
 * What cms/main.ts runs before each save: the gate with the rules between entries. When the context cannot be
 * loaded (offline, an old build without the file), the entry's own checks still run and the rules between
 * entries are left to `npm run validate` and the build, which check every entry again.
 */
export async function checkEntryBeforeSave(
  collection: CollectionName,
  data: Record<string, unknown>,
  file: string,
  load: () => Promise<GateContext> = () => loadGateContext(),
): Promise<EntryCheck> {
  let context: GateContext | undefined;
  try {
    context = await load();
  } catch (error) {
    console.warn('gate context not loaded; checking this entry on its own', error);
  }
  return checkEntry(collection, data, file, context);
}

/** The message the editor sees when saving is refused: each problem with its field and its fix. */
export function refusalMessage(errors: ContentError[]): string {
  const lines = errors.map((e) => `【${e.label || '整条内容'}】${e.message}。修改方法：${e.fix}`);
  return `未保存，请先改正 ${errors.length} 处问题：\n${lines.join('\n')}`;
}

/** Entries with pages of their own carry a 修改记录 (`changes`: [{date, note, major}]). */
const WITH_CHANGE_NOTES: ReadonlySet<string> = new Set(DATED_COLLECTIONS);

interface ChangeNotesData {
  draft?: boolean;
  published?: string;
  date?: string;
  status?: string;
  changes?: { date?: string; note?: string }[];
}

/** Whether residents may already have read the entry on `today` (meetings: held and dated, others: published). */
function alreadyPublic(collection: string, data: ChangeNotesData, today: string): boolean {
  if (data.draft === true) return false;
  if (collection === 'meetings') return data.status !== 'scheduled' && (data.date ?? '9999') <= today;
  return (data.published ?? '9999') <= today;
}

/**
 * Editing what residents may already have read needs a dated reason (issue 18, GOV.UK's change notes): an existing
 * entry that is public on `today` is saved only when its 修改记录 holds a note dated today. Stateless on purpose:
 * the CMS does not know what the entry looked like when it was opened, but a second edit on the same day is
 * covered by the first note. Returns the note to use (as the commit subject) or the problem to show.
 */
export function changeNoteCheck(
  collection: string,
  data: ChangeNotesData,
  file: string,
  options: { isNew: boolean; today: string },
): { note?: string; problem?: ContentError } {
  if (options.isNew || !WITH_CHANGE_NOTES.has(collection) || !alreadyPublic(collection, data, options.today)) {
    return {};
  }
  const today = (data.changes ?? []).filter((change) => change.date === options.today && change.note);
  const last = today.at(-1)?.note;
  if (last !== undefined) return { note: last };
  return {
    problem: {
      file,
      field: 'changes',
      label: '修改记录',
      message: '这条内容已经公开，修改后要写明改了什么、为什么改',
      fix: `在“修改记录”中添加一条，修改日期填 ${options.today}，写明修改说明（如：更正第 3 项金额，原写 1200 元，应为 12000 元）；影响群众权益的改动勾选“重要更正”`,
    },
  };
}
