import { describe, expect, it } from 'vitest';
import { emptyCounts } from './model.ts';
import { keyFigures } from './key-figures.ts';
import type { StatsCounts } from './model.ts';

function month(received: number, resolved: number, rated: number, satisfied: number): StatsCounts {
  const base = emptyCounts();
  return { ...base, demands: { received, responded: received, resolved, rated, satisfied } };
}

describe('key figures with the change against last month', () => {
  it('shows counts with their difference in cases', () => {
    const figures = keyFigures(month(1200, 1180, 1000, 980), month(1188, 1150, 900, 880));
    const received = figures.find((f) => f.id === 'demands.received');
    expect(received).toMatchObject({ value: '1,200 件', change: '比上月 +12 件', direction: 'up' });
  });

  it('shows rate changes in percentage points with a real minus sign', () => {
    // 90/100 = 90.0% now, 95/100 = 95.0% before.
    const figures = keyFigures(month(100, 90, 100, 90), month(100, 95, 100, 95));
    expect(figures.find((f) => f.id === 'resolutionRate')).toMatchObject({
      value: '90.0%',
      change: '比上月 −5.0 个百分点',
      direction: 'down',
    });
  });

  it('says 持平 when nothing changed', () => {
    const figures = keyFigures(month(10, 9, 9, 9), month(10, 9, 9, 9));
    expect(figures.every((f) => f.change === '与上月持平')).toBe(true);
  });

  it('gives no change when last month is unknown, and no rate when nothing was rated', () => {
    const figures = keyFigures(month(10, 9, 0, 0), undefined);
    expect(figures.every((f) => f.change === undefined)).toBe(true);
    expect(figures.find((f) => f.id === 'satisfactionRate')?.value).toBe('—');
  });

  it('names and counts the figures as the indicator catalogue does, grid events as one total', () => {
    const counts = month(10, 9, 0, 0);
    counts.gridEvents = { ...counts.gridEvents, disputes: 2, safety: 5, closed: 6 };
    counts.disputes = { received: 3, mediated: 3 };
    const figures = keyFigures(counts, undefined);
    expect(figures.map((f) => [f.label, f.value])).toEqual([
      ['群众说事（受理诉求）', '10 件'],
      ['干部解题（已办结）', '9 件'],
      ['网格事件', '7 件'],
      ['矛盾纠纷受理', '3 件'],
      ['解题率', '90.0%'],
      ['满意率', '—'],
    ]);
  });
});
