/**
 * The catalogue of statistics indicators: every count field of `statsSchema` (titles and units read from the
 * schema through schema-walk, never re-typed) plus the derived rates of rates.ts. Pages, charts, open data and
 * the importer all list indicators from here, so a field added to the schema appears everywhere at once.
 */
import { COUNT_FIELDS, countAt, type StatsCounts } from './model.ts';
import { RATES, rateOf, type RateId } from './rates.ts';

/** Fields of a stats record that identify or annotate it rather than count something. */
export const STATS_KEY_FIELDS = ['place', 'month'] as const;
export const STATS_NOTE_FIELD = 'note';

interface IndicatorBase {
  /** Dotted schema path for counts (demands.received), rate id for rates (resolutionRate). */
  id: string;
  /** URL segment: demands-received, resolution-rate. */
  slug: string;
  /** Chinese title, e.g. 群众说事（受理诉求） or 解题率（办结率）. */
  title: string;
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
  title: rate.title,
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
