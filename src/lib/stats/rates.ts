/**
 * Derived rates. Each rate is defined once here (numerator, denominator, Chinese definition); its names are in
 * indicators.ts with every other indicator name. The site, the open data catalogue, the charts and the CMS
 * preview read these definitions through the indicator catalogue. A zero denominator gives `null`, shown as "—":
 * never NaN, never a made-up 100%.
 */
import { gridEventsTotal, type StatsCounts } from './model.ts';

export interface RateDefinition {
  id: string;
  /** Chinese definition shown on the site and in the data catalogue. */
  definition: string;
  numerator: (s: StatsCounts) => number;
  denominator: (s: StatsCounts) => number;
}

export const RATES = [
  {
    id: 'responseRate',
    definition: '已响应诉求 ÷ 受理诉求 × 100%',
    numerator: (s) => s.demands.responded,
    denominator: (s) => s.demands.received,
  },
  {
    id: 'resolutionRate',
    definition: '已办结诉求 ÷ 受理诉求 × 100%',
    numerator: (s) => s.demands.resolved,
    denominator: (s) => s.demands.received,
  },
  {
    id: 'satisfactionRate',
    definition: '评价满意（含基本满意）的诉求 ÷ 参与评价的诉求 × 100%',
    numerator: (s) => s.demands.satisfied,
    denominator: (s) => s.demands.rated,
  },
  {
    id: 'mediationRate',
    definition: '调解成功的矛盾纠纷 ÷ 受理的矛盾纠纷 × 100%',
    numerator: (s) => s.disputes.mediated,
    denominator: (s) => s.disputes.received,
  },
  {
    id: 'hazardFixRate',
    definition: '整改到位的隐患 ÷ 排查发现的隐患 × 100%',
    numerator: (s) => s.hazards.fixed,
    denominator: (s) => s.hazards.found,
  },
  {
    id: 'gridEventClosureRate',
    definition: '已办结网格事件 ÷ 上报网格事件总数 × 100%',
    numerator: (s) => s.gridEvents.closed,
    denominator: gridEventsTotal,
  },
] as const satisfies readonly RateDefinition[];

export type RateId = (typeof RATES)[number]['id'];

/** numerator ÷ denominator, or null when the denominator is 0 (or either is missing). */
export function ratio(numerator: number | undefined, denominator: number | undefined): number | null {
  if (numerator === undefined || denominator === undefined || denominator === 0) return null;
  return numerator / denominator;
}

/** The value of a named rate for a record (or a sum of records). */
export function rateOf(id: RateId, counts: StatsCounts): number | null {
  const def: RateDefinition | undefined = RATES.find((r) => r.id === id);
  if (def === undefined) throw new Error(`unknown rate "${id}"`);
  return ratio(def.numerator(counts), def.denominator(counts));
}

/**
 * Percentage for display with one decimal, rounded half up on the exact fraction (155055/158835 → "97.6%").
 * `null` → "—". A rate below 1 never prints as 100%: "all resolved" must only appear when it is true.
 */
export function formatPercent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const factor = 10 ** digits;
  let rounded = Math.round(value * 100 * factor + 1e-9) / factor;
  if (value < 1 && rounded >= 100) rounded = 100 - 1 / factor;
  return `${rounded.toFixed(digits)}%`;
}
