import { describe, expect, it } from 'vitest';
import { noticeState, noticeStateLabel, periodLength } from './notice-state.ts';

const period = { start: '2026-03-01', end: '2026-03-07' };

describe('notice state during its 公示期', () => {
  it('is 待公示 before the first day', () => {
    expect(noticeState(period, '2026-02-27')).toEqual({ kind: 'upcoming', startsIn: 2 });
    expect(noticeStateLabel(noticeState(period, '2026-02-28'))).toBe('待公示，明天开始');
  });

  it('is 公示中 from the first to the last day, counting today', () => {
    expect(noticeState(period, '2026-03-01')).toEqual({ kind: 'active', daysLeft: 7 });
    expect(noticeStateLabel(noticeState(period, '2026-03-05'))).toBe('公示中，剩余3天');
    expect(noticeStateLabel(noticeState(period, '2026-03-07'))).toBe('公示中，今天截止');
  });

  it('is 公示期已满 the day after the last day', () => {
    expect(noticeState(period, '2026-03-08')).toEqual({ kind: 'ended', endedDaysAgo: 1 });
    expect(noticeStateLabel(noticeState(period, '2027-01-01'))).toBe('公示期已满');
  });

  it('counts the period length with both ends', () => {
    expect(periodLength(period)).toBe(7);
  });
});
