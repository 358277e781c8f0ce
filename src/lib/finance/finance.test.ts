import { describe, expect, it } from 'vitest';
import { financeCharts } from '../../charts/finance.ts';
import { financeSchema } from '../../schemas/finance.ts';
import {
  completeness,
  financeRuleErrors,
  formatFen,
  ledgerTotals,
  monthRow,
  toFen,
  type LedgerEntry,
} from './finance.ts';

const TODAY = '2026-11-24';

function ledger(month: string, opening: number, amounts: { income?: number[]; expense?: number[] }, closing: number) {
  const line = (amount: number, i: number) => ({
    date: `${month}-0${(i % 9) + 1}`,
    voucher: `记-${String(i + 1).padStart(3, '0')}`,
    summary: '测试收支',
    category: 'otherIncome',
    amount,
  });
  const income = (amounts.income ?? []).map(line);
  const expense = (amounts.expense ?? []).map((a, i) => line(a, i + income.length));
  const id = `east-${month}`;
  const entry: LedgerEntry = {
    id,
    file: `content/finance/${id}.json`,
    data: { place: 'east', month, openingBalance: opening, income, expense, closingBalance: closing },
  };
  return entry;
}

const messages = (ledgers: LedgerEntry[]) => financeRuleErrors(ledgers, TODAY).map((e) => `${e.field}: ${e.message}`);

describe('money in 分', () => {
  it('turns 元 with up to two decimals into exact integer 分', () => {
    expect(toFen(1234.56)).toBe(123456);
    expect(toFen(0.1)).toBe(10);
    expect(toFen(19.99)).toBe(1999);
    expect(toFen(1_000_000.01)).toBe(100000001);
    expect(toFen(1.005)).toBeUndefined();
    expect(toFen(Number.NaN)).toBeUndefined();
  });

  it('formats 分 with thousands separators and two decimals', () => {
    expect(formatFen(123456789)).toBe('1,234,567.89');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-1000)).toBe('-10.00');
  });

  it('adds amounts whose float sum is inexact (0.1 + 0.2) to the 分', () => {
    // In floating point 0.1 + 0.2 = 0.30000000000000004: a float comparison would refuse this balanced month.
    const month = ledger('2026-10', 0, { income: [0.1, 0.2] }, 0.3);
    expect(messages([month])).toEqual([]);
    const data = month.data as Parameters<typeof ledgerTotals>[0];
    expect(ledgerTotals(data).expectedClosingFen).toBe(30);
  });
});

describe('ledger rules', () => {
  it('accepts a balanced, continuous series', () => {
    expect(
      messages([
        ledger('2026-09', 1000, { income: [500.5], expense: [200.25] }, 1300.25),
        ledger('2026-10', 1300.25, {}, 1300.25),
      ]),
    ).toEqual([]);
  });

  it('refuses a month that does not balance, saying what the closing balance should be', () => {
    expect(messages([ledger('2026-10', 1000, { income: [500.5], expense: [200.25] }, 1300.35)])).toEqual([
      'closingBalance: 期初余额 1,000.00 元 + 收入合计 500.50 元 − 支出合计 200.25 元 = 1,300.25 元，与期末余额 1,300.35 元相差 0.10 元',
    ]);
  });

  it('refuses an opening balance that is not last month’s closing balance, and a skipped month', () => {
    expect(
      messages([ledger('2026-08', 10, {}, 10), ledger('2026-09', 10, {}, 10), ledger('2026-10', 11, {}, 11)]),
    ).toEqual(['openingBalance: 期初余额 11.00 元与上月（2026-09）期末余额 10.00 元不一致']);
    expect(messages([ledger('2026-07', 10, {}, 10), ledger('2026-09', 10, {}, 10)])).toEqual([
      'month: 缺少 2026-08 的台账：上一份是 2026-07（content/finance/east-2026-07.json）',
    ]);
  });

  it('refuses a voucher number used twice in one month, across income and expense', () => {
    const month = ledger('2026-10', 100, { income: [10], expense: [10] }, 100);
    const expense = month.data.expense!;
    expense[0]!.voucher = month.data.income![0]!.voucher;
    expect(messages([month])).toEqual(['expense.0.voucher: 凭证号“记-001”与收入明细第 1 笔重复']);
  });

  it('refuses a future month, a file named for another month and a second ledger for a month', () => {
    const future = ledger('2026-12', 0, {}, 0);
    const misnamed = { ...ledger('2026-10', 0, {}, 0), id: 'east-2026-11' };
    const copy = { ...ledger('2026-10', 0, {}, 0), file: 'content/finance/east-2026-10-copy.json' };
    expect(messages([future, misnamed, copy])).toEqual([
      'month: 2026-12 还没到（今天是 2026-11-24）',
      'month: 文件名“east-2026-11”与村/社区、月份不一致',
      'month: east 在 2026-10 已有一份台账（content/finance/east-2026-10.json）',
      'month: 缺少 2026-11 的台账：上一份是 2026-10（content/finance/east-2026-10.json）',
    ]);
  });

  it('checks only the chain for months known without their lines (the CMS context)', () => {
    const other: LedgerEntry = {
      id: 'east-2026-09',
      file: 'content/finance/east-2026-09.json',
      data: { place: 'east', month: '2026-09', openingBalance: 1, closingBalance: 5 },
    };
    expect(messages([other, ledger('2026-10', 6, {}, 6)])).toEqual([
      'openingBalance: 期初余额 6.00 元与上月（2026-09）期末余额 5.00 元不一致',
    ]);
  });
});

describe('the ledger schema', () => {
  const base = { place: 'east', month: '2026-10', openingBalance: 0, closingBalance: 0 };
  const line = { date: '2026-10-01', voucher: '记-001', summary: '测试收支', category: 'subsidy' };
  const issues = (data: unknown) =>
    financeSchema.safeParse(data).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('refuses amounts that are not positive or have more than two decimals, and foreign keys', () => {
    expect(issues({ ...base, income: [{ ...line, amount: 12.345 }] })).toEqual([
      'income.0.amount: 金额最多两位小数（元、角、分）',
    ]);
    expect(issues({ ...base, income: [{ ...line, amount: 0 }] })).toEqual(['income.0.amount: 金额应大于 0']);
    expect(issues({ ...base, openingBalance: -1 })).toEqual(['openingBalance: 余额不能为负数']);
    expect(issues({ ...base, bank: '6217001234567890' })).toHaveLength(1);
  });

  it('refuses an expense category on an income line', () => {
    expect(issues({ ...base, income: [{ ...line, category: 'relief', amount: 1 }] })).toHaveLength(1);
  });
});

describe('summaries', () => {
  it('counts missing months in the window from the first ledger on, and all of them without ledgers', () => {
    expect(completeness(['2026-08', '2026-10'], '2026-10', 24)).toEqual({
      latest: '2026-10',
      expected: ['2026-08', '2026-09', '2026-10'],
      missing: ['2026-09'],
    });
    expect(completeness([], '2026-10', 3)).toEqual({
      expected: ['2026-08', '2026-09', '2026-10'],
      missing: ['2026-08', '2026-09', '2026-10'],
    });
  });

  it('sums a month by category in 分', () => {
    const row = monthRow({
      place: 'east',
      month: '2026-10',
      openingBalance: 100,
      income: [
        { date: '2026-10-01', voucher: '1', summary: '租金', category: 'operating', amount: 0.1 },
        { date: '2026-10-02', voucher: '2', summary: '租金', category: 'operating', amount: 0.2 },
      ],
      expense: [{ date: '2026-10-03', voucher: '3', summary: '电费', category: 'publicWelfare', amount: 50.3 }],
      closingBalance: 50,
    });
    expect(row).toMatchObject({ openingFen: 10000, incomeFen: 30, expenseFen: 5030, closingFen: 5000 });
    expect([...row.incomeByCategory]).toEqual([['operating', 30]]);
  });
});

describe('finance chart specs', () => {
  it('charts income, expense and balance in whole 元 with a text summary', () => {
    const months = [
      ledger('2026-09', 100, { income: [50.4], expense: [20] }, 130.4),
      ledger('2026-10', 130.4, { income: [10], expense: [100.6] }, 39.8),
    ].map((l) => monthRow(l.data as Parameters<typeof monthRow>[0]));
    const [flows, balance] = financeCharts('east', '东村', months);
    expect(flows?.series).toEqual([
      { label: '收入', values: [50, 10] },
      { label: '支出', values: [20, 101] },
    ]);
    expect(balance?.summary).toBe(
      '2026年9月至2026年10月，东村月末余额最低为2026年10月的 39.80 元；2026年10月末为 39.80 元。',
    );
  });
});
