/**
 * The finance files under /data/ and their Data Package resources. Kept apart from the statistics files
 * (src/components/stats/open-data-files.ts), which only splices {@link financeResources} into its list.
 */
import { getPlaces } from '../../data/content.ts';
import { getLedgersByPlace } from '../../data/finance.ts';
import {
  FINANCE_BALANCE_FIELDS,
  FINANCE_LEDGER_FIELDS,
  financeBalancesCsv,
  financeLedgerCsv,
} from '../../lib/finance-open-data.ts';
import { csvResource, jsonResource, type DataResource } from '../../lib/open-data.ts';
import type { Finance } from '../../schemas/finance.ts';

export async function financeLedgers(): Promise<Finance[]> {
  return [...(await getLedgersByPlace()).values()].flatMap((list) => list.map((l) => l.data));
}

async function names(): Promise<Map<string, string>> {
  return new Map((await getPlaces()).map((p) => [p.id, p.data.name]));
}

export async function ledgerCsv(): Promise<string> {
  return financeLedgerCsv(await financeLedgers(), await names());
}

export async function balancesCsv(): Promise<string> {
  return financeBalancesCsv(await financeLedgers(), await names());
}

/** The finance resources of the data package (none when no village has published a ledger). */
export async function financeResources(): Promise<DataResource[]> {
  if ((await financeLedgers()).length === 0) return [];
  return [
    csvResource(
      'finance-ledger',
      'finance-ledger.csv',
      '财务收支明细',
      '各村/社区每月财务公开的每一笔收入和支出。金额单位：元（两位小数）；收支方向见 direction。',
      FINANCE_LEDGER_FIELDS,
      ['place', 'month', 'voucher'],
    ),
    jsonResource(
      'finance-ledger-json',
      'finance-ledger.json',
      '财务收支明细（JSON）',
      '全部月度台账，字段同台账表单：期初余额、收入明细、支出明细、期末余额（单位：元）。',
    ),
    csvResource(
      'finance-balances',
      'finance-balances.csv',
      '财务月度余额',
      '每个村/社区每月一行：期初余额、本月收入、本月支出、期末余额（单位：元），已逐笔核对到分。',
      FINANCE_BALANCE_FIELDS,
      ['place', 'month'],
    ),
  ];
}
