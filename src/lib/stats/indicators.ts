/**
 * The catalogue of statistics indicators: every count field of `statsSchema` (titles and units read from the
 * schema through model.ts, never re-typed) plus the derived rates of rates.ts. Pages, charts, open data and the
 * CMS preview list indicators from here, so a field added to the schema appears everywhere at once.
 *
 * This is also the one place for the indicators' names that the schema does not give: the rates' titles, the
 * shorter names the home page's key figures use (解题率 beside 解题率（办结率）), and the list of key figures.
 */
import { GRID_EVENT_CATEGORIES } from '../../schemas/stats.ts';
import { COUNT_FIELDS, countAt, gridEventsTotal, type StatsCounts } from './model.ts';
import { RATES, rateOf, type RateId } from './rates.ts';

/** The rates' names (their formulas and definitions are in rates.ts). */
const RATE_TITLES: Record<RateId, string> = {
  responseRate: '响应率',
  resolutionRate: '解题率（办结率）',
  satisfactionRate: '满意率',
  mediationRate: '调解成功率',
  hazardFixRate: '隐患整改率',
  gridEventClosureRate: '网格事件办结率',
};

/**
 * Names the home page's key figures show where they differ from the indicator's title: 解题率 is 解题率（办结率）
 * on the statistics pages, 矛盾纠纷受理 is the schema's 受理矛盾纠纷. Every other indicator's short title is its title.
 */
const SHORT_TITLES: Readonly<Record<string, string>> = {
  'disputes.received': '矛盾纠纷受理',
  resolutionRate: '解题率',
};

interface IndicatorBase {
  /** Dotted schema path for counts (demands.received), rate id for rates (resolutionRate). */
  id: string;
  /** URL segment: demands-received, resolution-rate. */
  slug: string;
  /** Chinese title, e.g. 群众说事（受理诉求） or 解题率（办结率）. */
  title: string;
  /** Name in the home page's key figures, e.g. 解题率; the title where no shorter name is set. */
  shortTitle: string;
  /** Title of the group the count sits in (群众诉求), empty for top-level counts and rates. */
  group: string;
  /** Hint from the schema or the rate definition. */
  description: string;
}

export interface CountIndicator extends IndicatorBase {
  kind: 'count';
  /** Unit from the schema: 件, 人, 场… */
  unit: string;
  /** Path into a stats record, e.g. ['demands', 'received']. */
  path: readonly string[];
  /** True for end-of-month stocks (see STOCK_FIELDS in model.ts). */
  stock: boolean;
}

export interface RateIndicator extends IndicatorBase {
  kind: 'rate';
  id: RateId;
  unit: '%';
  /** Chinese formula, e.g. 已办结诉求 ÷ 受理诉求 × 100%. */
  definition: string;
}

export type Indicator = CountIndicator | RateIndicator;

function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/\./g, '-')
    .toLowerCase();
}

/** Every count field of the stats schema (model.ts), in schema order. */
export const COUNT_INDICATORS: readonly CountIndicator[] = COUNT_FIELDS.map((field) => ({
  kind: 'count',
  id: field.id,
  slug: kebab(field.id),
  title: field.title,
  shortTitle: SHORT_TITLES[field.id] ?? field.title,
  group: field.group,
  description: field.description,
  unit: field.unit,
  path: field.path,
  stock: field.stock,
}));

/** Every derived rate, in the order of rates.ts. */
export const RATE_INDICATORS: readonly RateIndicator[] = RATES.map((rate) => ({
  kind: 'rate',
  id: rate.id,
  slug: kebab(rate.id),
  title: RATE_TITLES[rate.id],
  shortTitle: SHORT_TITLES[rate.id] ?? RATE_TITLES[rate.id],
  group: '',
  description: rate.definition,
  unit: '%',
  definition: rate.definition,
}));

export const INDICATORS: readonly Indicator[] = [...COUNT_INDICATORS, ...RATE_INDICATORS];

/** Look up an indicator by id or slug; throws with the list of known ids so a typo is obvious. */
export function indicator(idOrSlug: string): Indicator {
  const found = INDICATORS.find((i) => i.id === idOrSlug || i.slug === idOrSlug);
  if (found === undefined) {
    throw new Error(`unknown indicator "${idOrSlug}"; known: ${INDICATORS.map((i) => i.id).join(', ')}`);
  }
  return found;
}

/** The number a count indicator reads from a record (or a sum of records). */
export function countValue(ind: CountIndicator, counts: StatsCounts): number {
  return countAt(counts, ind.path);
}

/** Value of any indicator: a count, or a rate as a fraction (null when its denominator is 0). */
export function indicatorValue(ind: Indicator, counts: StatsCounts): number | null {
  return ind.kind === 'count' ? countValue(ind, counts) : rateOf(ind.id, counts);
}

/** Title with unit, for axis and column labels: 群众说事（受理诉求）（件）, 满意率（%）. */
export function titleWithUnit(ind: Indicator): string {
  return ind.unit === '' ? ind.title : `${ind.title}（${ind.unit}）`;
}

/** One of the home page's key figures: an indicator, or the total of all grid events. */
export interface KeyFigureDefinition {
  /** Indicator id (demands.received, resolutionRate), or gridEvents for the total of grid events. */
  id: string;
  kind: 'count' | 'rate';
  label: string;
  /** 件 for counts; % for rates. */
  unit: string;
  value: (counts: StatsCounts) => number | null;
}

function keyFigureOf(ind: Indicator): KeyFigureDefinition {
  return {
    id: ind.id,
    kind: ind.kind,
    label: ind.shortTitle,
    unit: ind.unit,
    value: (counts) => indicatorValue(ind, counts),
  };
}

// All grid event categories share their group's title (网格事件) and unit (件).
const gridEventCategory = indicator(`gridEvents.${GRID_EVENT_CATEGORIES[0]}`);

/** The home page's key figures, in display order. */
export const KEY_FIGURES: readonly KeyFigureDefinition[] = [
  keyFigureOf(indicator('demands.received')),
  keyFigureOf(indicator('demands.resolved')),
  {
    id: 'gridEvents',
    kind: 'count',
    label: gridEventCategory.group,
    unit: gridEventCategory.unit,
    value: gridEventsTotal,
  },
  keyFigureOf(indicator('disputes.received')),
  keyFigureOf(indicator('resolutionRate')),
  keyFigureOf(indicator('satisfactionRate')),
];
