/**
 * The statistics model: which numbers a monthly record counts, read from `statsSchema` (src/schemas/stats.ts)
 * through schema-walk, and the arithmetic on them. Adding a count field to the schema adds it here, to the sums
 * over places and months, to the indicator catalogue and to the CMS preview, with no edit in this folder.
 *
 * Counts only: place, month, the note and the optional closed-loop detail are not summed (the closed loop has
 * its own roll-up, closed-loop.ts).
 */
import { z } from 'astro/zod';
import { GRID_EVENT_CATEGORIES, statsSchema } from '../../schemas/stats.ts';
import { describe, type FieldInfo } from '../content/schema-walk.ts';

// Everything in the schema but the key fields, the note and the optional detail is a count group or a count.
const { place: _place, month: _month, note: _note, closedLoop: _closedLoop, ...countShape } = statsSchema.shape;

/** The counted part of a stats record, as a schema (each count keeps its checks, title and unit). */
export const statsCountsSchema = z.strictObject(countShape);

/** The counted part of a stats record (no place/month/note/closed loop), or a sum of such parts. */
export type StatsCounts = z.infer<typeof statsCountsSchema>;

/**
 * Counts that describe a stock at the end of the month (how many grid workers there are), not a flow during it.
 * Over several months they are not added up: a quarter has as many grid workers as its last month.
 */
export const STOCK_FIELDS: readonly string[] = ['staff.gridWorkers', 'staff.volunteers'];

/** One count field of the schema. */
export interface CountField {
  /** Dotted schema path, e.g. demands.received. */
  id: string;
  /** Path into a record, e.g. ['demands', 'received']. */
  path: readonly string[];
  /** Chinese title from the schema, e.g. 群众说事（受理诉求）. */
  title: string;
  /** Title of the group the count sits in (群众诉求), empty for top-level counts. */
  group: string;
  /** Hint from the schema. */
  description: string;
  /** Unit from the schema: 件, 人, 场… */
  unit: string;
  /** True for end-of-month stocks (see STOCK_FIELDS). */
  stock: boolean;
  /** The field's own schema (whole number, not negative, upper limit). */
  schema: z.ZodType;
}

function countsOf(info: FieldInfo, path: string[], group: string): CountField[] {
  if (info.kind === 'number') {
    const id = path.join('.');
    return [
      {
        id,
        path,
        title: info.meta.title ?? id,
        group,
        description: info.meta.description ?? '',
        unit: info.meta.unit ?? '',
        stock: STOCK_FIELDS.includes(id),
        schema: info.schema,
      },
    ];
  }
  if (info.kind === 'object') {
    const groupTitle = path.length === 0 ? '' : (info.meta.title ?? '');
    return Object.entries(info.fields ?? {}).flatMap(([key, child]) => countsOf(child, [...path, key], groupTitle));
  }
  return [];
}

/** Every count field of the stats schema, in schema order. */
export const COUNT_FIELDS: readonly CountField[] = countsOf(describe(statsCountsSchema), [], '');

/** The number at `path` in a record (or a sum of records). */
export function countAt(counts: StatsCounts, path: readonly string[]): number {
  let value: unknown = counts;
  for (const key of path) value = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  if (typeof value !== 'number') throw new Error(`stats field ${path.join('.')} is not a number`);
  return value;
}

function setCount(counts: StatsCounts, path: readonly string[], value: number): void {
  let node: unknown = counts;
  for (const key of path.slice(0, -1)) node = typeof node === 'object' && node !== null ? Reflect.get(node, key) : node;
  const last = path.at(-1);
  if (typeof node !== 'object' || node === null || last === undefined) {
    throw new Error(`stats field ${path.join('.')} has no place in the counts`);
  }
  Reflect.set(node, last, value);
}

/** A new set of counts, each count's value as `read` gives it, checked against the schema. */
function buildCounts(read: (field: CountField) => number): StatsCounts {
  const tree = {};
  for (const field of COUNT_FIELDS) {
    let node: object = tree;
    for (const key of field.path.slice(0, -1)) {
      const existing: unknown = Reflect.get(node, key);
      const child = typeof existing === 'object' && existing !== null ? existing : {};
      Reflect.set(node, key, child);
      node = child;
    }
    Reflect.set(node, field.path.at(-1) ?? field.id, read(field));
  }
  return statsCountsSchema.parse(tree);
}

const ZERO: StatsCounts = buildCounts(() => 0);

/** All counts 0 (a new object each time). */
export function emptyCounts(): StatsCounts {
  return structuredClone(ZERO);
}

/** Combine two count sets field by field, e.g. add them; `field` says which count is being combined. */
function combine(a: StatsCounts, b: StatsCounts, op: (x: number, y: number, field: CountField) => number): StatsCounts {
  const result = emptyCounts();
  for (const field of COUNT_FIELDS)
    setCount(result, field.path, op(countAt(a, field.path), countAt(b, field.path), field));
  return result;
}

/** a + b, field by field (a new object with the counts only). */
export function addCounts(a: StatsCounts, b: StatsCounts): StatsCounts {
  return combine(a, b, (x, y) => x + y);
}

/** Sum of any number of records (empty list → all zeros). */
export function sumCounts(records: readonly StatsCounts[]): StatsCounts {
  return records.reduce<StatsCounts>((sum, r) => addCounts(sum, r), emptyCounts());
}

/**
 * Total over several months of one place (already rolled up over places). Flows (demands, events…) add up;
 * end-of-month stocks (`stock` fields, see STOCK_FIELDS) take the latest month's value, because a quarter does
 * not have three times as many grid workers as a month. `monthly` must be in chronological order; an empty list
 * gives undefined ("no data"). `stocks` is the list of stock fields (STOCK_FIELDS unless a test says otherwise).
 */
export function sumOverMonths(
  monthly: readonly StatsCounts[],
  stocks: readonly string[] = STOCK_FIELDS,
): StatsCounts | undefined {
  if (monthly.length === 0) return undefined;
  return monthly.reduce<StatsCounts>(
    (total, month) =>
      combine(total, month, (sum, latest, field) => (stocks.includes(field.id) ? latest : sum + latest)),
    emptyCounts(),
  );
}

/** Total grid events reported (all categories; `closed` is not a category). */
export function gridEventsTotal(s: StatsCounts): number {
  return GRID_EVENT_CATEGORIES.reduce((sum, c) => sum + s.gridEvents[c], 0);
}

/**
 * The counts of a half-filled form or draft (the CMS preview): each count the draft holds as a valid count (per
 * its schema) is taken, anything else (missing, empty, negative, a fraction, text) reads as 0 so the rates show
 * while the form is being filled. The problems themselves are the entry gate's to report.
 */
export function countsFromDraft(draft: unknown): StatsCounts {
  return buildCounts((field) => {
    let value: unknown = draft;
    for (const key of field.path)
      value = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
    const parsed = field.schema.safeParse(value);
    return parsed.success && typeof parsed.data === 'number' ? parsed.data : 0;
  });
}
