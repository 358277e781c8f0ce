import { describe, expect, it } from 'vitest';
import { addDays, addMonths, buildToday, daysBetween, formatDayZh, shanghaiDay } from './dates.ts';

describe('dates in Asia/Shanghai', () => {
  it('a UTC evening is already the next day in China', () => {
    expect(shanghaiDay(new Date('2026-03-06T16:30:00Z'))).toBe('2026-03-07');
    expect(shanghaiDay(new Date('2026-03-06T15:59:59Z'))).toBe('2026-03-06');
  });

  it('BUILD_DATE accepts a day, an instant, or nothing', () => {
    expect(buildToday('2026-03-07')).toBe('2026-03-07');
    expect(buildToday('2026-12-31T16:10:00Z')).toBe('2027-01-01');
    expect(buildToday(undefined, new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01');
    expect(buildToday('', new Date('2026-01-01T20:00:00Z'))).toBe('2026-01-02');
  });

  it('rejects a BUILD_DATE that is not a date, naming the value', () => {
    expect(() => buildToday('next tuesday')).toThrow('BUILD_DATE="next tuesday" is not a date');
  });

  it('counts days across month and leap-year ends', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-07', '2026-03-01')).toBe(-6);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('steps months across year ends', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -12)).toBe('2025-03');
  });

  it('formats days the way residents read them', () => {
    expect(formatDayZh('2026-03-07')).toBe('2026年3月7日');
  });
});
