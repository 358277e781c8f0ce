/**
 * Reporting periods: month (2025-03), quarter (2025-Q1) and year (2025), as strings that sort correctly, with
 * their months and Chinese labels. Pure calendar arithmetic; no time zones are involved at month granularity.
 */
import { addMonths } from '../site/dates.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** 2025-03, 2025-Q1 or 2025. */
  id: string;
  /** The months it contains, in order. */
  months: string[];
  /** 2025年3月, 2025年第1季度, 2025年. */
  label: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

function monthNumber(month: string): [number, number] {
  const match = MONTH.exec(month);
  if (match === null) throw new Error(`"${month}" is not a month (YYYY-MM)`);
  return [Number(match[1]), Number(match[2])];
}

/** 2025-03 → 2025-Q1. */
export function quarterOf(month: string): string {
  const [year, m] = monthNumber(month);
  return `${year}-Q${Math.ceil(m / 3)}`;
}

/** 2025-03 → 2025. */
export function yearOf(month: string): string {
  return String(monthNumber(month)[0]);
}

/** Parse a period id into its months and label; throws on anything else. */
export function period(id: string): Period {
  const m = MONTH.exec(id);
  if (m !== null) return { kind: 'month', id, months: [id], label: `${m[1]}年${Number(m[2])}月` };
  const q = QUARTER.exec(id);
  if (q !== null) {
    const first = `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return { kind: 'quarter', id, months: monthRange(first, addMonths(first, 2)), label: `${q[1]}年第${q[2]}季度` };
  }
  const y = YEAR.exec(id);
  if (y !== null) return { kind: 'year', id, months: monthRange(`${id}-01`, `${id}-12`), label: `${id}年` };
  throw new Error(`"${id}" is not a period: use YYYY-MM, YYYY-Qn or YYYY`);
}

/** Every month from `first` to `last`, inclusive (empty when last < first). */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The distinct quarters / years touched by `months`, in order. */
export function periodsOf(months: readonly string[], kind: 'quarter' | 'year'): string[] {
  const of = kind === 'quarter' ? quarterOf : yearOf;
  return [...new Set(months.map(of))].sort();
}

/** 2025-03 → "3月" (axis labels), with the year added on January and on the first label. */
export function shortMonthLabels(months: readonly string[]): string[] {
  return months.map((month, i) => {
    const [year, m] = monthNumber(month);
    return i === 0 || m === 1 ? `${year}年${m}月` : `${m}月`;
  });
}
