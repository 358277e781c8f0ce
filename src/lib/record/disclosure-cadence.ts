/**
 * Disclosure cadence (村民委员会组织法 第三十条): finances at least monthly, general village affairs at least
 * quarterly. Finds the villages and communities that are behind, for the build log and the place page badge.
 *
 * Precise rule (documented in docs/operations.md):
 * - Monthly finances are checked by coverage, not by publish dates: every month M of a village must be covered
 *   by the day FINANCE_DUE_DAY (10, configurable) of month M+1. A month is covered by a public `finance` notice
 *   that declares it (`covers: M`), or by a published ledger for M (content/finance/<place>-<M>.json). A finance
 *   notice without `covers` is taken to cover the month before the month it was published in (the usual case:
 *   October's accounts published in early November). Every month is checked from the first month declared by
 *   a `covers` or a ledger up to the latest month already due; a place that never declared a month is checked
 *   for the latest due month only.
 * - General disclosure for a quarter falls due on day DUE_DAY (15) of the month after the quarter ends (the
 *   third quarter's by 15 October). Only the latest quarter due is checked: a place that catches up is no longer
 *   overdue.
 * - Quarterly general disclosure for quarter Q is done when the place has a public 村务 notice (category
 *   `village`, `finance` or `other`: Art. 30 counts finances among 村务 items) published within Q or after it,
 *   up to today. 党务公开 (`party`) follows party rules, not this law, and does not count.
 * Only villages and communities are checked (the 街道 and grids publish through them). Drafts and scheduled
 * notices do not count: only what residents can read on `today`. Pure: no clock, no I/O.
 */
import { addMonths, formatDayZh, formatMonthZh, monthOf } from '../site/dates.ts';

/** Notice categories that are 村务公开 in the sense of Art. 30 (everything but 党务). */
const VILLAGE_AFFAIRS_CATEGORIES: readonly string[] = ['village', 'finance', 'other'];

/** Day of the following month by which a quarter's general disclosure must be published. */
const DUE_DAY = 15;

/** Day of the following month by which a month's finances must be disclosed (default of `financeDueDay`). */
const FINANCE_DUE_DAY = 10;

export interface CadenceOptions {
  /** Day of month M+1 by which month M's finances must be covered; default {@link FINANCE_DUE_DAY}. */
  financeDueDay?: number;
}

export type CadenceKind = 'finance-monthly' | 'general-quarterly';

export interface CadencePlace {
  id: string;
  name: string;
  level: string;
}

export interface CadenceNotice {
  place: string;
  category: string;
  /** Publish day, YYYY-MM-DD; callers pass only notices public on `today`. */
  published: string;
  /** Month a finance notice discloses (YYYY-MM), when it says so. */
  covers?: string;
}

/** A published ledger: the month is disclosed on its /finance/ page. */
export interface CadenceLedger {
  place: string;
  month: string;
}

export interface OverdueDisclosure {
  place: string;
  placeName: string;
  kind: CadenceKind;
  /** The period not disclosed: YYYY-MM for finances, YYYY-Qn for general disclosure. */
  period: string;
  /** 2026年10月 / 2026年第三季度. */
  periodLabel: string;
  /** Day the disclosure was due, YYYY-MM-DD. */
  dueBy: string;
  /** Publish day of the place's latest notice of that kind, if any. */
  lastPublished?: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

function dueDay(monthAfterPeriod: string, day = DUE_DAY): string {
  return `${monthAfterPeriod}-${String(day).padStart(2, '0')}`;
}

/** The latest month whose finance disclosure is already due on `today`. */
export function financeMonthDue(today: string, financeDueDay = FINANCE_DUE_DAY): string {
  const thisMonth = monthOf(today);
  return today >= dueDay(thisMonth, financeDueDay) ? addMonths(thisMonth, -1) : addMonths(thisMonth, -2);
}

/** The month a public finance notice discloses: its `covers`, else the month before it was published. */
function coveredMonth(notice: CadenceNotice): string {
  return notice.covers ?? addMonths(monthOf(notice.published), -1);
}

/** The latest quarter whose general disclosure is already due on `today`: its first month and label. */
export function quarterDue(today: string): { firstMonth: string; period: string; label: string; dueBy: string } {
  const [year, month] = monthOf(today).split('-').map(Number) as [number, number];
  const currentQuarterStart = `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}`;
  let firstMonth = addMonths(currentQuarterStart, -3);
  // Before the due day of the current quarter's first month, the previous quarter is not yet due.
  if (today < dueDay(currentQuarterStart)) firstMonth = addMonths(firstMonth, -3);
  const [qYear, qMonth] = firstMonth.split('-').map(Number) as [number, number];
  const quarter = Math.floor((qMonth - 1) / 3);
  return {
    firstMonth,
    period: `${qYear}-Q${quarter + 1}`,
    label: `${qYear}年第${QUARTER_NAMES[quarter]!}季度`,
    dueBy: dueDay(addMonths(firstMonth, 3)),
  };
}

/** Every village/community behind on its finance or general disclosure on `today`, in place order given. */
export function overdueDisclosures(
  places: readonly CadencePlace[],
  notices: readonly CadenceNotice[],
  today: string,
  ledgers: readonly CadenceLedger[] = [],
  options: CadenceOptions = {},
): OverdueDisclosure[] {
  const financeDueDay = options.financeDueDay ?? FINANCE_DUE_DAY;
  const financeMonth = financeMonthDue(today, financeDueDay);
  const quarter = quarterDue(today);
  const quarterFrom = `${quarter.firstMonth}-01`;
  const latest = (place: string, categories: readonly string[]) =>
    notices
      .filter((n) => n.place === place && categories.includes(n.category) && n.published <= today)
      .reduce<string | undefined>((max, n) => (max === undefined || n.published > max ? n.published : max), undefined);

  const overdue: OverdueDisclosure[] = [];
  for (const place of places) {
    if (place.level !== 'village' && place.level !== 'community') continue;
    const lastFinance = latest(place.id, ['finance']);
    const financeNotices = notices.filter(
      (n) => n.place === place.id && n.category === 'finance' && n.published <= today,
    );
    const declared = [
      ...financeNotices.flatMap((n) => (n.covers === undefined ? [] : [n.covers])),
      ...ledgers.filter((l) => l.place === place.id).map((l) => l.month),
    ];
    const covered = new Set([...declared, ...financeNotices.map(coveredMonth)]);
    // The months checked start at the first month declared by a notice's `covers` or a ledger: an older notice
    // without `covers` (a one-off 资产出租 or 一事一议 account) says nothing about the months around it.
    const first = [...declared].sort()[0];
    const months: string[] = [];
    for (let m = first === undefined || first > financeMonth ? financeMonth : first; m <= financeMonth;) {
      months.push(m);
      m = addMonths(m, 1);
    }
    for (const month of months.filter((m) => !covered.has(m))) {
      const item: OverdueDisclosure = {
        place: place.id,
        placeName: place.name,
        kind: 'finance-monthly',
        period: month,
        periodLabel: formatMonthZh(month),
        dueBy: dueDay(addMonths(month, 1), financeDueDay),
      };
      if (lastFinance !== undefined) item.lastPublished = lastFinance;
      overdue.push(item);
    }
    const lastGeneral = latest(place.id, VILLAGE_AFFAIRS_CATEGORIES);
    if (lastGeneral === undefined || lastGeneral < quarterFrom) {
      const item: OverdueDisclosure = {
        place: place.id,
        placeName: place.name,
        kind: 'general-quarterly',
        period: quarter.period,
        periodLabel: quarter.label,
        dueBy: quarter.dueBy,
      };
      if (lastGeneral !== undefined) item.lastPublished = lastGeneral;
      overdue.push(item);
    }
  }
  return overdue;
}

/** One line in Chinese, for the build log and the badge: 南岭村：2026年10月财务收支未公开（应于 2026年11月15日 前公开）. */
export function describeOverdue(item: OverdueDisclosure, withPlace = true): string {
  const what = item.kind === 'finance-monthly' ? `${item.periodLabel}财务收支未公开` : `${item.periodLabel}村务未公开`;
  const last = item.lastPublished === undefined ? '，尚无此类公开' : `，上次公开于 ${formatDayZh(item.lastPublished)}`;
  return `${withPlace ? `${item.placeName}：` : ''}${what}（应于 ${formatDayZh(item.dueBy)} 前公开${last}）`;
}
