/**
 * Completeness of the monthly statistics: which villages/communities have reported a month ("已报送 N/M"), which
 * month a roll-up may speak for (the latest complete one), and who is late with a month already due.
 *
 * Filing rule (the statistics counterpart of the disclosure cadence in disclosure-cadence.ts): month M's figures
 * fall due on day `dueDay` of month M+1 (`site.json` `statsDueDay`, default the 10th). On `today` only the latest
 * month already due is checked, and only from the first month the site has statistics for: a unit that catches up
 * is no longer late. Pure: no clock, no I/O.
 */
import type { Coverage, StatsCube } from './aggregate.ts';
import { addMonths, formatDayZh, formatMonthZh, monthOf } from '../site/dates.ts';

/** Day of the following month by which a month's statistics must be filed, unless site.json says otherwise. */
export const DEFAULT_STATS_DUE_DAY = 10;

export interface FilingUnit {
  id: string;
  name: string;
}

export interface OverdueFiling {
  place: string;
  placeName: string;
  /** The month not (completely) filed, YYYY-MM. */
  month: string;
  /** 2026年10月. */
  monthLabel: string;
  /** Day it was due, YYYY-MM-DD. */
  dueBy: string;
}

function dueDate(month: string, dueDay: number): string {
  return `${addMonths(month, 1)}-${String(dueDay).padStart(2, '0')}`;
}

/** The latest month whose statistics are already due on `today`. */
export function statsMonthDue(today: string, dueDay: number = DEFAULT_STATS_DUE_DAY): string {
  const thisMonth = monthOf(today);
  return today >= `${thisMonth}-${String(dueDay).padStart(2, '0')}`
    ? addMonths(thisMonth, -1)
    : addMonths(thisMonth, -2);
}

/** Units without a complete total for the month due on `today` (none before the site's first month of data). */
export function overdueFilings(
  cube: StatsCube,
  units: readonly FilingUnit[],
  today: string,
  dueDay: number = DEFAULT_STATS_DUE_DAY,
): OverdueFiling[] {
  const first = cube.months[0];
  const month = statsMonthDue(today, dueDay);
  if (first === undefined || month < first) return [];
  return units
    .filter((u) => cube.total(u.id, month) === undefined)
    .map((u) => ({
      place: u.id,
      placeName: u.name,
      month,
      monthLabel: formatMonthZh(month),
      dueBy: dueDate(month, dueDay),
    }));
}

/** 南岭村：2026年10月统计未报送（应于 2026年11月10日 前报送）. */
export function describeFiling(item: OverdueFiling, withPlace = true): string {
  return `${withPlace ? `${item.placeName}：` : ''}${item.monthLabel}统计未报送（应于 ${formatDayZh(item.dueBy)} 前报送）`;
}

/** "已报送 7/7" — shown beside every roll-up. */
export function coverageLabel(coverage: Pick<Coverage, 'reported' | 'expected'>): string {
  return `已报送 ${coverage.reported}/${coverage.expected}`;
}

export interface MonthStatus {
  month: string;
  coverage: Coverage;
}

/**
 * What a roll-up page may show: the latest month for which `placeId` is complete, and the later months that are
 * still partial (to be labelled as such, never summed). `latestComplete` is undefined when no month is complete.
 */
export function reportingStatus(
  cube: StatsCube,
  placeId: string,
): { latestComplete: string | undefined; partialAfter: MonthStatus[] } {
  const complete = cube.completeMonths(placeId);
  const latestComplete = complete.at(-1);
  const partialAfter = cube.months
    .filter((m) => latestComplete === undefined || m > latestComplete)
    .map((month) => ({ month, coverage: cube.coverage(placeId, month) }))
    .filter((s) => s.coverage.reported > 0 || s.coverage.own);
  return { latestComplete, partialAfter };
}
