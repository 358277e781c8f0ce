import { describe, expect, it } from 'vitest';
import type { Stats } from '../../schemas/stats.ts';
import { StatsCube } from './aggregate.ts';
import { emptyCounts } from './model.ts';
import { changeBetween, formatChange, formatCount, formatValue, monthChanges } from './change.ts';
import { indicator } from './indicators.ts';

function record(place: string, month: string, received: number, resolved: number): Stats {
  const base = emptyCounts();
  return { ...base, place, month, demands: { ...base.demands, received, responded: received, resolved } };
}
const places = [{ id: 'town' }, { id: 'a', parent: 'town' }];
const received = indicator('demands.received');
const resolution = indicator('resolutionRate');

describe('change against earlier months', () => {
  it('reads the published 廊坊 figures (说事 158,835, 解题 155,055) as a 97.6% resolution rate on the site', () => {
    const cube = new StatsCube([record('a', '2026-01', 158_835, 155_055)], places);
    const counts = cube.total('town', '2026-01');
    expect(counts).toBeDefined();
    expect(formatValue(received, counts?.demands.received)).toBe('158,835');
    expect(formatValue(resolution, monthChanges(cube, resolution, 'town', '2026-01').value)).toBe('97.6%');
  });

  it('compares with the previous month and the same month last year', () => {
    const cube = new StatsCube(
      [record('a', '2025-03', 50, 40), record('a', '2026-02', 80, 80), record('a', '2026-03', 100, 90)],
      places,
    );
    const changes = monthChanges(cube, received, 'town', '2026-03');
    expect(changes.value).toBe(100);
    expect(formatChange(received, changes.previousMonth)).toBe('+20（+25.0%）');
    expect(formatChange(received, changes.sameMonthLastYear)).toBe('+50（+100.0%）');
    const rate = monthChanges(cube, resolution, 'town', '2026-03');
    expect(formatChange(resolution, rate.previousMonth)).toBe('−10.0 个百分点');
    expect(formatChange(resolution, rate.sameMonthLastYear)).toBe('+10.0 个百分点');
  });

  it('shows "—" when the earlier month has no data, and never divides by zero', () => {
    const cube = new StatsCube([record('a', '2026-02', 0, 0), record('a', '2026-03', 12, 12)], places);
    const changes = monthChanges(cube, received, 'town', '2026-03');
    expect(formatChange(received, changes.sameMonthLastYear)).toBe('—');
    expect(formatChange(received, changes.previousMonth)).toBe('+12（上期为 0）');
    // The rate of an empty month is "—", so there is no change in points either.
    expect(formatChange(resolution, monthChanges(cube, resolution, 'town', '2026-03').previousMonth)).toBe('—');
    expect(changeBetween(5, 0).relative).toBeNull();
    expect(formatValue(resolution, null)).toBe('—');
  });

  it('prints decreases with a real minus sign and no change as zero', () => {
    // Bases of at least MIN_BASE_FOR_PERCENT (20), so the percentage is shown.
    expect(formatChange(received, changeBetween(70, 100))).toBe('−30（−30.0%）');
    expect(formatChange(received, changeBetween(100, 100))).toBe('0（0.0%）');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('shows only the absolute change when the earlier count is below the minimum base (no "−1（−100.0%）")', () => {
    expect(formatChange(received, changeBetween(0, 1))).toBe('−1（上期 1，不足 20 不计百分比）');
    expect(formatChange(received, changeBetween(25, 19))).toBe('+6（上期 19，不足 20 不计百分比）');
    expect(formatChange(received, changeBetween(25, 20))).toBe('+5（+25.0%）');
  });
});
