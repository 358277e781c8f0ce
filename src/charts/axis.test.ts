import { describe, expect, it } from 'vitest';
import type { Stats } from '../schemas/stats.ts';
import { StatsCube } from '../lib/stats/aggregate.ts';
import { emptyCounts } from '../lib/stats/model.ts';
import { indicator } from '../lib/stats/indicators.ts';
import { rateAxisMin, rateAxisNote } from './axis.ts';
import { chartConfig } from './config.ts';
import { compareSpec, trendSpec } from './series.ts';

function record(place: string, month: string, received: number, resolved: number): Stats {
  const base = emptyCounts();
  return { ...base, place, month, demands: { ...base.demands, received, responded: received, resolved } };
}
const places = [
  { id: 'town', name: '示例街道' },
  { id: 'a', parent: 'town', name: '东村' },
  { id: 'b', parent: 'town', name: '西村' },
];
// 96.8% and 97.3%, and a month at exactly 100%.
const cube = new StatsCube(
  [
    record('a', '2026-01', 1000, 968),
    record('b', '2026-01', 1000, 973),
    record('a', '2026-02', 10, 10),
    record('b', '2026-02', 10, 10),
  ],
  places,
);

describe('rate axes that show differences and never clip', () => {
  it('starts a rate axis at the 5% step below the lowest value, and at 0 with no data', () => {
    expect(rateAxisMin([0.968, 0.973])).toBe(0.95);
    expect(rateAxisMin([0.955, 1])).toBe(0.9);
    expect(rateAxisMin([0.005])).toBe(0);
    expect(rateAxisMin([null])).toBe(0);
    expect(rateAxisNote(0.95, true)).toBe('横轴从 95% 开始，以便看出差别。');
    expect(rateAxisNote(0, true)).toBe('');
  });

  it('draws the per-place rate bars from 95% to 100%, and says so in the summary', () => {
    const spec = compareSpec(cube, places.slice(1), indicator('resolutionRate'), ['2026-01'], '2026-01', '2026年1月');
    const x = (chartConfig(spec).options as { scales: { x: { min: number; max: number; beginAtZero: boolean } } })
      .scales.x;
    expect(x).toMatchObject({ min: 0.95, max: 1, beginAtZero: false });
    expect(spec.summary).toBe(
      '2026年1月解题率（办结率）最高的是西村（97.3%），最低的是东村（96.8%）。横轴从 95% 开始，以便看出差别。',
    );
  });

  it('ends a rate line at exactly 100% with room above, drawing whole markers there', () => {
    const spec = trendSpec(cube, places[0]!, [indicator('resolutionRate')], ['2026-01', '2026-02'], '解题率');
    const config = chartConfig(spec) as unknown as {
      data: { datasets: { clip: unknown }[] };
      options: { scales: { y: { min: number; max: number } }; layout: { padding: { top: number } } };
    };
    expect(config.options.scales.y).toMatchObject({ min: 0.95, max: 1 });
    expect(config.data.datasets[0]?.clip).toBe(false);
    expect(config.options.layout.padding.top).toBeGreaterThan(0);
    expect(spec.summary).toContain('纵轴从 95% 开始');
  });
});
