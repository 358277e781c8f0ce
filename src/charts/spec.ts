/**
 * What a chart shows, independent of how it is drawn: categories on one axis, one or more series of values,
 * a title and a text summary. The same spec feeds the SVG renderer, the HTML data table and the chart's CSV,
 * so the three can never disagree. Specs are plain JSON: their hash is the render cache key.
 */
export interface ChartSeries {
  /** Legend label, e.g. 群众说事（受理诉求）. */
  label: string;
  /** One value per category; null = no data (a gap, shown as "—" in the table). Rates are fractions 0–1. */
  values: (number | null)[];
}

export interface ChartSpec {
  /** Unique and URL-safe: names the CSV file and prefixes ids inside the SVG. */
  id: string;
  kind: 'line' | 'bar';
  /** Bars run horizontally (long Chinese place names stay readable on a phone). */
  horizontal: boolean;
  /** Chart title (also the SVG's accessible name and the table caption). */
  title: string;
  /** Axis categories: months, places or event categories. */
  categories: string[];
  /**
   * Categories as written in the CSV and data table when the axis shortens them: every month with its year
   * (2024年12月, 2025年1月…), since a spreadsheet row must stand on its own. Defaults to `categories`.
   */
  fullCategories?: string[];
  /** Column header for the categories in the data table and CSV: 月份, 村/社区, 类别. */
  categoryHeader: string;
  series: ChartSeries[];
  /** `rate` values are fractions shown as percentages. */
  valueKind: 'count' | 'rate';
  /** Unit of the values: 件, 人, %. */
  unit: string;
  /** Text alternative: what the chart shows in one or two sentences. */
  summary: string;
  /**
   * The editors' 口径 notes behind each category's figures (same order as `categories`, "" where none), written
   * as a 数据说明 column of the CSV so a caveat travels with the downloaded number.
   */
  rowNotes?: string[];
}
