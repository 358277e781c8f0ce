import { describe, expect, it } from 'vitest';
import { buildClock, clockEnv } from './build-clock.ts';

describe('buildClock', () => {
  it('takes the day and instant handed down by scripts/build.ts over BUILD_DATE and the machine clock', () => {
    const first = buildClock({ BUILD_DATE: '2026-12-02T16:30:00Z' }, new Date('2026-12-02T16:30:00Z'));
    expect(first.today).toBe('2026-12-03');
    // A later process, after midnight has passed again, still sees the day the build started with.
    const later = buildClock({ ...clockEnv(first), BUILD_DATE: 'ignored' }, new Date('2026-12-05T00:00:00Z'));
    expect(later.today).toBe('2026-12-03');
    expect(later.builtAt.toISOString()).toBe('2026-12-02T16:30:00.000Z');
  });

  it('reads the clock in Asia/Shanghai when nothing is handed down', () => {
    expect(buildClock({}, new Date('2026-11-23T16:10:00Z'))).toEqual({
      today: '2026-11-24',
      builtAt: new Date('2026-11-23T16:10:00Z'),
    });
  });

  it('refuses a handed-down day that is not YYYY-MM-DD', () => {
    expect(() => buildClock({ GONGKAILAN_TODAY: '24.11.2026' })).toThrow('GONGKAILAN_TODAY="24.11.2026" is not a day');
  });
});
