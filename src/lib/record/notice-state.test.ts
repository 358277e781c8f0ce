import { describe, expect, it } from 'vitest';
import { isOnBoard, noticeState, noticeStateLabel, noticeStatus, periodLength, periodText } from './notice-state.ts';

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

describe('a withdrawn notice (issue 18)', () => {
  const period = { start: '2026-11-20', end: '2026-11-26' };

  it('is 已撤回 from its withdrawal day, even inside its 公示期', () => {
    const state = noticeState(period, '2026-11-24', { date: '2026-11-23' });
    expect(state).toEqual({ kind: 'withdrawn', date: '2026-11-23' });
    expect(noticeStateLabel(state)).toBe('已撤回');
    expect(isOnBoard({ period, withdrawn: { date: '2026-11-23' } }, '2026-11-24')).toBe(false);
  });

  it('stays on the board until the withdrawal day comes', () => {
    expect(noticeState(period, '2026-11-22', { date: '2026-11-23' }).kind).toBe('active');
    expect(isOnBoard({ period, withdrawn: { date: '2026-11-23' } }, '2026-11-22')).toBe(true);
    expect(isOnBoard({ period }, '2026-11-24')).toBe(true);
    expect(isOnBoard({ period }, '2026-11-27')).toBe(false);
  });
});

describe('the 公示 status filter and list dates', () => {
  const period = { start: '2026-11-20', end: '2026-11-26' };
  it('puts a withdrawn notice under 已结束, not 公示中', () => {
    expect(noticeStatus({ period }, '2026-11-24')).toBe('active');
    expect(noticeStatus({ period, withdrawn: { date: '2026-11-23' } }, '2026-11-24')).toBe('ended');
    expect(noticeStatus({ period }, '2026-11-19')).toBe('upcoming');
    expect(noticeStatus({ period }, '2026-11-27')).toBe('ended');
  });
  it('writes the period without repeating the year or month', () => {
    expect(periodText(period)).toBe('2026年11月20日至26日');
    expect(periodText({ start: '2026-11-28', end: '2026-12-04' })).toBe('2026年11月28日至12月4日');
    expect(periodText({ start: '2025-12-30', end: '2026-01-05' })).toBe('2025年12月30日至2026年1月5日');
  });
});
