/**
 * Adding up monthly statistics: a parent place's figures are the sum of its children's (grid → 村/社区 → 街道),
 * and a longer period's figures are the sum of its months. `StatsCube` is the one roll-up; the arithmetic on
 * counts (which fields, flows vs stocks) is model.ts. Rates are derived afterwards from the sums (never averaged),
 * see rates.ts.
 *
 * Rule for overlapping records: a place's total for a month is its own record if it has one, otherwise the sum of
 * its children's totals. So a village that reports as a whole is never double-counted with its grids.
 *
 * Completeness rule: a roll-up exists only when it is complete, i.e. when every child has a (complete) total for
 * the month. A month in which 1 of 7 villages has reported has no town total at all (`undefined`), so a partial
 * sum can never be shown as the town's figure, compared with a full month or drawn in a trend. How far a month
 * is from complete is told by `StatsCube.coverage` ("已报送 1/7").
 */
import type { Stats } from '../../schemas/stats.ts';
import { sumCounts, sumOverMonths, type StatsCounts } from './model.ts';

export interface PlaceNode {
  id: string;
  parent?: string | undefined;
}

/** Children of each place id. */
function childrenIndex(places: readonly PlaceNode[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const p of places) {
    if (p.parent === undefined) continue;
    const list = index.get(p.parent) ?? [];
    list.push(p.id);
    index.set(p.parent, list);
  }
  return index;
}

/** How many of the places a roll-up needs have reported a month ("已报送 N/M"). */
export interface Coverage {
  /** Children with a complete total (1 when the place reported as a whole). */
  reported: number;
  /** Children the roll-up needs (1 for a place without children or with its own record). */
  expected: number;
  /** True when the place has its own record or every child is complete: only then is there a total. */
  complete: boolean;
  /** True when the figure is the place's own record (not a roll-up). */
  own: boolean;
  /** Ids of the children that have reported / not (yet) reported, in place order. */
  reportedIds: string[];
  missingIds: string[];
}

/** The months a stats record list covers, sorted, without duplicates. */
export function monthsOf(records: readonly Pick<Stats, 'month'>[]): string[] {
  return [...new Set(records.map((r) => r.month))].sort();
}

/**
 * All statistics of a site, indexed once: totals per place and month (rolled up the place tree, memoised) and
 * per place and period. Pages and charts ask this instead of re-scanning the records for every cell.
 */
export class StatsCube {
  readonly months: readonly string[];
  readonly #byKey: Map<string, Stats>;
  readonly #children: Map<string, string[]>;
  readonly #memo = new Map<string, StatsCounts | undefined>();

  constructor(records: readonly Stats[], places: readonly PlaceNode[]) {
    this.#byKey = new Map(records.map((r) => [`${r.place}|${r.month}`, r]));
    this.#children = childrenIndex(places);
    this.months = monthsOf(records);
  }

  /**
   * A place's total for a month: its own record, else the sum of its children's totals when every child has one
   * (see the completeness rule above), else undefined.
   */
  total(placeId: string, month: string): StatsCounts | undefined {
    const key = `${placeId}|${month}`;
    if (this.#memo.has(key)) return this.#memo.get(key);
    let result: StatsCounts | undefined = this.#byKey.get(key);
    if (result === undefined) {
      const children = this.#children.get(placeId) ?? [];
      const parts = children.map((child) => this.total(child, month));
      result =
        children.length === 0 || parts.some((p) => p === undefined)
          ? undefined
          : sumCounts(parts.filter((p): p is StatsCounts => p !== undefined));
    }
    this.#memo.set(key, result);
    return result;
  }

  /** Who has reported `month` for `placeId`'s roll-up: "已报送 reported/expected". */
  coverage(placeId: string, month: string): Coverage {
    if (this.#byKey.has(`${placeId}|${month}`)) {
      return { reported: 1, expected: 1, complete: true, own: true, reportedIds: [placeId], missingIds: [] };
    }
    const children = this.#children.get(placeId) ?? [];
    if (children.length === 0) {
      return { reported: 0, expected: 1, complete: false, own: false, reportedIds: [], missingIds: [placeId] };
    }
    const reportedIds = children.filter((c) => this.total(c, month) !== undefined);
    const missingIds = children.filter((c) => !reportedIds.includes(c));
    return {
      reported: reportedIds.length,
      expected: children.length,
      complete: missingIds.length === 0,
      own: false,
      reportedIds,
      missingIds,
    };
  }

  /** Months (of those with any record) for which `placeId` has a complete total, in order. */
  completeMonths(placeId: string): string[] {
    return this.months.filter((m) => this.total(placeId, m) !== undefined);
  }

  /** Whether `placeId` itself has a record for `month` (not a roll-up). */
  hasOwn(placeId: string, month: string): boolean {
    return this.#byKey.has(`${placeId}|${month}`);
  }

  /** Total over `months` (see sumOverMonths), with how many of them had data; undefined when none had. */
  period(placeId: string, months: readonly string[]): { counts: StatsCounts; monthsWithData: number } | undefined {
    const monthly = [...months]
      .sort()
      .map((m) => this.total(placeId, m))
      .filter((c): c is StatsCounts => c !== undefined);
    const counts = sumOverMonths(monthly);
    return counts === undefined ? undefined : { counts, monthsWithData: monthly.length };
  }

  /** A place's own record for a month (not a roll-up), if it has one. */
  record(placeId: string, month: string): Stats | undefined {
    return this.#byKey.get(`${placeId}|${month}`);
  }

  /** The note an editor attached to a place's own record for a month, if any. */
  note(placeId: string, month: string): string | undefined {
    return this.#byKey.get(`${placeId}|${month}`)?.note;
  }

  /**
   * The 口径 notes behind `placeId`'s figure for `month`: its own record's, or those of the records its roll-up
   * adds up (children first to last, depth first), each with the place that wrote it.
   */
  notesWithin(placeId: string, month: string): { placeId: string; note: string }[] {
    const own = this.#byKey.get(`${placeId}|${month}`);
    if (own !== undefined) return own.note === undefined ? [] : [{ placeId, note: own.note }];
    return (this.#children.get(placeId) ?? []).flatMap((child) => this.notesWithin(child, month));
  }
}
