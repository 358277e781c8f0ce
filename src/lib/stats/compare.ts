/**
 * The place comparison table journalists sort: one row per village/community, one column per key indicator,
 * over the last twelve months with data. Sorting needs no JavaScript: every sort order is a static page
 * (/stats/compare/by-<indicator>/), and column headers link between them.
 */
import type { StatsCube } from './aggregate.ts';
import { indicator, indicatorValue, type Indicator } from './indicators.ts';

/** Columns, in display order. */
export const COMPARE_INDICATORS: readonly Indicator[] = [
  'demands.received',
  'demands.resolved',
  'resolutionRate',
  'satisfactionRate',
  'mediationRate',
  'hazardFixRate',
  'petitions',
  'policeIncidents',
].map(indicator);

export interface CompareRow {
  id: string;
  name: string;
  /** One value per COMPARE_INDICATORS column; null = no data or "—" rate. */
  values: (number | null)[];
}

export interface SortOrder {
  /** URL segment: by-place or by-<indicator slug>. */
  key: string;
  /** Column index sorted on, or -1 for place order. */
  column: number;
}

export const SORT_ORDERS: readonly SortOrder[] = [
  { key: 'by-place', column: -1 },
  ...COMPARE_INDICATORS.map((ind, column) => ({ key: `by-${ind.slug}`, column })),
];

export function compareRows(
  cube: StatsCube,
  places: readonly { id: string; name: string }[],
  months: readonly string[],
): CompareRow[] {
  return places.map((p) => {
    const counts = cube.period(p.id, months)?.counts;
    return {
      id: p.id,
      name: p.name,
      values: COMPARE_INDICATORS.map((ind) => (counts === undefined ? null : indicatorValue(ind, counts))),
    };
  });
}

/** Rows in a sort order: highest first, no data last, ties by place order (the input order). */
export function sortRows(rows: readonly CompareRow[], order: SortOrder): CompareRow[] {
  if (order.column < 0) return [...rows];
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((a, b) => {
    const va = a.row.values[order.column] ?? null;
    const vb = b.row.values[order.column] ?? null;
    if (va === null || vb === null) return va === vb ? a.index - b.index : va === null ? 1 : -1;
    return vb - va || a.index - b.index;
  });
  return indexed.map((e) => e.row);
}
