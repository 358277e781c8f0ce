import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Stats } from '../schemas/stats.ts';
import { StatsCube } from '../lib/stats/aggregate.ts';
import { emptyCounts } from '../lib/stats/model.ts';
import { indicator } from '../lib/stats/indicators.ts';
import { chartCacheKey, renderChart, renderSpec } from './cache.ts';
import { narrowMonthTicks } from './config.ts';
import { allCharts, statsData } from './catalogue.ts';
import { breakdownSpec, compareSpec, trendSpec } from './series.ts';
import { chartCsv, chartTable } from './table.ts';

function record(place: string, month: string, received: number, resolved: number): Stats {
  const base = emptyCounts();
  return {
    ...base,
    place,
    month,
    demands: { ...base.demands, received, responded: received, resolved },
    gridEvents: { ...base.gridEvents, sanitation: received % 7, livelihood: received % 11, disputes: 2 },
  };
}
const places = [
  { id: 'town', name: '示例街道' },
  { id: 'a', parent: 'town', name: '东村' },
  { id: 'b', parent: 'town', name: '西社区' },
];
const months = ['2026-01', '2026-02', '2026-03'];
const cube = new StatsCube(
  [
    record('a', '2026-01', 10, 9),
    record('a', '2026-02', 20, 20),
    record('a', '2026-03', 30, 27),
    record('b', '2026-01', 0, 0),
    record('b', '2026-02', 0, 0),
    record('b', '2026-03', 8, 8),
  ],
  places,
);
const town = places[0] as (typeof places)[number];
const demandsTrend = () =>
  trendSpec(
    cube,
    town,
    [indicator('demands.received'), indicator('demands.resolved')],
    months,
    '群众说事与干部解题（件）',
  );

describe('chart series from statistics', () => {
  it('rolls places up into the trend and summarises its highs, lows and latest month in words', () => {
    const spec = demandsTrend();
    expect(spec.series[0]?.values).toEqual([10, 20, 38]);
    expect(spec.categories).toEqual(['2026年1月', '2月', '3月']);
    expect(spec.summary).toContain('群众说事（受理诉求）最高为2026年3月（38 件），最低为2026年1月（10 件）');
    expect(spec.summary).toContain('最近一个月（2026年3月）');
  });

  it('leaves a gap, not a zero, where a place did not report, and "—" for a rate of nothing', () => {
    const rate = trendSpec(cube, places[2] as never, [indicator('resolutionRate')], months, '解题率');
    expect(rate.series[0]?.values).toEqual([null, null, 1]);
    expect(chartTable(rate).rows.map((r) => r.cells[0])).toEqual(['—', '—', '100.0%']);
  });

  it('sorts the place comparison from highest to lowest, places without data last', () => {
    const spec = compareSpec(cube, places.slice(1), indicator('resolutionRate'), ['2026-01'], '2026-01', '2026年1月');
    expect(spec.categories).toEqual(['东村', '西社区']);
    expect(spec.series[0]?.values).toEqual([0.9, null]);
    // One place with data is not "highest and lowest" at once.
    expect(spec.summary).toBe(
      '2026年1月解题率（办结率）只有东村有数据（90.0%）。另有 1 个村社区没有数据。横轴从 85% 开始，以便看出差别。',
    );
  });

  it('names ties in chart summaries, comparing the values as displayed', () => {
    const three = [...places.slice(1), { id: 'c', parent: 'town', name: '南村' }];
    const tied = new StatsCube(
      [record('a', '2026-01', 1000, 976), record('b', '2026-01', 1000, 976), record('c', '2026-01', 100, 90)],
      [places[0] as never, ...three],
    );
    const spec = compareSpec(tied, three, indicator('resolutionRate'), ['2026-01'], '2026-01', '2026年1月');
    expect(spec.summary).toBe(
      '2026年1月解题率（办结率）最高的是东村、西社区（并列）（97.6%），最低的是南村（90.0%）。横轴从 85% 开始，以便看出差别。',
    );
    const same = compareSpec(tied, three.slice(0, 2), indicator('resolutionRate'), ['2026-01'], '2026-01', '2026年1月');
    expect(same.summary).toBe(
      '2026年1月有数据的 2 个村社区解题率（办结率）均为 97.6%。横轴从 95% 开始，以便看出差别。',
    );
    const trend = trendSpec(tied, three[0] as never, [indicator('demands.received')], ['2026-01'], 't');
    expect(trend.summary).toContain('群众说事（受理诉求）各月均为 1,000 件');
  });

  it('refuses to draw a count and a rate on the same axis', () => {
    expect(() =>
      trendSpec(cube, town, [indicator('demands.received'), indicator('resolutionRate')], months, 'x'),
    ).toThrow('cannot draw resolutionRate (%) on the same axis as demands.received (件)');
  });

  it('gives the data table and the CSV the same numbers as the chart, the CSV with a BOM for Excel', () => {
    const spec = breakdownSpec(cube, town, months, '2026-Q1', '2026年第1季度');
    const table = chartTable(spec);
    expect(table.header).toEqual(['类别', '上报事件（件）']);
    expect(table.rows[0]).toEqual({ category: '矛盾纠纷', cells: ['12'] }); // 6 reports × 2 disputes
    expect(table.rows).toHaveLength(6);
    const csv = chartCsv(spec);
    expect(csv.startsWith('\uFEFF类别,上报事件（件）\r\n矛盾纠纷,12\r\n')).toBe(true);
  });
});

describe('SVG charts', () => {
  it('draws Chinese labels as real, selectable <text> with a Chinese font stack, accessible and scalable', () => {
    const svg = renderSpec(demandsTrend());
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 600 340"[^>]*role="img"[^>]*aria-labelledby="trend-town-/);
    expect(svg).toContain(
      '<title id="trend-town-demands-received-demands-resolved-title">群众说事与干部解题（件）</title>',
    );
    expect(svg).toContain('PingFang SC');
    expect(svg).toMatch(/<text[^>]*>群众说事（受理诉求）<\/text>/);
    expect(svg).not.toMatch(/<path[^>]*d="[^"]{2000,}"/); // no text converted to outlines
    expect(gzipSync(svg).length).toBeLessThan(10 * 1024);
  });

  it('measures Chinese labels with a CJK font, so a four-character category fits beside its bar', () => {
    const svg = renderSpec(breakdownSpec(cube, town, months, '2026-q1', '2026年第1季度'));
    const label = /<text[^>]*text-anchor="end"[^>]*transform="matrix\(1 0 0 1 ([\d.]+) [\d.]+\)">矛盾纠纷<\/text>/.exec(
      svg,
    );
    // The label is right-aligned at x; four 16 px characters need at least 64 px to its left.
    expect(Number(label?.[1])).toBeGreaterThanOrEqual(64);
  });

  it('draws every point marker of a line chart as a visible circle (no zero-length arcs)', () => {
    const svg = renderSpec(demandsTrend());
    expect(svg).not.toMatch(/M ([\d.-]+) ([\d.-]+) A [\d.]+ [\d.]+ 0 1 1 \1 \2 Z/);
    // Series 1 has circle markers: 3 months × 2 half arcs.
    expect(svg.match(/ A 3\.5 3\.5 0 1 1 /g)?.length).toBe(2 * 3);
  });

  it('renders the same input to the same bytes, with ids prefixed by the chart id', () => {
    const spec = compareSpec(cube, places.slice(1), indicator('demands.received'), months, '2026-q1', '2026年第1季度');
    const first = renderSpec(spec);
    expect(renderSpec(structuredClone(spec))).toBe(first);
    const ids = [...first.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(id?.startsWith(`${spec.id}-`)).toBe(true);
  });

  it('serves an unchanged chart from the cache, byte-identical, and re-renders when the data change', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-chart-cache-'));
    const spec = demandsTrend();
    const cold = renderChart(spec, dir);
    const warm = renderChart(spec, dir);
    expect([cold.hit, warm.hit]).toEqual([false, true]);
    expect(warm.svg).toBe(cold.svg);
    const changed = structuredClone(spec);
    (changed.series[0] as { values: (number | null)[] }).values[0] = 11;
    expect(renderChart(changed, dir).hit).toBe(false);
    expect(readdirSync(dir)).toHaveLength(2);
  });
});

describe('narrow SVG charts for phones', () => {
  const fontSizes = (svg: string) => [...svg.matchAll(/<text[^>]*font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));

  it('is 320 units wide with text of at least 15 units, so ~14 px on a 360 px phone', () => {
    for (const spec of [demandsTrend(), breakdownSpec(cube, town, months, '2026-q1', '2026年第1季度')]) {
      const svg = renderSpec(spec, 'narrow');
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 320 \d+"[^>]*role="img"/);
      expect(fontSizes(svg).length).toBeGreaterThan(3);
      expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(15);
      expect(svg).toMatch(/<text[^>]*>[^<]*[\u4e00-\u9fff][^<]*<\/text>/);
      expect(gzipSync(svg).length).toBeLessThan(10 * 1024);
    }
  });

  it('renders the same bytes every time, with ids that cannot collide with the wide SVG on the same page', () => {
    const spec = demandsTrend();
    const narrow = renderSpec(spec, 'narrow');
    expect(renderSpec(structuredClone(spec), 'narrow')).toBe(narrow);
    const idsOf = (svg: string) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] as string);
    const wideIds = new Set(idsOf(renderSpec(spec, 'wide')));
    expect(idsOf(narrow).length).toBeGreaterThan(2);
    for (const id of idsOf(narrow)) {
      expect(id.startsWith(`${spec.id}-n-`)).toBe(true);
      expect(wideIds.has(id)).toBe(false);
    }
    expect(narrow).toContain(`aria-labelledby="${spec.id}-n-title ${spec.id}-n-desc"`);
  });

  it('caches the narrow layout under its own key: a hit, byte-identical, beside the wide one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-chart-cache-'));
    const spec = demandsTrend();
    expect(chartCacheKey(spec, 'narrow')).not.toBe(chartCacheKey(spec, 'wide'));
    const wide = renderChart(spec, dir, 'wide');
    const cold = renderChart(spec, dir, 'narrow');
    const warm = renderChart(spec, dir, 'narrow');
    expect([wide.hit, cold.hit, warm.hit]).toEqual([false, false, true]);
    expect(warm.svg).toBe(cold.svg);
    expect(cold.svg).toBe(renderSpec(spec, 'narrow'));
    expect(cold.svg).not.toBe(wide.svg);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('labels every month when there is room, and only January and July (year under January) over two years', () => {
    expect(narrowMonthTicks(['2026年1月', '2月', '3月'], 256, 15)).toEqual([['1月', '2026年'], ['2月'], ['3月']]);
    const labels = ['2024年12月', ...Array.from({ length: 12 }, (_, i) => (i === 0 ? '2025年1月' : `${i + 1}月`))];
    labels.push(...Array.from({ length: 11 }, (_, i) => (i === 0 ? '2026年1月' : `${i + 1}月`)));
    const ticks = narrowMonthTicks(labels, 256, 15);
    expect(ticks.filter((t) => t !== null)).toEqual([['1月', '2025年'], ['7月'], ['1月', '2026年'], ['7月']]);
  });

  it('names the year of the first month shown even when the first month itself is not labelled', () => {
    const labels = ['2025年5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '2026年1月'];
    labels.push(...Array.from({ length: 11 }, (_, i) => `${i + 2}月`));
    const ticks = narrowMonthTicks(labels, 256, 15).filter((t) => t !== null);
    expect(ticks).toEqual([['7月', '2025年'], ['1月', '2026年'], ['7月']]);
  });
});

describe('the 口径 notes in a chart CSV', () => {
  const noted = (r: Stats, note: string): Stats => ({ ...r, note });
  const data = statsData(
    [
      record('a', '2026-01', 10, 9),
      noted(record('a', '2026-02', 20, 20), '本月起含电话受理。'),
      record('b', '2026-01', 4, 4),
      record('b', '2026-02', 6, 6),
    ],
    [
      { id: 'town', name: '示例街道', level: 'township', order: 0 },
      { id: 'a', parent: 'town', name: '东村', level: 'village', order: 1 },
      { id: 'b', parent: 'town', name: '西社区', level: 'community', order: 2 },
    ],
    'town',
  );
  const csvOf = (id: string) => {
    const spec = allCharts(data, [indicator('demands.received')]).find((s) => s.id === id);
    if (spec === undefined) throw new Error(`no chart ${id}`);
    return chartCsv(spec).trim().split(/\r?\n/);
  };

  it('adds a 数据说明 column to the town trend, on the month the note is for', () => {
    const lines = csvOf('trend-town-demands-received');
    expect(lines[0]).toMatch(/,数据说明$/);
    expect(lines.find((l) => l.startsWith('2026年2月'))).toMatch(/,2026年2月 东村：本月起含电话受理。$/);
    expect(lines.find((l) => l.startsWith('2026年1月'))).toMatch(/,$/);
  });

  it("puts a place's note on its own row of a comparison, not on the others", () => {
    const lines = csvOf('compare-demands-received-2026-02');
    expect(lines.find((l) => l.startsWith('东村'))).toMatch(/,2026年2月 东村：本月起含电话受理。$/);
    expect(lines.find((l) => l.startsWith('西社区'))).toMatch(/,$/);
  });

  it('leaves the column out when no record behind the chart has a note', () => {
    expect(csvOf('compare-demands-received-2026-01')[0]).not.toContain('数据说明');
  });
});
