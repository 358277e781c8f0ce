import { describe, expect, it } from 'vitest';
import { statsSchema } from '../../schemas/stats.ts';
import { describe as describeSchema, fieldAt } from '../content/schema-walk.ts';
import {
  addCounts,
  COUNT_FIELDS,
  countAt,
  countsFromDraft,
  emptyCounts,
  gridEventsTotal,
  STOCK_FIELDS,
  statsCountsSchema,
  sumCounts,
  sumOverMonths,
  type StatsCounts,
} from './model.ts';

/** Counts where every field holds `value(field index)`. */
function filled(value: (index: number) => number): StatsCounts {
  return COUNT_FIELDS.reduce((counts, field, i) => {
    const next = structuredClone(counts);
    let node: object = next;
    for (const key of field.path.slice(0, -1)) node = Reflect.get(node, key) as object;
    Reflect.set(node, field.path.at(-1) as string, value(i));
    return next;
  }, emptyCounts());
}

describe('the count fields, read from the stats schema', () => {
  it('are exactly the number fields of the schema outside place, month, note and the closed-loop detail', () => {
    const info = describeSchema(statsSchema);
    for (const field of COUNT_FIELDS) {
      const at = fieldAt(info, field.path);
      expect(at?.kind, field.id).toBe('number');
      expect(field.title).toBe(at?.meta.title);
      expect(field.unit).toBe(at?.meta.unit);
    }
    const ids = COUNT_FIELDS.map((f) => f.id);
    expect(ids).toContain('demands.received');
    expect(ids).toContain('policeIncidents');
    expect(ids.some((id) => /^(place|month|note|closedLoop)\b/.test(id))).toBe(false);
    // Every count of the zero record is a count field, and the other way round.
    const leaves = (o: object, prefix: string[] = []): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? leaves(v, [...prefix, k]) : [[...prefix, k].join('.')],
      );
    expect(leaves(emptyCounts())).toEqual(ids);
  });

  it('name only real count fields as stocks (a misspelt stock would silently be summed)', () => {
    const ids = COUNT_FIELDS.map((f) => f.id);
    for (const stock of STOCK_FIELDS) expect(ids, stock).toContain(stock);
    expect(COUNT_FIELDS.filter((f) => f.stock).map((f) => f.id)).toEqual([...STOCK_FIELDS]);
  });
});

describe('adding counts', () => {
  it('adds every count field, and sums nothing to zeros', () => {
    const a = filled((i) => i + 1);
    const b = filled((i) => 100 * (i + 1));
    const sum = addCounts(a, b);
    for (const [i, field] of COUNT_FIELDS.entries()) expect(countAt(sum, field.path), field.id).toBe(101 * (i + 1));
    expect(sumCounts([])).toEqual(emptyCounts());
    expect(sumCounts([a, b, a])).toEqual(addCounts(addCounts(a, b), a));
    expect(statsCountsSchema.safeParse(sum).success).toBe(true);
  });

  it('keeps only the counts of full records (no place, month or note)', () => {
    const record = { ...filled(() => 1), place: 'a', month: '2026-01', note: '口径说明' };
    expect(Object.keys(addCounts(record, emptyCounts()))).toEqual(Object.keys(emptyCounts()));
  });

  it('adds up past the per-record upper limit (a town over years may exceed it)', () => {
    const big = filled(() => 9_000_000);
    expect(countAt(addCounts(big, big), ['demands', 'received'])).toBe(18_000_000);
  });

  it('totals the grid events over the categories, without the closed ones', () => {
    const counts = emptyCounts();
    counts.gridEvents = { ...counts.gridEvents, disputes: 2, safety: 3, livelihood: 4, closed: 8 };
    expect(gridEventsTotal(counts)).toBe(9);
  });
});

describe('adding up over months: flows add up, stocks take the last month', () => {
  const months = [filled((i) => i + 1), filled((i) => 10 * (i + 1)), filled((i) => 100 * (i + 1))];

  it('sums every flow field and takes every stock field from the last month', () => {
    const total = sumOverMonths(months);
    if (total === undefined) throw new Error('expected a total');
    for (const [i, field] of COUNT_FIELDS.entries()) {
      expect(countAt(total, field.path), field.id).toBe(field.stock ? 100 * (i + 1) : 111 * (i + 1));
    }
    expect(total.staff).toEqual(months[2]?.staff);
  });

  it('follows the list of stock fields, not a fixed group', () => {
    // With only grid workers as a stock, volunteers are summed like any flow.
    const total = sumOverMonths(months, ['staff.gridWorkers']);
    const gridWorkers = COUNT_FIELDS.findIndex((f) => f.id === 'staff.gridWorkers');
    const volunteers = COUNT_FIELDS.findIndex((f) => f.id === 'staff.volunteers');
    expect(total?.staff).toEqual({ gridWorkers: 100 * (gridWorkers + 1), volunteers: 111 * (volunteers + 1) });
    // And a stock outside the staff group is taken from the last month too.
    expect(sumOverMonths(months, ['petitions'])?.petitions).toBe(countAt(months[2] as StatsCounts, ['petitions']));
  });

  it('gives undefined ("no data") for no months', () => {
    expect(sumOverMonths([])).toBeUndefined();
  });
});

describe('counts of a half-filled draft (CMS preview)', () => {
  it('takes the valid counts and reads everything else as 0', () => {
    const counts = countsFromDraft({
      place: 'taoyuan',
      demands: { received: 12, responded: '', resolved: -3, rated: 2.5, satisfied: 'x' },
      gridEvents: { safety: 4 },
      petitions: 1,
    });
    expect(counts.demands).toEqual({ received: 12, responded: 0, resolved: 0, rated: 0, satisfied: 0 });
    expect(counts.gridEvents.safety).toBe(4);
    expect(counts.petitions).toBe(1);
    expect(counts.staff).toEqual({ gridWorkers: 0, volunteers: 0 });
    expect(statsCountsSchema.safeParse(counts).success).toBe(true);
    expect(countsFromDraft(undefined)).toEqual(emptyCounts());
  });
});
