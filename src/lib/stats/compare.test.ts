import { describe, expect, it } from 'vitest';
import type { Stats } from '../../schemas/stats.ts';
import { StatsCube } from './aggregate.ts';
import { emptyCounts } from './model.ts';
import { COMPARE_INDICATORS, compareRows, SORT_ORDERS, sortRows } from './compare.ts';

function record(place: string, month: string, received: number, resolved: number): Stats {
  const base = emptyCounts();
  return { ...base, place, month, demands: { ...base.demands, received, responded: received, resolved } };
}
const places = [
  { id: 'a', name: '甲村' },
  { id: 'b', name: '乙社区' },
  { id: 'c', name: '丙村' },
];
const cube = new StatsCube(
  [record('a', '2026-01', 10, 5), record('a', '2026-02', 10, 10), record('b', '2026-02', 40, 38)],
  places.map((p) => ({ id: p.id })),
);
const rows = compareRows(cube, places, ['2026-01', '2026-02']);
const order = (key: string) => SORT_ORDERS.find((o) => o.key === key) ?? SORT_ORDERS[0]!;

describe('the sortable place comparison', () => {
  it('adds up each place over the period and derives rates from the sums', () => {
    const resolution = COMPARE_INDICATORS.findIndex((i) => i.id === 'resolutionRate');
    expect(rows[0]?.values[0]).toBe(20);
    expect(rows[0]?.values[resolution]).toBe(0.75);
    expect(rows[2]?.values.every((v) => v === null)).toBe(true);
  });

  it('sorts highest first with places without data last, and keeps place order as the default', () => {
    expect(sortRows(rows, order('by-demands-received')).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, order('by-resolution-rate')).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, order('by-place')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('offers one static sort order per column, each with its own URL', () => {
    expect(SORT_ORDERS).toHaveLength(COMPARE_INDICATORS.length + 1);
    expect(new Set(SORT_ORDERS.map((o) => o.key)).size).toBe(SORT_ORDERS.length);
  });
});
