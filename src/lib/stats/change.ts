/**
 * Change of an indicator against the previous month and the same month a year earlier. Counts change by a
 * number and a percentage; rates change by percentage points (a rate going from 90% to 95% is +5.0 个百分点, not
 * +5.6%). Anything missing or divided by zero is "—", never NaN or Infinity.
 */
import type { StatsCube } from './aggregate.ts';
import { addMonths } from '../site/dates.ts';
import { indicatorValue, type Indicator } from './indicators.ts';
import { formatPercent } from './rates.ts';

export interface Change {
  current: number | null;
  previous: number | null;
  /** current − previous (rates: difference of fractions), null when either is missing. */
  difference: number | null;
  /** difference ÷ previous, null when previous is 0 or missing (counts only; rates use `difference`). */
  relative: number | null;
}

export function changeBetween(current: number | null | undefined, previous: number | null | undefined): Change {
  const cur = current ?? null;
  const prev = previous ?? null;
  const difference = cur === null || prev === null ? null : cur - prev;
  const relative = difference === null || prev === 0 || prev === null ? null : difference / prev;
  return { current: cur, previous: prev, difference, relative };
}

const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 158835 → "158,835"; null → "—". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : countFormat.format(value);
}

/** An indicator's value for display: counts grouped by thousands, rates as 97.6%. */
export function formatValue(ind: Indicator, value: number | null | undefined): string {
  return ind.kind === 'rate' ? formatPercent(value ?? null) : formatCount(value);
}

/**
 * `text` (a magnitude, written without sign) with the sign of `n`: "+12", "−0.4 个百分点", and no sign for 0.
 * A real minus sign reads better than a hyphen and screen readers say "负". The one sign helper of the change
 * wording, here and in the home page's key figures (key-figures.ts).
 */
export function signed(n: number, text: string): string {
  if (n > 0) return `+${text}`;
  if (n < 0) return `−${text.replace(/^-/, '')}`;
  return text;
}

/** A difference of two rates (fractions) in percentage points, rounded to one decimal as residents see it. */
export function percentagePoints(difference: number): number {
  return Math.round(difference * 1000) / 10;
}

/** "+1.2 个百分点", "−0.4 个百分点", "0.0 个百分点". */
export function formatPoints(points: number): string {
  return `${signed(points, Math.abs(points).toFixed(1))} 个百分点`;
}

/**
 * Below this many cases in the earlier period a percent change is not shown, only the absolute change: going
 * from 1 to 0 is "−1", not "−100.0%" (a percentage of a tiny base reads as a trend that is not there).
 */
export const MIN_BASE_FOR_PERCENT = 20;

/**
 * "+12（+8.5%）", "−3（−2.0%）", "0（0.0%）", "+12（上期为 0）", "−1（上期 1，不足 20 不计百分比）" for counts;
 * "+1.2 个百分点" for rates; "—" when there is nothing to compare.
 */
export function formatChange(ind: Indicator, change: Change): string {
  const { difference, relative } = change;
  if (difference === null) return '—';
  if (ind.kind === 'rate') return formatPoints(percentagePoints(difference));
  const absolute = signed(difference, formatCount(Math.abs(difference)));
  if (relative === null) return `${absolute}（上期为 0）`;
  const base = change.previous ?? 0;
  if (base < MIN_BASE_FOR_PERCENT) {
    return `${absolute}（上期 ${formatCount(base)}，不足 ${MIN_BASE_FOR_PERCENT} 不计百分比）`;
  }
  const percent = Math.round(relative * 1000) / 10;
  return `${absolute}（${signed(percent, `${Math.abs(percent).toFixed(1)}%`)}）`;
}

export interface MonthChanges {
  value: number | null;
  previousMonth: Change;
  sameMonthLastYear: Change;
}

/** An indicator for a place and month, with its change against last month and the same month last year. */
export function monthChanges(cube: StatsCube, ind: Indicator, placeId: string, month: string): MonthChanges {
  const at = (m: string) => {
    const counts = cube.total(placeId, m);
    return counts === undefined ? null : indicatorValue(ind, counts);
  };
  const value = at(month);
  return {
    value,
    previousMonth: changeBetween(value, at(addMonths(month, -1))),
    sameMonthLastYear: changeBetween(value, at(addMonths(month, -12))),
  };
}
