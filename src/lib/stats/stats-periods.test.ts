import { describe, expect, it } from 'vitest';
import { monthRange } from './periods.ts';
import { statsPeriods } from './stats-periods.ts';

describe('the period selector of the statistics pages', () => {
  it('offers 近12个月, 今年 and each earlier year, naming the months each covers', () => {
    const periods = statsPeriods(monthRange('2024-11', '2026-10'));
    expect(periods.map((p) => [p.id, p.name, p.label, p.months.length])).toEqual([
      ['last-12', '近12个月', '近12个月（2025年11月至2026年10月）', 12],
      ['this-year', '今年', '今年：2026年（1–10 月）', 10],
      ['2025', '2025年', '2025年', 12],
      ['2024', '2024年', '2024年（11–12 月）', 2],
    ]);
  });

  it('has no periods before any month is complete', () => {
    expect(statsPeriods([])).toEqual([]);
  });
});
