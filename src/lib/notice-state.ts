/**
 * The state of a notice's 公示期 on a given day: 待公示 (before the period), 公示中 (inside it, with days left),
 * 公示期满 (after it). Scheduled notices (publish day in the future) are not public at all, see publishing.ts.
 */
import { daysBetween } from './dates.ts';

export type NoticeState =
  | { kind: 'upcoming'; startsIn: number }
  | { kind: 'active'; daysLeft: number }
  | { kind: 'ended'; endedDaysAgo: number };

export interface NoticePeriod {
  start: string;
  end: string;
}

/**
 * State on `today`. `daysLeft` counts today and the last day: on the last day it is 1 ("今天截止").
 */
export function noticeState(period: NoticePeriod, today: string): NoticeState {
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
  }
}
