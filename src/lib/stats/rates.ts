/**
 * Derived rates. Each rate is defined once here (numerator, denominator, Chinese definition); the site, the
 * open data catalogue and the charts read these definitions. A zero denominator gives `null`, shown as "—":
 * never NaN, never a made-up 100%.
 */
import { gridEventsTotal, type StatsCounts } from './model.ts';

export interface RateDefinition {
  id: string;
  /** Chinese name, e.g. 解题率. */
  title: string;
  /** Chinese definition shown on the site and in the data catalogue. */
  definition: string;
  numerator: (s: StatsCounts) => number;
  denominator: (s: StatsCounts) => number;
}

export const RATES = [
  {
    id: 'responseRate',
    title: '响应率',
    definition: '已响应诉求 ÷ 受理诉求 × 100%',
    numerator: (s) => s.demands.responded,
    denominator: (s) => s.demands.received,
  },
  {
    id: 'resolutionRate',
    title: '解题率（办结率）',
    definition: '已办结诉求 ÷ 受理诉求 × 100%',
    numerator: (s) => s.demands.resolved,
    denominator: (s) => s.demands.received,
  },
  {
    id: 'satisfactionRate',
    title: '满意率',
    definition: '评价满意（含基本满意）的诉求 ÷ 参与评价的诉求 × 100%',
    numerator: (s) => s.demands.satisfied,
    denominator: (s) => s.demands.rated,
  },
  {
    id: 'mediationRate',
    title: '调解成功率',
    definition: '调解成功的矛盾纠纷 ÷ 受理的矛盾纠纷 × 100%',
    numerator: (s) => s.disputes.mediated,
    denominator: (s) => s.disputes.received,
  },
  {
    id: 'hazardFixRate',
    title: '隐患整改率',
    definition: '整改到位的隐患 ÷ 排查发现的隐患 × 100%',
    numerator: (s) => s.hazards.fixed,
    denominator: (s) => s.hazards.found,
  },
  {
    id: 'gridEventClosureRate',
    title: '网格事件办结率',
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
  const def = RATES.find((r) => r.id === id) as RateDefinition;
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
