import { describe, expect, it } from 'vitest';
import type { Stats } from '../../schemas/stats.ts';
import { StatsCube } from './aggregate.ts';
import { emptyCounts } from './model.ts';
import { coverageLabel, describeFiling, overdueFilings, reportingStatus, statsMonthDue } from './stats-completeness.ts';

function record(place: string, month: string): Stats {
  return { ...emptyCounts(), place, month };
}
const ids = ['v1', 'v2', 'v3'];
const places = [{ id: 'town' }, ...ids.map((id) => ({ id, parent: 'town' }))];
const units = ids.map((id, i) => ({ id, name: ['东村', '西村', '南村'][i] as string }));

describe('statistics filing deadline', () => {
  it('makes a month due on the 10th of the next month by default, or on the configured day', () => {
    expect(statsMonthDue('2026-11-09')).toBe('2026-09');
    expect(statsMonthDue('2026-11-10')).toBe('2026-10');
    expect(statsMonthDue('2026-11-10', 15)).toBe('2026-09');
  });

  it('names the unit that has not filed the month due, with the exact Chinese line', () => {
    const cube = new StatsCube([...ids.map((id) => record(id, '2026-09')), record('v1', '2026-10')], places);
    const overdue = overdueFilings(cube, units, '2026-11-24');
    expect(overdue.map((o) => o.place)).toEqual(['v2', 'v3']);
    expect(describeFiling(overdue[0]!)).toBe('西村：2026年10月统计未报送（应于 2026年11月10日 前报送）');
    expect(describeFiling(overdue[0]!, false)).toBe('2026年10月统计未报送（应于 2026年11月10日 前报送）');
    // Before the due day nobody is late for October, and September is complete.
    expect(overdueFilings(cube, units, '2026-11-09')).toEqual([]);
  });

  it('does not call a site late for months before its statistics began', () => {
    expect(overdueFilings(new StatsCube([], places), units, '2026-11-24')).toEqual([]);
    const cube = new StatsCube(
      ids.map((id) => record(id, '2026-12')),
      places,
    );
    expect(overdueFilings(cube, units, '2027-01-05')).toEqual([]);
  });
});

describe('what a roll-up may show', () => {
  it('speaks for the latest complete month and lists the partial month after it, labelled 已报送 1/3', () => {
    const cube = new StatsCube([...ids.map((id) => record(id, '2026-09')), record('v2', '2026-10')], places);
    const status = reportingStatus(cube, 'town');
    expect(status.latestComplete).toBe('2026-09');
    expect(status.partialAfter.map((p) => [p.month, coverageLabel(p.coverage)])).toEqual([['2026-10', '已报送 1/3']]);
  });
});
