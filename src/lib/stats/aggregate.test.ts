import { describe, expect, it } from 'vitest';
import type { Stats } from '../../schemas/stats.ts';
import { monthsOf, StatsCube } from './aggregate.ts';
import { addCounts, emptyCounts, sumCounts } from './model.ts';
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
    const cube = new StatsCube(records, places);
    expect(cube.total('a', '2026-01')?.demands.received).toBe(15);
    expect(cube.total('town', '2026-01')?.demands.resolved).toBe(33);
    expect(cube.total('a-g1', '2026-01')?.demands.received).toBe(10);
    expect(cube.months).toEqual(['2026-01']);
  });

  it("uses a village's own record instead of adding its grids again", () => {
    const records = [record('a', '2026-01', 100, 90), record('a-g1', '2026-01', 10, 9)];
    expect(new StatsCube(records, places).total('a', '2026-01')?.demands.received).toBe(100);
  });

  it('says "no data" (undefined), not zero, when nobody reported', () => {
    expect(new StatsCube([record('b', '2026-01', 1, 1)], places).total('a', '2026-01')).toBeUndefined();
  });

  it('derives rates from sums, not by averaging rates', () => {
    // 1/1 = 100% and 0/9 = 0%: the average would be 50%; the true rate is 1/10.
    const total = sumCounts([record('a', '2026-01', 1, 1), record('b', '2026-01', 9, 0)]);
    expect(formatPercent(rateOf('resolutionRate', total))).toBe('10.0%');
  });
});

describe('adding up over time and places (StatsCube)', () => {
  function withStaff(r: Stats, gridWorkers: number): Stats {
    return { ...r, staff: { gridWorkers, volunteers: gridWorkers * 2 } };
  }

  it('adds flows over a quarter but takes the last month for grid workers and volunteers', () => {
    const records = [
      withStaff(record('a', '2026-01', 10, 9), 5),
      withStaff(record('a', '2026-02', 20, 18), 5),
      withStaff(record('a', '2026-03', 30, 30), 6),
    ];
    const cube = new StatsCube(records, places);
    const quarter = cube.period('a', ['2026-01', '2026-02', '2026-03']);
    expect(quarter?.counts.demands.received).toBe(60);
    expect(quarter?.counts.staff).toEqual({ gridWorkers: 6, volunteers: 12 });
    expect(quarter?.monthsWithData).toBe(3);
  });

  it('counts how many months of a period had data, and gives undefined when none had', () => {
    const cube = new StatsCube([record('a', '2026-02', 4, 4)], places);
    expect(cube.period('a', ['2026-01', '2026-02', '2026-03'])?.monthsWithData).toBe(1);
    expect(cube.period('a', ['2025-01'])).toBeUndefined();
  });

  it('rolls grids up to the town for the staff total within one month', () => {
    const records = [
      withStaff(record('a-g1', '2026-01', 1, 1), 2),
      withStaff(record('a-g2', '2026-01', 1, 1), 0),
      withStaff(record('b', '2026-01', 1, 1), 3),
    ];
    expect(new StatsCube(records, places).total('town', '2026-01')?.staff.gridWorkers).toBe(5);
  });

  it('lists the months of the records once each, in order', () => {
    expect(monthsOf([{ month: '2026-02' }, { month: '2026-01' }, { month: '2026-02' }])).toEqual([
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('completeness: a partial month is never a total', () => {
  const seven = [
    { id: 'town' },
    ...['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'].map((id) => ({ id, parent: 'town' })),
    { id: 'v1-g1', parent: 'v1' },
    { id: 'v1-g2', parent: 'v1' },
  ];
  const full = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'].map((id) => record(id, '2026-09', 100, 90));

  it('has no town total when 1 of 7 villages reported, and says 已报送 1/7 with who is missing', () => {
    const cube = new StatsCube([...full, record('v3', '2026-10', 700, 600)], seven);
    expect(cube.total('town', '2026-10')).toBeUndefined();
    expect(cube.total('v3', '2026-10')?.demands.received).toBe(700);
    const coverage = cube.coverage('town', '2026-10');
    expect(coverage).toMatchObject({ reported: 1, expected: 7, complete: false, own: false, reportedIds: ['v3'] });
    expect(coverage.missingIds).toEqual(['v1', 'v2', 'v4', 'v5', 'v6', 'v7']);
    expect(cube.completeMonths('town')).toEqual(['2026-09']);
    // A period sum skips the partial month instead of adding 1/7 of the town to it.
    expect(cube.period('town', ['2026-09', '2026-10'])).toMatchObject({ monthsWithData: 1 });
    expect(cube.period('town', ['2026-09', '2026-10'])?.counts.demands.received).toBe(700);
  });

  it('counts a full month as 7/7 and a village reporting as a whole as its own figure', () => {
    const cube = new StatsCube(full, seven);
    expect(cube.coverage('town', '2026-09')).toMatchObject({ reported: 7, expected: 7, complete: true });
    expect(cube.total('town', '2026-09')?.demands.received).toBe(700);
    expect(cube.coverage('v1', '2026-09')).toMatchObject({ reported: 1, expected: 1, complete: true, own: true });
  });

  it('treats a village with 1 of 2 grids reporting as not reported, up to the town', () => {
    const records = [...full.filter((r) => r.place !== 'v1'), record('v1-g1', '2026-09', 5, 5)];
    const cube = new StatsCube(records, seven);
    expect(cube.coverage('v1', '2026-09')).toMatchObject({ reported: 1, expected: 2, complete: false });
    expect(cube.total('v1', '2026-09')).toBeUndefined();
    expect(cube.coverage('town', '2026-09')).toMatchObject({ reported: 6, expected: 7, missingIds: ['v1'] });
  });
});
