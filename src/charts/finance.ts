/**
 * Chart specs for a village's finance page: monthly income and expense (bars) and the closing balance (line),
 * in whole 元 rounded from integer 分. Pure: takes month rows (src/lib/finance/finance.ts `monthRow`).
 */
import { formatMonthZh } from '../lib/site/dates.ts';
import { formatFen, type MonthRow } from '../lib/finance/finance.ts';
import { shortMonthLabels } from '../lib/stats/periods.ts';
import type { ChartSpec } from './spec.ts';

const yuan = (fen: number) => Math.round(fen / 100);

export function financeCharts(placeId: string, placeName: string, rows: readonly MonthRow[]): ChartSpec[] {
  if (rows.length === 0) return [];
  const months = rows.map((r) => r.month);
  const range = `${formatMonthZh(months[0]!)}至${formatMonthZh(months.at(-1)!)}`;
  const categories = shortMonthLabels(months);
  const most = (pick: (r: MonthRow) => number) => rows.reduce((a, b) => (pick(b) > pick(a) ? b : a));
  const topIncome = most((r) => r.incomeFen);
  const topExpense = most((r) => r.expenseFen);
  const last = rows.at(-1)!;
  const lowest = rows.reduce((a, b) => (b.closingFen < a.closingFen ? b : a));
  return [
    {
      id: `finance-${placeId}-flows`,
      kind: 'bar',
      horizontal: false,
      title: '每月收入和支出（元）',
      categories,
      categoryHeader: '月份',
      series: [
        { label: '收入', values: rows.map((r) => yuan(r.incomeFen)) },
        { label: '支出', values: rows.map((r) => yuan(r.expenseFen)) },
      ],
      valueKind: 'count',
      unit: '元',
      summary: `${range}，${placeName}收入最多的是${formatMonthZh(topIncome.month)}（${formatFen(topIncome.incomeFen)} 元），支出最多的是${formatMonthZh(topExpense.month)}（${formatFen(topExpense.expenseFen)} 元）。`,
    },
    {
      id: `finance-${placeId}-balance`,
      kind: 'line',
      horizontal: false,
      title: '月末余额（元）',
      categories,
      categoryHeader: '月份',
      series: [{ label: '期末余额', values: rows.map((r) => yuan(r.closingFen)) }],
      valueKind: 'count',
      unit: '元',
      summary: `${range}，${placeName}月末余额最低为${formatMonthZh(lowest.month)}的 ${formatFen(lowest.closingFen)} 元；${formatMonthZh(last.month)}末为 ${formatFen(last.closingFen)} 元。`,
    },
  ];
}
