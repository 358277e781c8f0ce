/**
 * The catalogue of statistics indicators: every count field of `statsSchema` (titles and units read from the
 * schema through schema-walk, never re-typed) plus the derived rates of rates.ts. Pages, charts, open data and
 * the importer all list indicators from here, so a field added to the schema appears everywhere at once.
 */
import { statsSchema } from '../../schemas/stats.ts';
import { RATES, rateOf, type RateId, type StatsCounts } from './rates.ts';
import { describe, type FieldInfo } from '../content/schema-walk.ts';

/** Fields of a stats record that identify or annotate it rather than count something. */
export const STATS_KEY_FIELDS = ['place', 'month'] as const;
export const STATS_NOTE_FIELD = 'note';

/**
 * Counts that describe a stock at the end of the month (how many grid workers there are), not a flow during it.
 * Over several months they are not added up: a quarter has as many grid workers as its last month.
 */
export const STOCK_FIELDS: readonly string[] = ['staff.gridWorkers', 'staff.volunteers'];

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
  /** True for end-of-month stocks (see STOCK_FIELDS). */
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

function countsOf(info: FieldInfo, path: string[], group: string): CountIndicator[] {
  if (info.kind === 'number') {
    const id = path.join('.');
    return [
      {
        kind: 'count',
        id,
        slug: kebab(id),
        title: info.meta.title ?? id,
        group,
        description: info.meta.description ?? '',
        unit: info.meta.unit ?? '',
        path,
        stock: STOCK_FIELDS.includes(id),
      },
    ];
  }
  if (info.kind === 'object') {
    // Optional groups (the closed-loop detail) are not in every record, so they are not indicators that every
    // month and place has: they have their own page (/stats/closed-loop/).
    if (path.length > 0 && !info.required) return [];
    const groupTitle = path.length === 0 ? '' : (info.meta.title ?? '');
    return Object.entries(info.fields ?? {}).flatMap(([key, child]) => countsOf(child, [...path, key], groupTitle));
  }
  return [];
}

/** Every count field of the stats schema, in schema order. */
export const COUNT_INDICATORS: readonly CountIndicator[] = countsOf(describe(statsSchema), [], '');

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
  let value: unknown = counts;
  for (const key of ind.path) value = (value as Record<string, unknown>)[key];
  if (typeof value !== 'number') throw new Error(`stats field ${ind.id} is not a number`);
  return value;
}

/** Value of any indicator: a count, or a rate as a fraction (null when its denominator is 0). */
export function indicatorValue(ind: Indicator, counts: StatsCounts): number | null {
  return ind.kind === 'count' ? countValue(ind, counts) : rateOf(ind.id, counts);
}

/** Title with unit, for axis and column labels: 群众说事（受理诉求）（件）, 满意率（%）. */
export function titleWithUnit(ind: Indicator): string {
  return ind.unit === '' ? ind.title : `${ind.title}（${ind.unit}）`;
}
