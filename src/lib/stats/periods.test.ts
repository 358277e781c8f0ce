import { describe, expect, it } from 'vitest';
import { monthRange, period, periodsOf, quarterOf, shortMonthLabels, yearOf } from './periods.ts';

describe('reporting periods', () => {
  it('puts each month in its quarter and year', () => {
    expect(['2025-01', '2025-03', '2025-04', '2025-12'].map(quarterOf)).toEqual([
      '2025-Q1',
      '2025-Q1',
      '2025-Q2',
      '2025-Q4',
    ]);
    expect(yearOf('2024-11')).toBe('2024');
  });

  it('lists the months of a quarter and a year, with Chinese labels', () => {
    expect(period('2025-Q4')).toEqual({
      kind: 'quarter',
      id: '2025-Q4',
      months: ['2025-10', '2025-11', '2025-12'],
      label: '2025年第4季度',
    });
    expect(period('2026').months).toHaveLength(12);
    expect(period('2025-03').label).toBe('2025年3月');
  });

  it('rejects a period it cannot read, saying which forms it accepts', () => {
    expect(() => period('2025-13')).toThrow('use YYYY-MM, YYYY-Qn or YYYY');
    expect(() => quarterOf('2025-3')).toThrow('"2025-3" is not a month');
  });

  it('crosses year ends in ranges and groups months into the periods they touch', () => {
    const months = monthRange('2024-11', '2025-02');
    expect(months).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodsOf(months, 'quarter')).toEqual(['2024-Q4', '2025-Q1']);
    expect(periodsOf(months, 'year')).toEqual(['2024', '2025']);
    expect(monthRange('2025-02', '2025-01')).toEqual([]);
  });

  it('labels axis months briefly, naming the year at the start and every January', () => {
    expect(shortMonthLabels(['2024-11', '2024-12', '2025-01', '2025-02'])).toEqual([
      '2024年11月',
      '12月',
      '2025年1月',
      '2月',
    ]);
  });
});
