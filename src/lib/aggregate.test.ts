import { describe, expect, it } from 'vitest';
import type { Stats } from '../schemas/stats.ts';
import { addCounts, emptyCounts, placeMonthTotal, sumCounts } from './aggregate.ts';
import { formatPercent, rateOf } from './rates.ts';

function record(place: string, month: string, received: number, resolved: number): Stats {
  const base = emptyCounts();
  return { ...base, place, month, demands: { ...base.demands, received, responded: received, resolved } };
}

const places = [
  { id: 'town' },
  { id: 'a', parent: 'town' },
  { id: 'b', parent: 'town' },
  { id: 'a-g1', parent: 'a' },
  { id: 'a-g2', parent: 'a' },
];

describe('adding up statistics', () => {
  it('sums nothing to zeros and keeps every field', () => {
    expect(sumCounts([])).toEqual(emptyCounts());
    expect(addCounts(record('a', '2026-01', 3, 2), record('b', '2026-01', 4, 4)).demands.received).toBe(7);
  });

  it('rolls grids up to their village and villages up to the town', () => {
    const records = [record('a-g1', '2026-01', 10, 9), record('a-g2', '2026-01', 5, 5), record('b', '2026-01', 20, 19)];
    expect(placeMonthTotal(records, places, 'a', '2026-01')?.demands.received).toBe(15);
    expect(placeMonthTotal(records, places, 'town', '2026-01')?.demands.resolved).toBe(33);
  });

  it("uses a village's own record instead of adding its grids again", () => {
    const records = [record('a', '2026-01', 100, 90), record('a-g1', '2026-01', 10, 9)];
    expect(placeMonthTotal(records, places, 'a', '2026-01')?.demands.received).toBe(100);
  });

  it('says "no data" (undefined), not zero, when nobody reported', () => {
    expect(placeMonthTotal([record('b', '2026-01', 1, 1)], places, 'a', '2026-01')).toBeUndefined();
  });

  it('derives rates from sums, not by averaging rates', () => {
    // 1/1 = 100% and 0/9 = 0%: the average would be 50%; the true rate is 1/10.
    const total = sumCounts([record('a', '2026-01', 1, 1), record('b', '2026-01', 9, 0)]);
    expect(formatPercent(rateOf('resolutionRate', total))).toBe('10.0%');
  });
});
