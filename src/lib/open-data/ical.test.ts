import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar, utcStamp } from './ical.ts';

describe('iCalendar', () => {
  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeText('路灯,道路;备注\\说明\n第二行')).toBe('路灯\\,道路\\;备注\\\\说明\\n第二行');
    // Full-width punctuation is text, not syntax: left as it is.
    expect(escapeText('路灯，道路；')).toBe('路灯，道路；');
  });

  it('folds long Chinese lines at 75 octets without cutting a character', () => {
    const line = `SUMMARY:${'村民代表会议'.repeat(10)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(line);
  });

  it('writes China time as UTC (19:30 in Shanghai is 11:30 UTC)', () => {
    expect(utcStamp('2026-12-05', '19:30')).toBe('20261205T113000Z');
    expect(utcStamp('2026-12-05', '23:30', 120)).toBe('20261205T173000Z');
  });

  it('renders timed and all-day events with CRLF line ends', () => {
    const text = renderCalendar(
      '桃源村',
      [
        { uid: 'meeting-a@example', date: '2026-12-05', time: '19:30', summary: '村民代表会议', location: '文化礼堂' },
        { uid: 'notice-b@example', date: '2026-12-01', summary: '公示期满：低保公示' },
      ],
      '20261124T000000Z',
    );
    expect(text).toContain('\r\nDTSTART:20261205T113000Z\r\nDTEND:20261205T133000Z\r\n');
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});
