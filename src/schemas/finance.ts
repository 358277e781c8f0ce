/**
 * Village finance ledger for one village/community and one month: `content/finance/<place>-<YYYY-MM>.json`
 * (财务收支明细, the monthly 财务公开 of 村民委员会组织法 第三十条).
 *
 * Amounts are stored in 元 as JSON numbers with at most two decimals (12345.6 or 12345.60 both mean 12 345 元 6 角),
 * because that is how a clerk reads them off a voucher. Every sum and comparison is done in integer 分
 * (src/lib/finance/finance.ts `toFen`), never in floating-point 元, so 0.1 + 0.2 never fails to equal 0.3.
 *
 * Single-entry rules (positive amounts, two decimals, dates inside the month) live here; the rules that need the
 * other months or the whole ledger (balance, month-to-month chain, unique vouchers, file name) are in
 * src/lib/finance/finance.ts and run from src/lib/content/content-rules.ts, so validate, build and CMS share them.
 */
import { z } from 'astro/zod';
import { hasAtMostTwoDecimals } from '../lib/finance/finance.ts';
import { field, isoDate, isoMonth, slug } from './common.ts';
import { attachment } from './notice.ts';

/** Income accounts (收入类科目), after 村集体经济组织会计制度; order is the order shown in tables. */
export const INCOME_CATEGORIES = ['operating', 'contracting', 'investment', 'subsidy', 'otherIncome'] as const;
export const INCOME_CATEGORY_LABELS: Record<(typeof INCOME_CATEGORIES)[number], string> = {
  operating: '经营收入',
  contracting: '发包及上交收入',
  investment: '投资收益',
  subsidy: '补助收入',
  otherIncome: '其他收入',
};

/** Expense accounts (支出类科目). `relief` covers 低保、救助 and subsidies the village pays out on behalf of others. */
export const EXPENSE_CATEGORIES = ['operatingCost', 'management', 'publicWelfare', 'relief', 'otherExpense'] as const;
export const EXPENSE_CATEGORY_LABELS: Record<(typeof EXPENSE_CATEGORIES)[number], string> = {
  operatingCost: '经营支出',
  management: '管理费用',
  publicWelfare: '公益事业支出',
  relief: '救助及代发补助',
  otherExpense: '其他支出',
};

export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
export type FinanceCategory = IncomeCategory | ExpenseCategory;
export const FINANCE_CATEGORY_LABELS: Record<FinanceCategory, string> = {
  ...INCOME_CATEGORY_LABELS,
  ...EXPENSE_CATEGORY_LABELS,
};

const TWO_DECIMALS = {
  message: '金额最多两位小数（元、角、分）',
  params: { fix: '按凭证金额填写到分，如 1234.56' },
};

/** A positive amount in 元 with at most two decimals. */
const amount = z
  .number({ message: '金额应为数字（不要带“元”或千位分隔符）' })
  .refine((v) => v > 0, {
    message: '金额应大于 0',
    params: { fix: '金额只填正数：收入记在“收入明细”，支出记在“支出明细”，退回的款项记在另一侧' },
  })
  .refine(hasAtMostTwoDecimals, TWO_DECIMALS)
  .refine((v) => v <= 100_000_000, { message: '金额过大（超过 1 亿元），请检查是否多输了位数' });

/** A balance in 元 (may be 0, never negative: it is money on hand and in the bank). */
const balance = z
  .number({ message: '余额应为数字（不要带“元”或千位分隔符）' })
  .min(0, { message: '余额不能为负数' })
  .max(1_000_000_000, { message: '金额过大，请检查是否多输了位数' })
  .refine(hasAtMostTwoDecimals, TWO_DECIMALS);

function line<C extends readonly [string, ...string[]]>(categories: C, labels: Record<C[number], string>) {
  return z.strictObject({
    date: field(isoDate, { title: '日期', description: '记账日期，须在本月内' }),
    voucher: field(
      z
        .string()
        .min(1, { message: '缺少凭证号' })
        .max(20, { message: '凭证号不超过 20 个字' })
        // A plain character class (no \p{…}): Decap checks CMS patterns without the u flag.
        .regex(/^[\u3400-\u9fffA-Za-z0-9-]+$/, { message: '凭证号只用汉字、字母、数字和连字符，如 记-012' }),
      { title: '凭证号', description: '本月记账凭证编号，如 记-012；同月不能重复', example: '记-012' },
    ),
    summary: field(z.string().min(2, { message: '摘要至少 2 个字' }).max(60, { message: '摘要不超过 60 个字' }), {
      title: '摘要',
      description: '写清事由；低保、补助只写姓名和金额，不写身份证号、银行卡号',
    }),
    category: field(z.enum(categories), { title: '科目', optionLabels: labels }),
    amount: field(amount, { title: '金额', unit: '元', description: '单位：元，最多两位小数' }),
  });
}

const financeIncomeLine = line(INCOME_CATEGORIES, INCOME_CATEGORY_LABELS);
const financeExpenseLine = line(EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS);

export const financeSchema = z
  .strictObject({
    /** Village/community whose books these are. */
    place: field(slug, { title: '村/社区', description: '村/社区的编号' }),
    /** Month the ledger covers. */
    month: field(isoMonth, { title: '月份', description: '格式 YYYY-MM，如 2026-10' }),
    /** Balance at the start of the month: must equal last month's closing balance. */
    openingBalance: field(balance, { title: '期初余额', unit: '元', description: '应等于上月期末余额' }),
    income: field(z.array(financeIncomeLine).default([]), { title: '收入明细' }),
    expense: field(z.array(financeExpenseLine).default([]), { title: '支出明细' }),
    /** Balance at the end of the month: opening + income − expense, to the 分. */
    closingBalance: field(balance, {
      title: '期末余额',
      unit: '元',
      description: '期初余额 + 本月收入 − 本月支出',
    }),
    /** Scanned vouchers or the accountant's monthly statement (PDF under /uploads/). */
    attachments: field(z.array(attachment).default([]), { title: '凭证扫描件' }),
    /** Caveats, e.g. 本月起由镇农经站代理记账. */
    note: field(z.string().max(300).optional(), { title: '说明', widget: 'text' }),
  })
  .superRefine((ledger, ctx) => {
    const month = ledger.month;
    for (const side of ['income', 'expense'] as const) {
      ledger[side].forEach((entry, i) => {
        if (!entry.date.startsWith(`${month}-`)) {
          ctx.addIssue({
            code: 'custom',
            path: [side, i, 'date'],
            message: `日期 ${entry.date} 不在本月（${month}）`,
            params: { fix: `按记账日期填写 ${month} 内的日期；其他月份的收支记入那个月的台账` },
          });
        }
      });
    }
  });

export type Finance = z.infer<typeof financeSchema>;
export type FinanceLine = z.infer<typeof financeIncomeLine> | z.infer<typeof financeExpenseLine>;
