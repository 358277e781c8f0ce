/**
 * Village finance ledgers: money arithmetic in integer 分 and the rules that span a ledger or several months.
 *
 * Amounts are stored in 元 with at most two decimals (src/schemas/finance.ts). Floating-point 元 cannot be added
 * exactly (0.1 + 0.2 !== 0.3), so every amount is turned into an integer number of 分 first and all sums and
 * comparisons happen on integers. Pure: no I/O, browser-safe (the CMS runs these rules through the content gate).
 */
import { addMonths, monthOf } from '../site/dates.ts';
import type { ContentError } from '../content/friendly-errors.ts';

/** An amount in 元 as integer 分, or undefined when it has more than two decimals (or is not finite). */
export function toFen(yuan: number): number | undefined {
  if (!Number.isFinite(yuan)) return undefined;
  const fen = Math.round(yuan * 100);
  // 1e-6 分 absorbs the binary representation error of a two-decimal number (1234.56 * 100 = 123455.99999999999).
  return Math.abs(yuan * 100 - fen) < 1e-6 ? fen : undefined;
}

export function hasAtMostTwoDecimals(yuan: number): boolean {
  return toFen(yuan) !== undefined;
}

/** 分 as 元 with two decimals and thousands separators: 1234567 → "12,345.67". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** An amount in 元 formatted like {@link formatFen}. */
export function formatYuan(yuan: number): string {
  return formatFen(toFen(yuan) ?? Math.round(yuan * 100));
}

/** 分 as a plain 元 number for open data and JSON (exact for two decimals). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

export interface LedgerLine {
  date: string;
  voucher: string;
  summary: string;
  category: string;
  amount: number;
}

/** What the rules read of a ledger. The CMS context has no lines for the other months: their checks are skipped. */
export interface LedgerData {
  place: string;
  month: string;
  openingBalance: number;
  closingBalance: number;
  income?: LedgerLine[];
  expense?: LedgerLine[];
}

export interface LedgerEntry {
  id: string;
  file: string;
  data: LedgerData;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export interface LedgerTotals {
  openingFen: number;
  incomeFen: number;
  expenseFen: number;
  /** Opening + income − expense. */
  expectedClosingFen: number;
  closingFen: number;
}

const sumFen = (lines: readonly LedgerLine[]) => lines.reduce((sum, l) => sum + (toFen(l.amount) ?? 0), 0);

export function ledgerTotals(data: LedgerData & { income: LedgerLine[]; expense: LedgerLine[] }): LedgerTotals {
  const openingFen = toFen(data.openingBalance) ?? 0;
  const incomeFen = sumFen(data.income);
  const expenseFen = sumFen(data.expense);
  return {
    openingFen,
    incomeFen,
    expenseFen,
    expectedClosingFen: openingFen + incomeFen - expenseFen,
    closingFen: toFen(data.closingBalance) ?? 0,
  };
}

/** Totals per category, in 分, for the lines given. */
function totalsByCategory(lines: readonly LedgerLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l.category, (totals.get(l.category) ?? 0) + (toFen(l.amount) ?? 0));
  return totals;
}

function error(entry: LedgerEntry, path: PropertyKey[], label: string, message: string, fix: string): ContentError {
  const e: ContentError = { file: entry.file, field: path.map(String).join('.'), label, message, fix };
  const line = entry.lineOf?.(path);
  if (line !== undefined) e.line = line;
  return e;
}

const SIDE_LABELS = { income: '收入明细', expense: '支出明细' } as const;

/**
 * Every rule that needs a whole ledger or the neighbouring months, for ledgers already valid against the schema,
 * as of `today` (YYYY-MM-DD). Place references are checked by content-rules.ts with the other collections.
 */
export function financeRuleErrors(ledgers: readonly LedgerEntry[], today: string): ContentError[] {
  const errors: ContentError[] = [];
  const thisMonth = monthOf(today);
  const byKey = new Map<string, LedgerEntry>();

  for (const ledger of ledgers) {
    const { place, month } = ledger.data;
    const key = `${place}-${month}`;
    if (ledger.id !== '' && ledger.id !== key) {
      errors.push(
        error(
          ledger,
          ['month'],
          '月份',
          `文件名“${ledger.id}”与村/社区、月份不一致`,
          `把文件改名为 ${key}.json，或改正文件中的村/社区和月份`,
        ),
      );
    }
    if (month > thisMonth) {
      errors.push(
        error(
          ledger,
          ['month'],
          '月份',
          `${month} 还没到（今天是 ${today}）`,
          '台账只能填报已经开始的月份：检查年份和月份',
        ),
      );
    }
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      errors.push(
        error(
          ledger,
          ['month'],
          '月份',
          `${place} 在 ${month} 已有一份台账（${earlier.file}）`,
          '每个村/社区每月只保留一份台账：把两份的收支合并到一份，删除另一份',
        ),
      );
    } else {
      byKey.set(key, ledger);
    }

    const { income, expense } = ledger.data;
    if (income === undefined || expense === undefined) continue;

    // Vouchers are numbered per month across income and expense: one number, one voucher.
    const vouchers = new Map<string, string>();
    for (const side of ['income', 'expense'] as const) {
      ledger.data[side]?.forEach((l, i) => {
        const where = `${SIDE_LABELS[side]}第 ${i + 1} 笔`;
        const first = vouchers.get(l.voucher);
        if (first !== undefined) {
          errors.push(
            error(
              ledger,
              [side, i, 'voucher'],
              `${SIDE_LABELS[side]} › 第 ${i + 1} 项 › 凭证号`,
              `凭证号“${l.voucher}”与${first}重复`,
              '核对凭证：同一个月每张凭证只有一个编号；一张凭证记多笔时改用 记-012-1、记-012-2',
            ),
          );
        } else {
          vouchers.set(l.voucher, where);
        }
      });
    }

    const t = ledgerTotals({ ...ledger.data, income, expense });
    if (t.expectedClosingFen !== t.closingFen) {
      const diff = t.closingFen - t.expectedClosingFen;
      errors.push(
        error(
          ledger,
          ['closingBalance'],
          '期末余额',
          `期初余额 ${formatFen(t.openingFen)} 元 + 收入合计 ${formatFen(t.incomeFen)} 元 − 支出合计 ${formatFen(t.expenseFen)} 元 = ${formatFen(t.expectedClosingFen)} 元，与期末余额 ${formatFen(t.closingFen)} 元相差 ${formatFen(diff)} 元`,
          `逐笔核对收支金额；如明细无误，期末余额应填 ${formatFen(t.expectedClosingFen)}`,
        ),
      );
    }
  }

  // Month-to-month chain: each month opens with the previous month's closing balance, and no month is skipped.
  const byPlace = new Map<string, LedgerEntry[]>();
  for (const ledger of byKey.values()) {
    const list = byPlace.get(ledger.data.place) ?? [];
    list.push(ledger);
    byPlace.set(ledger.data.place, list);
  }
  for (const list of byPlace.values()) {
    list.sort((a, b) => (a.data.month < b.data.month ? -1 : 1));
    for (let i = 1; i < list.length; i += 1) {
      const previous = list[i - 1]!;
      const current = list[i]!;
      const expected = addMonths(current.data.month, -1);
      if (previous.data.month !== expected) {
        errors.push(
          error(
            current,
            ['month'],
            '月份',
            `缺少 ${expected} 的台账：上一份是 ${previous.data.month}（${previous.file}）`,
            `补上 ${expected} 的台账（没有收支的月份也要有一份，收入、支出留空，期初、期末余额相同）`,
          ),
        );
        continue;
      }
      const closing = toFen(previous.data.closingBalance) ?? 0;
      const opening = toFen(current.data.openingBalance) ?? 0;
      if (closing !== opening) {
        errors.push(
          error(
            current,
            ['openingBalance'],
            '期初余额',
            `期初余额 ${formatFen(opening)} 元与上月（${previous.data.month}）期末余额 ${formatFen(closing)} 元不一致`,
            `期初余额应填 ${formatFen(closing)}；如上月期末余额有误，先改正 ${previous.file}`,
          ),
        );
      }
    }
  }
  return errors;
}

// --- Summaries for the finance pages and open data ----------------------------------------------------------

export interface FullLedger extends LedgerData {
  income: LedgerLine[];
  expense: LedgerLine[];
}

/** One month of one place, in 分: what the /finance/<place>/ table shows. */
export interface MonthRow {
  month: string;
  openingFen: number;
  incomeFen: number;
  expenseFen: number;
  closingFen: number;
  incomeByCategory: Map<string, number>;
  expenseByCategory: Map<string, number>;
}

export function monthRow(ledger: FullLedger): MonthRow {
  const t = ledgerTotals(ledger);
  return {
    month: ledger.month,
    openingFen: t.openingFen,
    incomeFen: t.incomeFen,
    expenseFen: t.expenseFen,
    closingFen: t.closingFen,
    incomeByCategory: totalsByCategory(ledger.income),
    expenseByCategory: totalsByCategory(ledger.expense),
  };
}

export interface Completeness {
  /** Latest month with a ledger, if any. */
  latest?: string;
  /** Months expected: `window` months ending with `lastClosedMonth`, from the first ledger on (or all). */
  expected: string[];
  /** Expected months that have no ledger, oldest first. */
  missing: string[];
}

/**
 * Which of the last `window` closed months (ending with `lastClosedMonth`) a place has ledgers for. Months before
 * the place's first ledger are not counted as missing once it has one (a village starts publishing some day);
 * a place with no ledger misses them all.
 */
export function completeness(months: readonly string[], lastClosedMonth: string, window = 24): Completeness {
  const have = new Set(months);
  const sorted = [...have].sort();
  const first = sorted[0];
  const expected: string[] = [];
  for (let i = window - 1; i >= 0; i -= 1) {
    const m = addMonths(lastClosedMonth, -i);
    if (first === undefined || m >= first) expected.push(m);
  }
  const result: Completeness = { expected, missing: expected.filter((m) => !have.has(m)) };
  const latest = sorted.at(-1);
  if (latest !== undefined) result.latest = latest;
  return result;
}
