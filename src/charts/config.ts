/**
 * Chart spec → Chart.js configuration and canvas size. Styling lives here: colours with at least 3:1 contrast on
 * white (WCAG 1.4.11 for graphics), and every series also differs by marker shape and dash pattern, so the chart
 * does not rely on colour alone. Bars carry their value as text at the end.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import { formatPercent } from '../lib/rates.ts';
import type { ChartSpec } from './spec.ts';

/** Blue, red, green, brown: contrast on white 8.0, 7.6, 6.6, 7.5 (all ≥ 3:1, also ≥ 4.5:1 for text). */
export const SERIES_COLOURS = ['#0b4fa3', '#a4141b', '#1e6b30', '#7a4b00'] as const;
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot'] as const;
const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
const TEXT = '#1a1a1a';
const GRID = '#d0d0d0';

/** Narrow enough that text stays legible when a phone scales the chart down to ~340 px. */
export const CHART_WIDTH = 600;

export interface ChartSize {
  width: number;
  height: number;
}

/** Line charts are a fixed 600×340; horizontal bars grow with the number of categories. */
export function chartSize(spec: ChartSpec): ChartSize {
  if (spec.kind === 'bar' && spec.horizontal) return { width: CHART_WIDTH, height: 100 + spec.categories.length * 44 };
  return { width: CHART_WIDTH, height: 340 };
}

export function formatTick(spec: ChartSpec, value: number | null): string {
  if (value === null) return '—';
  return spec.valueKind === 'rate' ? formatPercent(value, 0) : new Intl.NumberFormat('zh-CN').format(value);
}

/** 0.95 → "95%", 0.955 → "95.5%": no trailing .0 on round ticks. */
function percentTick(value: number): string {
  const percent = Math.round(value * 1000) / 10;
  return formatPercent(value, Number.isInteger(percent) ? 0 : 1);
}

/** Draws each bar's value next to it, so values are readable without hovering (there is no hovering in SVG). */
function barValueLabels(spec: ChartSpec): Plugin<'bar'> {
  return {
    id: 'barValueLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = TEXT;
      ctx.font = '16px "Noto Sans SC"';
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((element, i) => {
        const value = spec.series[0]?.values[i] ?? null;
        const text = spec.valueKind === 'rate' ? formatPercent(value) : formatTick(spec, value);
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.textAlign = 'left';
        ctx.fillText(text, (value === null ? chart.chartArea.left : x) + 6, y);
      });
      ctx.restore();
    },
  };
}

/** The Chart.js configuration for a spec (animation and responsiveness are switched off by the renderer). */
export function chartConfig(spec: ChartSpec): ChartConfiguration {
  const font = { family: 'Noto Sans SC', size: 16 };
  // Counts start at zero. Rates sit near 100% in practice: an axis from 0 would flatten every change, so it
  // starts near the lowest value instead, and the tick labels say where.
  const valueAxis = {
    beginAtZero: spec.valueKind !== 'rate' || spec.kind === 'bar',
    ...(spec.valueKind === 'rate' ? { max: 1 } : {}),
    grid: { color: GRID },
    ticks: {
      color: TEXT,
      font,
      ...(spec.valueKind === 'rate' ? {} : { precision: 0 }),
      maxRotation: 0,
      autoSkipPadding: 12,
      callback: (value: string | number) =>
        spec.valueKind === 'rate' ? percentTick(Number(value)) : formatTick(spec, Number(value)),
    },
    title: { display: true, text: spec.valueKind === 'rate' ? '%' : spec.unit, color: TEXT, font },
  };
  const categoryAxis = {
    grid: { display: spec.kind === 'line', color: GRID },
    ticks: { color: TEXT, font, autoSkip: true, autoSkipPadding: 12, maxRotation: 0 },
  };
  const common = {
    plugins: {
      // The page shows the title as an HTML heading right above the chart (and the SVG has it in <title>):
      // drawing it again would cost a line of a phone screen.
      title: { display: false, text: spec.title },
      legend: {
        display: spec.series.length > 1,
        labels: { color: TEXT, font, usePointStyle: true, boxWidth: 10, boxHeight: 10 },
      },
      tooltip: { enabled: false },
    },
    layout: { padding: { right: spec.kind === 'bar' ? 70 : 16 } },
  };
  if (spec.kind === 'line') {
    return {
      type: 'line',
      data: {
        labels: spec.categories,
        datasets: spec.series.map((s, i) => ({
          label: s.label,
          data: s.values,
          borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
          backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
          borderWidth: 2.5,
          borderDash: DASHES[i % DASHES.length] as number[],
          pointStyle: POINT_STYLES[i % POINT_STYLES.length],
          pointRadius: 3.5,
          spanGaps: false,
        })),
      },
      options: { ...common, scales: { x: categoryAxis, y: valueAxis } },
    };
  }
  return {
    type: 'bar',
    data: {
      labels: spec.categories,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
        barPercentage: 0.75,
      })),
    },
    options: {
      ...common,
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
    plugins: [barValueLabels(spec) as Plugin],
  };
}
