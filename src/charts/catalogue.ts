/**
 * Which charts the site has: one list per kind of page (overview, indicator, place, month). Pages render these
 * specs, `/data/charts/<id>.csv` publishes their data, and the chart benchmark renders all of them, so the three
 * cannot drift apart. Pure: takes the statistics, not Astro collections.
 */
import { StatsCube } from '../lib/stats/aggregate.ts';
import { indicator, titleWithUnit, type Indicator } from '../lib/stats/indicators.ts';
import { formatMonthZh } from '../lib/site/dates.ts';
import { period } from '../lib/stats/periods.ts';
import { reportingStatus, type MonthStatus } from '../lib/stats/stats-completeness.ts';
import { DEFAULT_PERIOD_ID, statsPeriods, type StatsPeriod } from '../lib/stats/stats-periods.ts';
import type { Stats } from '../schemas/stats.ts';
import { breakdownSpec, compareSpec, trendSpec, type StatsPlace } from './series.ts';
import type { ChartSpec } from './spec.ts';

export interface StatsPlaceInfo extends StatsPlace {
  parent?: string | undefined;
  level: string;
  order: number;
  population?: number | undefined;
  households?: number | undefined;
  /** Year the population and household figures are for. */
  populationYear?: number | undefined;
}

export interface StatsData {
  cube: StatsCube;
  /** The 街道/乡镇 (site.rootPlace). */
  root: StatsPlaceInfo;
  /** Villages and communities directly under the root, in display order. */
  units: StatsPlaceInfo[];
  /** Every month with any data (complete or not), in order: each has a month page. */
  months: string[];
  /** The months for which the root's roll-up is complete (every unit reported), in order. */
  completeMonths: string[];
  /**
   * The latest month the root's figures speak for: the latest complete month (undefined when there is none).
   * A later month in which only some units reported is in `partial`, never here.
   */
  latest: string | undefined;
  /** Months after `latest` in which some units have reported: shown labelled "已报送 N/M", never summed. */
  partial: MonthStatus[];
  /** The periods of the shared selector (近12个月, 今年, each earlier year); the first is every page's default. */
  periods: StatsPeriod[];
}

export function statsData(records: readonly Stats[], places: readonly StatsPlaceInfo[], rootId: string): StatsData {
  const root = places.find((p) => p.id === rootId);
  if (root === undefined) throw new Error(`site.rootPlace "${rootId}" is not among the places`);
  const cube = new StatsCube(records, places);
  const units = places.filter((p) => p.parent === rootId).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const status = reportingStatus(cube, rootId);
  return {
    cube,
    root,
    units,
    months: [...cube.months],
    completeMonths: cube.completeMonths(rootId),
    latest: status.latestComplete,
    partial: status.partialAfter,
    periods: statsPeriods(cube.completeMonths(rootId)),
  };
}

/** The months up to the last one for which `placeId` has a complete total (trends do not end in a gap). */
function monthsThroughLatest(data: StatsData, placeId: string): string[] {
  const last = data.cube.completeMonths(placeId).at(-1);
  return last === undefined ? [] : data.months.filter((m) => m <= last);
}

/** The 口径 notes behind `placeId`'s figures in `months`, as the pages' 数据说明 list writes them ("" when none). */
function notesText(data: StatsData, placeId: string, months: readonly string[]): string {
  const names = new Map([data.root, ...data.units].map((p) => [p.id, p.name]));
  return months
    .flatMap((month) =>
      data.cube
        .notesWithin(placeId, month)
        .map((n) => `${formatMonthZh(month)} ${names.get(n.placeId) ?? n.placeId}：${n.note}`),
    )
    .join(' ');
}

/** A monthly trend, each month's row carrying the notes behind it. */
function trend(
  data: StatsData,
  place: StatsPlace,
  indicators: readonly Indicator[],
  months: readonly string[],
  title: string,
): ChartSpec {
  const spec = trendSpec(data.cube, place, indicators, months, title);
  return { ...spec, rowNotes: months.map((m) => notesText(data, place.id, [m])) };
}

/** The event categories of a place over a period: every row rests on the same records, so the same notes. */
function breakdownWithNotes(data: StatsData, place: StatsPlace, months: readonly string[], id: string, label: string) {
  const spec = breakdownSpec(data.cube, place, months, id, label);
  const text = notesText(data, place.id, months);
  return { ...spec, rowNotes: spec.categories.map(() => text) };
}

/** One indicator across the units, each place's row carrying its own notes for the period. */
function compare(data: StatsData, ind: Indicator, months: readonly string[], id: string, label: string): ChartSpec {
  const spec = compareSpec(data.cube, data.units, ind, months, id, label);
  const idByName = new Map(data.units.map((p) => [p.name, p.id]));
  return { ...spec, rowNotes: spec.categories.map((name) => notesText(data, idByName.get(name) ?? '', months)) };
}

/** The groups of indicators drawn together on overview and place pages. */
const KEY_TRENDS = [
  { indicators: ['demands.received', 'demands.resolved'], title: '群众说事与干部解题（件）' },
  { indicators: ['responseRate', 'resolutionRate', 'satisfactionRate'], title: '响应率、解题率与满意率（%）' },
] as const;

function keyTrends(data: StatsData, place: StatsPlace): ChartSpec[] {
  return KEY_TRENDS.map((group) =>
    trend(
      data,
      place,
      group.indicators.map(indicator),
      monthsThroughLatest(data, place.id),
      `${place.name}${group.title}`,
    ),
  );
}

/** The default period of every page that shows one (近12个月), so pages never disagree on "the period". */
function defaultPeriod(data: StatsData): StatsPeriod | undefined {
  return data.periods.find((p) => p.id === DEFAULT_PERIOD_ID);
}

function breakdown(data: StatsData, place: StatsPlace, period = defaultPeriod(data)): ChartSpec[] {
  return period === undefined ? [] : [breakdownWithNotes(data, place, period.months, period.id, period.label)];
}

/** The charts of /stats/period/<id>/: event categories and the places compared over the period. */
export function periodCharts(data: StatsData, period: StatsPeriod): ChartSpec[] {
  return [
    ...breakdown(data, data.root, period),
    compare(data, indicator('demands.received'), period.months, period.id, period.label),
    compare(data, indicator('resolutionRate'), period.months, period.id, period.label),
  ];
}

export function overviewCharts(data: StatsData): ChartSpec[] {
  if (data.latest === undefined) return [];
  return [
    ...keyTrends(data, data.root),
    ...breakdown(data, data.root),
    compare(data, indicator('resolutionRate'), [data.latest], data.latest, period(data.latest).label),
  ];
}

export function indicatorCharts(data: StatsData, ind: Indicator): ChartSpec[] {
  if (data.latest === undefined) return [];
  const period = defaultPeriod(data);
  return [
    trend(data, data.root, [ind], monthsThroughLatest(data, data.root.id), `${data.root.name}${titleWithUnit(ind)}`),
    ...(period === undefined ? [] : [compare(data, ind, period.months, period.id, period.label)]),
  ];
}

export function placeCharts(data: StatsData, place: StatsPlace): ChartSpec[] {
  if (data.latest === undefined) return [];
  return [...keyTrends(data, place), ...breakdown(data, place)];
}

export function monthCharts(data: StatsData, month: string): ChartSpec[] {
  const label = period(month).label;
  return [
    compare(data, indicator('demands.received'), [month], month, label),
    compare(data, indicator('resolutionRate'), [month], month, label),
  ];
}

/** Every chart of the site, each once (by id), in a stable order. */
export function allCharts(data: StatsData, indicators: readonly Indicator[]): ChartSpec[] {
  const specs = [
    ...overviewCharts(data),
    ...indicators.flatMap((ind) => indicatorCharts(data, ind)),
    ...[data.root, ...data.units].flatMap((p) => placeCharts(data, p)),
    ...data.months.flatMap((m) => monthCharts(data, m)),
    ...data.periods.flatMap((p) => periodCharts(data, p)),
  ];
  return [...new Map(specs.map((s) => [s.id, s])).values()];
}
