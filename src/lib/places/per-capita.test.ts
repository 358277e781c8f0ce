import { describe, expect, it } from 'vitest';
import type { Stats } from '../../schemas/stats.ts';
import { StatsCube } from '../stats/aggregate.ts';
import { emptyCounts } from '../stats/model.ts';
import { formatRatePer, perBase, perCapitaRows } from './per-capita.ts';

function record(place: string, month: string, received: number): Stats {
  const base = emptyCounts();
  return { ...base, place, month, demands: { ...base.demands, received, responded: received, resolved: received } };
}

describe('per-capita comparison', () => {
  it('puts a big and a small village on the same footing: per 1,000 residents and per 100 households', () => {
    const places = [
      { id: 'big', name: '大村', population: 3000, households: 919, populationYear: 2025 },
      { id: 'small', name: '小村', population: 1000, households: 310, populationYear: 2025 },
      { id: 'unknown', name: '新社区' },
    ];
    const cube = new StatsCube(
      [
        record('big', '2026-01', 60),
        record('big', '2026-02', 60),
        record('small', '2026-01', 20),
        record('small', '2026-02', 20),
      ],
      places,
    );
    const rows = perCapitaRows(cube, places, ['2026-01', '2026-02']);
    // 120 vs 40 cases look three times apart; per 1,000 residents both are 40.0.
    expect(rows[0]!.values[0]).toEqual({ count: 120, perThousand: 40, perHundredHouseholds: 13.1 });
    expect(rows[1]!.values[0]).toEqual({ count: 40, perThousand: 40, perHundredHouseholds: 12.9 });
    expect(rows[2]!.values[0]).toEqual({ count: null, perThousand: null, perHundredHouseholds: null });
  });

  it('gives "—" instead of dividing by an unknown or zero population', () => {
    expect(perBase(5, undefined, 1000)).toBeNull();
    expect(perBase(5, 0, 1000)).toBeNull();
    expect(formatRatePer(null)).toBe('—');
    expect(formatRatePer(perBase(1, 3, 1000))).toBe('333.3');
  });
});
