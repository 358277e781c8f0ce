/**
 * Chart spec → Chart.js configuration and canvas size. Styling lives here: colours with at least 3:1 contrast on
 * white (WCAG 1.4.11 for graphics), and every series also differs by marker shape and dash pattern, so the chart
 * does not rely on colour alone. Bars carry their value as text at the end.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import { formatPercent } from '../lib/stats/rates.ts';
import { rateAxisMin } from './axis.ts';
import type { ChartSpec } from './spec.ts';

/** Blue, red, green, brown: contrast on white 8.0, 7.6, 6.6, 7.5 (all ≥ 3:1, also ≥ 4.5:1 for text). */
const SERIES_COLOURS = ['#0b4fa3', '#a4141b', '#1e6b30', '#7a4b00'] as const;
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot'] as const;
const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
const TEXT = '#1a1a1a';
const GRID = '#d0d0d0';

/**
 * Every chart is drawn twice and the page shows one of them with a CSS media query (StatsChart.astro):
 * - `wide`: 600 units wide, 16 px text, for tablets and desktops (shown at most 1:1, so text stays 16 px);
 * - `narrow`: 320 units wide, 15 px text, for phones. A 360 px phone has ~295 px for the chart, so it is shown at
 *   ~0.92 and its smallest text at ~14 px; the wide chart scaled to the same width had 8–9 px text.
 * The narrow layout labels fewer months, puts the legend in its own left-aligned rows, and drops the value-axis
 * title (the unit is in the chart's heading).
 */
export type ChartLayout = 'wide' | 'narrow';
export const CHART_LAYOUTS = ['wide', 'narrow'] as const satisfies readonly ChartLayout[];

interface LayoutStyle {
  width: number;
  /** Text size in SVG units (= CSS px at 1:1). */
  font: number;
  /** Room right of the bars for their value labels. */
  barValueRoom: number;
  pointRadius: number;
}
const STYLE: Record<ChartLayout, LayoutStyle> = {
  wide: { width: 600, font: 16, barValueRoom: 70, pointRadius: 3.5 },
  narrow: { width: 320, font: 15, barValueRoom: 58, pointRadius: 3 },
};

export interface ChartSize {
  width: number;
  height: number;
}

/** Line charts are a fixed height (narrow: taller per legend row); horizontal bars grow with the categories. */
export function chartSize(spec: ChartSpec, layout: ChartLayout = 'wide'): ChartSize {
  const { width } = STYLE[layout];
  if (spec.kind === 'bar' && spec.horizontal) {
    return layout === 'wide'
      ? { width, height: 100 + spec.categories.length * 44 }
      : { width, height: 70 + spec.categories.length * 38 };
  }
  if (layout === 'wide') return { width, height: 340 };
  return { width, height: 260 + (spec.series.length > 1 ? 26 * spec.series.length : 0) };
}

/** Rough text width for choosing which month labels fit (CJK one em, digits and Latin ~0.6 em). */
function textWidth(text: string, font: number): number {
  let width = 0;
  for (const ch of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? font : 0.6 * font;
  return width;
}

/**
 * Month labels for a narrow line chart: "2026年1月" becomes two lines ["1月", "2026年"], and only every
 * step-th month is labelled (step 1, 2, 3, 6 or 12, aligned so January is always among them), the smallest step at
 * which neighbouring labels do not touch. The first label shown always names its year. null = no tick, no grid
 * line. Exported for tests.
 */
export function narrowMonthTicks(categories: readonly string[], plotWidth: number, font: number): (string[] | null)[] {
  let year = '';
  const parsed = categories.map((label) => {
    const match = /^(?:(\d{4})年)?(\d{1,2})月$/.exec(label);
    if (match === null) return undefined;
    if (match[1] !== undefined) year = match[1];
    return { year, month: Number(match[2]), yearShown: match[1] !== undefined };
  });
  if (parsed.some((p) => p === undefined)) return categories.map((c) => [c]);
  const months = parsed as { year: string; month: number; yearShown: boolean }[];
  const slot = plotWidth / Math.max(1, categories.length);
  for (const step of [1, 2, 3, 6, 12]) {
    let first = true;
    const ticks = months.map((m) => {
      if ((m.month - 1) % step !== 0) return null;
      const lines = m.yearShown || first ? [`${m.month}月`, `${m.year}年`] : [`${m.month}月`];
      first = false;
      return lines;
    });
    const shown = ticks.flatMap((t, i) =>
      t === null ? [] : [{ i, w: Math.max(...t.map((l) => textWidth(l, font))) }],
    );
    const fits = shown.every((s, k) => {
      const next = shown[k + 1];
      return next === undefined || (s.w + next.w) / 2 + font * 0.6 <= (next.i - s.i) * slot;
    });
    if (fits || step === 12) return ticks;
  }
  return [];
}

const COUNT_FORMAT = new Intl.NumberFormat('zh-CN');

function formatTick(spec: ChartSpec, value: number | null): string {
  if (value === null) return '—';
  return spec.valueKind === 'rate' ? formatPercent(value, 0) : COUNT_FORMAT.format(value);
}

/** 0.95 → "95%", 0.955 → "95.5%": no trailing .0 on round ticks. */
function percentTick(value: number): string {
  const percent = Math.round(value * 1000) / 10;
  return formatPercent(value, Number.isInteger(percent) ? 0 : 1);
}

/** Draws each bar's value next to it, so values are readable without hovering (there is no hovering in SVG). */
function barValueLabels(spec: ChartSpec, font: number): Plugin<'bar'> {
  return {
    id: 'barValueLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = TEXT;
      ctx.font = `${font}px "Noto Sans SC"`;
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
export function chartConfig(spec: ChartSpec, layout: ChartLayout = 'wide'): ChartConfiguration {
  const style = STYLE[layout];
  const narrow = layout === 'narrow';
  const font = { family: 'Noto Sans SC', size: style.font };
  // Counts start at zero. Rates sit near 100% in practice: an axis from 0 would flatten every change (96.8% and
  // 97.3% would look the same), so lines and bars alike start at a 5% step below the lowest value (axis.ts), the
  // tick labels and the summary say where, and the axis ends at exactly 100%.
  const rateMin = spec.valueKind === 'rate' ? rateAxisMin(spec.series.flatMap((s) => s.values)) : 0;
  const valueAxis = {
    beginAtZero: spec.valueKind !== 'rate',
    ...(spec.valueKind === 'rate' ? { min: rateMin, max: 1 } : {}),
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
    title: { display: !narrow, text: spec.valueKind === 'rate' ? '%' : spec.unit, color: TEXT, font },
  };
  // Narrow line charts label only some months (chosen here, not by Chart.js's autoSkip, which picks an
  // arbitrary spacing such as every 5th month). Plot width: the chart minus the value axis and padding.
  const monthTicks =
    narrow && spec.kind === 'line' ? narrowMonthTicks(spec.categories, style.width - 64, style.font) : undefined;
  const categoryAxis = {
    grid: { display: spec.kind === 'line', color: GRID },
    ticks: {
      color: TEXT,
      font,
      autoSkip: monthTicks === undefined,
      autoSkipPadding: 12,
      maxRotation: 0,
      ...(monthTicks === undefined ? {} : { callback: (_: unknown, index: number) => monthTicks[index] ?? null }),
    },
  };
  const common = {
    plugins: {
      // The page shows the title as an HTML heading right above the chart (and the SVG has it in <title>):
      // drawing it again would cost a line of a phone screen.
      title: { display: false, text: spec.title },
      legend: {
        display: spec.series.length > 1,
        align: narrow ? ('start' as const) : ('center' as const),
        labels: {
          color: TEXT,
          font,
          usePointStyle: true,
          boxWidth: 10,
          boxHeight: 10,
          ...(narrow ? { padding: 8 } : {}),
        },
      },
      tooltip: { enabled: false },
    },
    // Room above the plot, so a marker at the top of the axis (100%) is never cut by the edge of the SVG.
    layout: {
      padding: {
        top: spec.kind === 'line' ? 8 : 0,
        right: spec.kind === 'bar' ? style.barValueRoom : narrow ? 10 : 16,
      },
    },
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
          pointRadius: style.pointRadius,
          spanGaps: false,
          // A point at exactly 100% sits on the top edge: draw the whole marker, not the lower half.
          clip: false as const,
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
    plugins: [barValueLabels(spec, style.font) as Plugin],
  };
}
