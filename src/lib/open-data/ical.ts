/**
 * iCalendar (RFC 5545) files for residents' phone calendars: upcoming meetings, the last day of notices' 公示期
 * and 征求意见 deadlines. Written by hand like the RSS feeds: the format is small and owning it keeps the
 * publishing filter in src/data. Pure: events in, text out.
 */

export interface CalendarEvent {
  /** Stable id, unique within the site (e.g. meeting-2026-12-05-taoyuan-…). */
  uid: string;
  /** Day, YYYY-MM-DD (China time). */
  date: string;
  /** Start time HH:MM (China time); without it the event lasts the whole day. */
  time?: string;
  /** Length in minutes of a timed event (default 120). */
  minutes?: number;
  summary: string;
  description?: string;
  location?: string;
  /** Absolute URL of the page about the event. */
  url?: string;
}

/** Escape text values: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Fold a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space. Chinese characters
 * are 3 octets in UTF-8, so the line is cut by bytes, never inside a character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDay = (day: string) => day.replace(/-/g, '');

/** The day after `day` (all-day events end on the next day, exclusive). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** China time (UTC+8, no daylight saving) as a UTC date-time, e.g. 2026-12-05 19:30 → 20261205T113000Z. */
export function utcStamp(day: string, time: string, plusMinutes = 0): string {
  const d = new Date(`${day}T${time}:00+08:00`);
  d.setUTCMinutes(d.getUTCMinutes() + plusMinutes);
  return `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A whole calendar as text with CRLF line ends; `stamp` is the build time (DTSTAMP), YYYYMMDDTHHMMSSZ. */
export function renderCalendar(name: string, events: readonly CalendarEvent[], stamp: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gongkailan//公开栏//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`);
    if (e.time === undefined) {
      lines.push(`DTSTART;VALUE=DATE:${compactDay(e.date)}`, `DTEND;VALUE=DATE:${compactDay(nextDay(e.date))}`);
    } else {
      lines.push(`DTSTART:${utcStamp(e.date, e.time)}`, `DTEND:${utcStamp(e.date, e.time, e.minutes ?? 120)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
