/**
 * A chart's data as a table: the accessible HTML table under each chart and the chart's CSV download are both
 * made from the spec here, so they show exactly the numbers the chart draws.
 */
import { formatCount } from '../lib/stats/change.ts';
import { toCsv } from '../lib/open-data/csv.ts';
import { formatPercent } from '../lib/stats/rates.ts';
import type { ChartSpec } from './spec.ts';

export interface ChartTable {
  header: string[];
  rows: { category: string; cells: string[] }[];
}

function columnTitle(spec: ChartSpec, label: string): string {
  return `${label}（${spec.valueKind === 'rate' ? '%' : spec.unit}）`;
}

/** Display table: one row per category, one column per series, "—" for missing values. */
export function chartTable(spec: ChartSpec): ChartTable {
  return {
    header: [spec.categoryHeader, ...spec.series.map((s) => columnTitle(spec, s.label))],
    rows: (spec.fullCategories ?? spec.categories).map((category, i) => ({
      category,
      cells: spec.series.map((s) => {
        const value = s.values[i] ?? null;
        return spec.valueKind === 'rate' ? formatPercent(value) : formatCount(value);
      }),
    })),
  };
}

/**
 * CSV of the chart's data: plain numbers (rates as percentages with one decimal), empty cells for no data, and a
 * 数据说明 column with the 口径 notes behind each row when any row has one.
 */
export function chartCsv(spec: ChartSpec): string {
  const notes = spec.rowNotes !== undefined && spec.rowNotes.some((n) => n !== '') ? spec.rowNotes : undefined;
  return toCsv(
    [spec.categoryHeader, ...spec.series.map((s) => columnTitle(spec, s.label)), ...(notes ? ['数据说明'] : [])],
    (spec.fullCategories ?? spec.categories).map((category, i) => [
      category,
      ...spec.series.map((s) => {
        const value = s.values[i] ?? null;
        if (value === null) return '';
        return spec.valueKind === 'rate' ? formatPercent(value).replace('%', '') : value;
      }),
      ...(notes ? [notes[i] ?? ''] : []),
    ]),
  );
}
