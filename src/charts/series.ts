/**
 * Pure series builders: statistics (a StatsCube and the place list) → chart specs. No drawing here; tested on
 * synthetic data. Every spec carries its own text summary, written from the same numbers the chart shows.
 */
import { GRID_EVENT_CATEGORIES } from '../schemas/stats.ts';
import type { StatsCube } from '../lib/stats/aggregate.ts';
import { formatValue } from '../lib/stats/change.ts';
import { indicator, indicatorValue, type Indicator } from '../lib/stats/indicators.ts';
import { formatMonthZh } from '../lib/site/dates.ts';
import { shortMonthLabels } from '../lib/stats/periods.ts';
import { rateAxisMin, rateAxisNote } from './axis.ts';
import type { ChartSeries, ChartSpec } from './spec.ts';

export interface StatsPlace {
  id: string;
  name: string;
}

function valueAt(cube: StatsCube, ind: Indicator, placeId: string, months: readonly string[]): number | null {
  const total = months.length === 1 ? cube.total(placeId, months[0] as string) : cube.period(placeId, months)?.counts;
  return total === undefined ? null : indicatorValue(ind, total);
}

function sameUnit(indicators: readonly Indicator[]): { valueKind: 'count' | 'rate'; unit: string } {
  const first = indicators[0];
  if (first === undefined) throw new Error('a chart needs at least one indicator');
  for (const ind of indicators) {
    if (ind.kind !== first.kind || ind.unit !== first.unit) {
      throw new Error(`cannot draw ${ind.id} (${ind.unit}) on the same axis as ${first.id} (${first.unit})`);
    }
  }
  return { valueKind: first.kind === 'rate' ? 'rate' : 'count', unit: first.unit };
}

/**
 * The labels whose values show as the highest / lowest (compared as displayed, so 97.64% and 97.61% are both
 * "97.6%" and tie): "A" or "A、B（并列）".
 */
function extremeIndexes(ind: Indicator, values: readonly (number | null)[]): { high: number[]; low: number[] } {
  const shown = values.map((v) => (v === null ? null : formatValue(ind, v)));
  const present = values.map((v, i) => ({ v, i })).filter((e): e is { v: number; i: number } => e.v !== null);
  if (present.length === 0) return { high: [], low: [] };
  const max = present.reduce((a, b) => (b.v > a.v ? b : a));
  const min = present.reduce((a, b) => (b.v < a.v ? b : a));
  return {
    high: present.filter((e) => shown[e.i] === shown[max.i]).map((e) => e.i),
    low: present.filter((e) => shown[e.i] === shown[min.i]).map((e) => e.i),
  };
}

function named(labels: readonly string[], indexes: readonly number[]): string {
  const names = indexes.map((i) => labels[i]).join('、');
  return indexes.length > 1 ? `${names}（并列）` : names;
}

/** "最高为2026年3月（523 件），最低为…" for one series, naming ties; "…无数据" when it has no values. */
function extremes(ind: Indicator, labels: readonly string[], series: ChartSeries): string {
  const { high, low } = extremeIndexes(ind, series.values);
  if (high.length === 0) return `${series.label}无数据`;
  const unit = ind.kind === 'rate' ? '' : ` ${ind.unit}`;
  const value = (i: number) => `${formatValue(ind, series.values[i])}${unit}`;
  const present = series.values.filter((v) => v !== null).length;
  if (high.length === present) return `${series.label}各月均为 ${value(high[0] as number)}`;
  return (
    `${series.label}最高为${named(labels, high)}（${value(high[0] as number)}），` +
    `最低为${named(labels, low)}（${value(low[0] as number)}）`
  );
}

/** Monthly trend of one or more indicators (same unit) for one place. */
export function trendSpec(
  cube: StatsCube,
  place: StatsPlace,
  indicators: readonly Indicator[],
  months: readonly string[],
  title: string,
): ChartSpec {
  const { valueKind, unit } = sameUnit(indicators);
  const series = indicators.map((ind) => ({
    label: ind.title,
    values: months.map((m) => valueAt(cube, ind, place.id, [m])),
  }));
  const fullLabels = months.map(formatMonthZh);
  const range = months.length === 0 ? '' : `${fullLabels[0]}至${fullLabels.at(-1)}，`;
  const parts = series.map((s, i) => extremes(indicators[i] as Indicator, fullLabels, s));
  const lastIndex = months.length - 1;
  const latest = series
    .map((s, i) => `${s.label} ${formatValue(indicators[i] as Indicator, s.values[lastIndex])}`)
    .join('、');
  return {
    id: `trend-${place.id}-${indicators.map((i) => i.slug).join('-')}`,
    kind: 'line',
    horizontal: false,
    title,
    categories: shortMonthLabels(months),
    fullCategories: fullLabels,
    categoryHeader: '月份',
    series,
    valueKind,
    unit,
    summary:
      `${range}${place.name}${parts.join('；')}。${lastIndex >= 0 ? `最近一个月（${fullLabels[lastIndex]}）${latest}。` : ''}` +
      (valueKind === 'rate' ? rateAxisNote(rateAxisMin(series.flatMap((s) => s.values)), false) : ''),
  };
}

/** Grid events by category (矛盾纠纷, 治安隐患…) for one place over a period. */
export function breakdownSpec(
  cube: StatsCube,
  place: StatsPlace,
  months: readonly string[],
  periodId: string,
  periodLabel: string,
): ChartSpec {
  const indicators = GRID_EVENT_CATEGORIES.map((c) => indicator(`gridEvents.${c}`));
  const values = indicators.map((ind) => valueAt(cube, ind, place.id, months));
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const ranked = indicators
    .map((ind, i) => ({ ind, value: values[i] ?? null }))
    .filter((e) => e.value !== null)
    .sort((a, b) => (b.value as number) - (a.value as number));
  const top = ranked
    .slice(0, 3)
    .map((e) => `${e.ind.title} ${formatValue(e.ind, e.value)} 件`)
    .join('、');
  return {
    id: `breakdown-${place.id}-${periodId.toLowerCase()}`,
    kind: 'bar',
    horizontal: true,
    title: `${place.name}${periodLabel}网格事件分类（件）`,
    categories: indicators.map((i) => i.title),
    categoryHeader: '类别',
    series: [{ label: '上报事件', values }],
    valueKind: 'count',
    unit: '件',
    summary:
      ranked.length === 0
        ? `${place.name}${periodLabel}没有网格事件数据。`
        : `${place.name}${periodLabel}共上报网格事件 ${formatValue(indicators[0] as Indicator, total)} 件，最多的是${top}。`,
  };
}

/** One indicator across places for a period, sorted from highest to lowest (no data last). */
export function compareSpec(
  cube: StatsCube,
  places: readonly StatsPlace[],
  ind: Indicator,
  months: readonly string[],
  periodId: string,
  periodLabel: string,
): ChartSpec {
  const rows = places
    .map((p) => ({ place: p, value: valueAt(cube, ind, p.id, months) }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.place.id.localeCompare(b.place.id));
  const withData = rows.filter((r) => r.value !== null);
  const unit = ind.kind === 'rate' ? '' : ` ${ind.unit}`;
  const names = rows.map((r) => r.place.name);
  const { high, low } = extremeIndexes(
    ind,
    rows.map((r) => r.value),
  );
  const value = (i: number) => `${formatValue(ind, rows[i]?.value)}${unit}`;
  let summary: string;
  const axis = ind.kind === 'rate' ? rateAxisNote(rateAxisMin(rows.map((r) => r.value)), true) : '';
  if (withData.length === 0) summary = `${periodLabel}各村社区没有${ind.title}数据。`;
  else if (withData.length === 1)
    summary = `${periodLabel}${ind.title}只有${named(names, high)}有数据（${value(high[0] as number)}）。`;
  else if (high.length === withData.length)
    summary = `${periodLabel}有数据的 ${withData.length} 个村社区${ind.title}均为 ${value(high[0] as number)}。`;
  else
    summary =
      `${periodLabel}${ind.title}最高的是${named(names, high)}（${value(high[0] as number)}），` +
      `最低的是${named(names, low)}（${value(low[0] as number)}）。`;
  const missing = rows.length - withData.length;
  if (withData.length > 0 && missing > 0) summary += `另有 ${missing} 个村社区没有数据。`;
  summary += axis;
  return {
    id: `compare-${ind.slug}-${periodId.toLowerCase()}`,
    kind: 'bar',
    horizontal: true,
    title: `${periodLabel}各村社区${ind.title}（${ind.unit}）`,
    categories: rows.map((r) => r.place.name),
    categoryHeader: '村/社区',
    series: [{ label: ind.title, values: rows.map((r) => r.value) }],
    valueKind: ind.kind === 'rate' ? 'rate' : 'count',
    unit: ind.unit,
    summary,
  };
}
