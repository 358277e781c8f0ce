/**
 * The one set of periods every statistics page offers (no JavaScript: each is a static page, /stats/period/<id>/):
 * 近12个月 (the last twelve complete months — the default of every page that shows a period), 今年 (the complete
 * months of the latest year) and each earlier year. Only complete months count (see aggregate.ts), so a period
 * never mixes full and partial months; a period with fewer months than its name says its months in the label.
 */
import { formatMonthZh } from '../site/dates.ts';

export interface StatsPeriod {
  /** URL segment: last-12, this-year, 2025. */
  id: string;
  /** Selector text: 近12个月, 今年, 2025年. */
  name: string;
  /** Full label with the months covered: 近12个月（2025年11月至2026年10月）. */
  label: string;
  months: string[];
}

export const DEFAULT_PERIOD_ID = 'last-12';

function range(months: readonly string[]): string {
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return '';
  return first === last ? formatMonthZh(first) : `${formatMonthZh(first)}至${formatMonthZh(last)}`;
}

function yearLabel(year: string, months: readonly string[]): string {
  if (months.length === 12) return `${year}年`;
  const numbers = months.map((m) => Number(m.slice(5)));
  const span = numbers.length === 1 ? `${numbers[0]}` : `${numbers[0]}–${numbers.at(-1)}`;
  return `${year}年（${span} 月）`;
}

/** The periods for a site whose complete months are `completeMonths` (sorted); empty when there are none. */
export function statsPeriods(completeMonths: readonly string[]): StatsPeriod[] {
  if (completeMonths.length === 0) return [];
  const last12 = completeMonths.slice(-12);
  const years = [...new Set(completeMonths.map((m) => m.slice(0, 4)))].sort().reverse();
  const [thisYear, ...earlier] = years as [string, ...string[]];
  const monthsOf = (year: string) => completeMonths.filter((m) => m.startsWith(year));
  return [
    { id: DEFAULT_PERIOD_ID, name: '近12个月', label: `近12个月（${range(last12)}）`, months: last12 },
    {
      id: 'this-year',
      name: '今年',
      label: `今年：${yearLabel(thisYear, monthsOf(thisYear))}`,
      months: monthsOf(thisYear),
    },
    ...earlier.map((year) => ({
      id: year,
      name: `${year}年`,
      label: yearLabel(year, monthsOf(year)),
      months: monthsOf(year),
    })),
  ];
}
