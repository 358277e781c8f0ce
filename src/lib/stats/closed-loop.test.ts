import { describe, expect, it } from 'vitest';
import type { Stats } from '../../schemas/stats.ts';
import { emptyCounts } from './model.ts';
import { closedLoopSummary, describeLateUnits } from './closed-loop.ts';
import { formatPercent } from './rates.ts';

function record(place: string, month: string, withLoop: boolean): Stats {
  const base = emptyCounts();
  const r: Stats = {
    ...base,
    place,
    month,
    demands: { received: 10, responded: 10, resolved: 8, rated: 8, satisfied: 7 },
  };
  if (withLoop) {
    r.closedLoop = {
      byCategory: { livelihood: 4, disputes: 2, infrastructure: 2, environment: 1, policy: 1, other: 0 },
      byLevel: { grid: 5, village: 2, township: 1, county: 0 },
      timeliness: { onTime: 7, late: 1 },
      units: [
        { unit: `${place}村委会`, assigned: 6, onTime: 6, late: 0, open: 0, dissatisfied: 0 },
        { unit: '区住建局', assigned: 4, onTime: 1, late: 1, open: 2, dissatisfied: 1 },
      ],
    };
  }
  return r;
}

describe('closed loop summary', () => {
  it('adds the detail of every unit and month, merges units by name and derives on-time rates', () => {
    const records = [record('a', '2026-09', true), record('b', '2026-09', true)];
    const summary = closedLoopSummary(['a', 'b'], ['2026-09'], (u, m) =>
      records.find((r) => r.place === u && r.month === m),
    );
    expect(summary).toMatchObject({ filed: 2, expected: 2 });
    const totals = summary.totals!;
    expect(totals).toMatchObject({ received: 20, resolved: 16, open: 4, timeliness: { onTime: 14, late: 2 } });
    expect(totals.byLevel).toEqual({ grid: 10, village: 4, township: 2, county: 0 });
    expect(totals.units.map((u) => [u.unit, u.assigned, u.late, u.open])).toEqual([
      ['区住建局', 8, 2, 4],
      ['a村委会', 6, 0, 0],
      ['b村委会', 6, 0, 0],
    ]);
    expect(formatPercent(totals.units[0]!.onTimeRate)).toBe('50.0%');
    expect(describeLateUnits(totals.units)).toBe('区住建局超时 2 件、未办结 4 件');
  });

  it('gives no totals when a unit has not filed the detail, and says how many did', () => {
    const records = [record('a', '2026-09', true), record('b', '2026-09', false)];
    const summary = closedLoopSummary(['a', 'b'], ['2026-09'], (u, m) =>
      records.find((r) => r.place === u && r.month === m),
    );
    expect(summary).toEqual({ months: ['2026-09'], filed: 1, expected: 2, totals: undefined });
  });
});
