/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, evaluated in China Standard Time (Asia/Shanghai, UTC+8, no DST).
 * A build on a UTC runner at 16:30 UTC is already the next day in China: notice periods and scheduled items
 * follow the Chinese date, so "today" is always computed here and passed down as a string.
 */

export const TIME_ZONE = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Asia/Shanghai at instant `now`, as YYYY-MM-DD. */
export function shanghaiDay(now: Date): string {
  return dayFormat.format(now);
}

/**
 * The build's "today". `BUILD_DATE` may be a day (2025-03-07, taken as that day in China) or an instant
 * (2025-03-06T16:30:00Z); empty means now. Throws a clear error for anything else.
 */
export function buildToday(buildDate: string | undefined, now: Date = new Date()): string {
  if (buildDate === undefined || buildDate.trim() === '') return shanghaiDay(now);
  const value = buildDate.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new Error(`BUILD_DATE="${value}" is not a date: use YYYY-MM-DD or an ISO 8601 instant`);
  }
  return shanghaiDay(instant);
}

function toUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** `day` plus `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(toUtc(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The month before / after `month` (YYYY-MM). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 2025-03-01 → 2025年3月1日. */
export function formatDayZh(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** 2025-03 → 2025年3月. */
export function formatMonthZh(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}
