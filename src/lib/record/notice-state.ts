/**
 * The state of a notice's 公示期 on a given day: 待公示 (before the period), 公示中 (inside it, with days left),
 * 公示期满 (after it), or 已撤回 (withdrawn, issue 18). Scheduled notices (publish day in the future) are not public at all, see publishing.ts.
 */
import { daysBetween } from '../site/dates.ts';

export type NoticeState =
  | { kind: 'upcoming'; startsIn: number }
  | { kind: 'active'; daysLeft: number }
  | { kind: 'ended'; endedDaysAgo: number }
  | { kind: 'withdrawn'; date: string };

export interface NoticePeriod {
  start: string;
  end: string;
}

/** A notice's 撤回 (front matter `withdrawn`), as far as its state needs it. */
export interface Withdrawal {
  date: string;
}

/**
 * State on `today`. `daysLeft` counts today and the last day: on the last day it is 1 ("今天截止").
 * A notice withdrawn on or before `today` is 已撤回 whatever its 公示期: it is no longer on the board.
 */
export function noticeState(period: NoticePeriod, today: string, withdrawn?: Withdrawal): NoticeState {
  if (withdrawn !== undefined && withdrawn.date <= today) return { kind: 'withdrawn', date: withdrawn.date };
  if (today < period.start) return { kind: 'upcoming', startsIn: daysBetween(today, period.start) };
  if (today <= period.end) return { kind: 'active', daysLeft: daysBetween(today, period.end) + 1 };
  return { kind: 'ended', endedDaysAgo: daysBetween(period.end, today) };
}

/** Length of the 公示期 in days, both ends included (1 March – 7 March is 7 days). */
export function periodLength(period: NoticePeriod): number {
  return daysBetween(period.start, period.end) + 1;
}

/** Badge text for a state, as shown on the site. */
export function noticeStateLabel(state: NoticeState): string {
  switch (state.kind) {
    case 'upcoming':
      return state.startsIn === 1 ? '待公示，明天开始' : `待公示，${state.startsIn}天后开始`;
    case 'active':
      return state.daysLeft === 1 ? '公示中，今天截止' : `公示中，剩余${state.daysLeft}天`;
    case 'ended':
      return '公示期已满';
    case 'withdrawn':
      return '已撤回';
  }
}

/** Whether a notice is on the board on `today`: in its 公示期 and not withdrawn (正在公示, the 公示中 filter). */
export function isOnBoard(
  notice: { period: NoticePeriod; withdrawn?: Withdrawal | undefined },
  today: string,
): boolean {
  return noticeState(notice.period, today, notice.withdrawn).kind === 'active';
}

/** The 公示 status filter of the notice lists (/notices/status/…): 公示中, 待公示, 已结束 (period over or withdrawn). */
export const NOTICE_STATUSES = ['active', 'upcoming', 'ended'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  active: '公示中',
  upcoming: '待公示',
  ended: '已结束',
};

/** Which status list a notice is in on `today`. */
export function noticeStatus(
  notice: { period: NoticePeriod; withdrawn?: Withdrawal | undefined },
  today: string,
): NoticeStatus {
  const { kind } = noticeState(notice.period, today, notice.withdrawn);
  return kind === 'withdrawn' ? 'ended' : kind;
}

/** A 公示期 in few characters for lists: 2026年11月20日至26日, 2026年11月20日至12月3日, 2025年12月30日至2026年1月5日. */
export function periodText(period: NoticePeriod): string {
  const [y1, m1, d1] = period.start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = period.end.split('-').map(Number) as [number, number, number];
  const start = `${y1}年${m1}月${d1}日`;
  if (y1 !== y2) return `${start}至${y2}年${m2}月${d2}日`;
  if (m1 !== m2) return `${start}至${m2}月${d2}日`;
  return `${start}至${d2}日`;
}
