import { describe, expect, it } from 'vitest';
import { formatPercent, ratio } from './rates.ts';

describe('derived rates', () => {
  it('reads the published 廊坊 figures as 97.6% (说事 158,835, 解题 155,055)', () => {
    expect(formatPercent(ratio(155_055, 158_835))).toBe('97.6%');
  });

  it('shows "—" when nothing was received, never NaN or 100%', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(formatPercent(ratio(0, 0))).toBe('—');
    expect(formatPercent(ratio(5, undefined))).toBe('—');
  });

  it('rounds half up on the exact fraction, but never rounds up to 100%', () => {
    expect(formatPercent(ratio(1, 8))).toBe('12.5%');
    expect(formatPercent(ratio(1, 3))).toBe('33.3%');
    expect(formatPercent(ratio(2, 3))).toBe('66.7%');
    expect(formatPercent(ratio(9995, 10000))).toBe('99.9%');
    expect(formatPercent(ratio(10000, 10000))).toBe('100.0%');
    expect(formatPercent(ratio(9994, 10000))).toBe('99.9%');
  });
});
