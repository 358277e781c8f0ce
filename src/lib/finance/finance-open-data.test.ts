import { describe, expect, it } from 'vitest';
import { parseCsv } from '../open-data/csv.ts';
import { fenToDecimal, financeBalancesCsv, financeLedgerCsv, FINANCE_LEDGER_FIELDS } from './finance-open-data.ts';
import type { FullLedger } from './finance.ts';

const ledger: FullLedger = {
  place: 'east',
  month: '2026-10',
  openingBalance: 100,
  income: [
    { date: '2026-10-01', voucher: '记-001', summary: '租金', category: 'operating', amount: 0.1 },
    { date: '2026-10-02', voucher: '记-002', summary: '租金', category: 'operating', amount: 0.2 },
  ],
  expense: [{ date: '2026-10-03', voucher: '记-003', summary: '代发低保金（王某）', category: 'relief', amount: 50 }],
  closingBalance: 50.3,
};
const names = new Map([['east', '东村']]);

describe('finance open data', () => {
  it('writes amounts as exact two-decimal numbers from 分', () => {
    expect(fenToDecimal(30)).toBe('0.30');
    expect(fenToDecimal(123456)).toBe('1234.56');
    expect(fenToDecimal(-5)).toBe('-0.05');
  });

  it('writes one row per line, with the direction and the Chinese account label', () => {
    const rows = parseCsv(financeLedgerCsv([ledger], names)).map((r) => r.cells);
    expect(rows[0]).toEqual(FINANCE_LEDGER_FIELDS.map((f) => f.name));
    expect(rows.slice(1)).toEqual([
      ['east', '东村', '2026-10', 'income', '2026-10-01', '记-001', '租金', 'operating', '经营收入', '0.10'],
      ['east', '东村', '2026-10', 'income', '2026-10-02', '记-002', '租金', 'operating', '经营收入', '0.20'],
      [
        'east',
        '东村',
        '2026-10',
        'expense',
        '2026-10-03',
        '记-003',
        '代发低保金（王某）',
        'relief',
        '救助及代发补助',
        '50.00',
      ],
    ]);
  });

  it('writes one row per month with the balances summed in 分', () => {
    const rows = parseCsv(financeBalancesCsv([ledger], names)).map((r) => r.cells);
    expect(rows[1]).toEqual(['east', '东村', '2026-10', '100.00', '0.30', '50.00', '50.30']);
  });
});
