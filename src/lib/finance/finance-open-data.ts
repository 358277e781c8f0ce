/**
 * Finance ledgers as open data: `finance-ledger.csv` (one row per income or expense line) and
 * `finance-balances.csv` (one row per place and month), with Frictionless field descriptions in Chinese.
 * Amounts are written as plain decimal numbers in 元 with two decimals, formatted from integer 分 so no
 * floating-point digits (0.30000000000000004) can appear. Pure.
 */
import { FINANCE_CATEGORY_LABELS, type FinanceCategory } from '../../schemas/finance.ts';
import { toCsv } from '../open-data/csv.ts';
import { ledgerTotals, toFen, type FullLedger } from './finance.ts';
import type { TableField } from '../open-data/open-data.ts';

/** 分 → "1234.50" (a Frictionless `number`, no thousands separator). */
export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const PLACE_FIELDS: TableField[] = [
  { name: 'place', type: 'string', title: '村/社区编号', constraints: { required: true } },
  { name: 'placeName', type: 'string', title: '村/社区' },
  { name: 'month', type: 'yearmonth', title: '月份', constraints: { required: true } },
];

export const FINANCE_LEDGER_FIELDS: TableField[] = [
  ...PLACE_FIELDS,
  {
    name: 'direction',
    type: 'string',
    title: '收支',
    description: 'income = 收入，expense = 支出',
    constraints: { required: true, enum: ['income', 'expense'] },
  },
  { name: 'date', type: 'date', title: '日期', description: '记账日期' },
  { name: 'voucher', type: 'string', title: '凭证号', description: '同一村/社区同一月份内唯一' },
  { name: 'summary', type: 'string', title: '摘要' },
  {
    name: 'category',
    type: 'string',
    title: '科目编号',
    constraints: { enum: Object.keys(FINANCE_CATEGORY_LABELS) },
  },
  {
    name: 'categoryLabel',
    type: 'string',
    title: '科目',
    description: Object.entries(FINANCE_CATEGORY_LABELS)
      .map(([k, v]) => `${k} = ${v}`)
      .join('；'),
  },
  { name: 'amount', type: 'number', title: '金额', unit: '元', description: '正数，两位小数；收支方向见“收支”' },
];

export const FINANCE_BALANCE_FIELDS: TableField[] = [
  ...PLACE_FIELDS,
  { name: 'openingBalance', type: 'number', title: '期初余额', unit: '元', description: '等于上月期末余额' },
  { name: 'income', type: 'number', title: '本月收入', unit: '元' },
  { name: 'expense', type: 'number', title: '本月支出', unit: '元' },
  {
    name: 'closingBalance',
    type: 'number',
    title: '期末余额',
    unit: '元',
    description: '期初余额 + 本月收入 − 本月支出（已逐笔核对到分）',
  },
];

/** Ledgers ordered by place then month. */
function ordered(ledgers: readonly FullLedger[]): FullLedger[] {
  return [...ledgers].sort((a, b) =>
    a.place !== b.place ? (a.place < b.place ? -1 : 1) : a.month < b.month ? -1 : a.month > b.month ? 1 : 0,
  );
}

export function financeLedgerCsv(ledgers: readonly FullLedger[], placeNames: ReadonlyMap<string, string>): string {
  const rows = ordered(ledgers).flatMap((l) =>
    (['income', 'expense'] as const).flatMap((direction) =>
      l[direction].map((line) => [
        l.place,
        placeNames.get(l.place) ?? '',
        l.month,
        direction,
        line.date,
        line.voucher,
        line.summary,
        line.category,
        FINANCE_CATEGORY_LABELS[line.category as FinanceCategory] ?? '',
        fenToDecimal(toFen(line.amount) ?? 0),
      ]),
    ),
  );
  return toCsv(
    FINANCE_LEDGER_FIELDS.map((f) => f.name),
    rows,
  );
}

export function financeBalancesCsv(ledgers: readonly FullLedger[], placeNames: ReadonlyMap<string, string>): string {
  const rows = ordered(ledgers).map((l) => {
    const t = ledgerTotals(l);
    return [
      l.place,
      placeNames.get(l.place) ?? '',
      l.month,
      fenToDecimal(t.openingFen),
      fenToDecimal(t.incomeFen),
      fenToDecimal(t.expenseFen),
      fenToDecimal(t.closingFen),
    ];
  });
  return toCsv(
    FINANCE_BALANCE_FIELDS.map((f) => f.name),
    rows,
  );
}
