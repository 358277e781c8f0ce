/**
 * The finance files under /data/ and their Data Package resources. Kept apart from the statistics files
 * (src/data/open-data/files.ts), which only splices {@link financeResources} into its list.
 */
import { getPlaces } from '~/data/content.ts';
import { getLedgersByPlace } from '~/data/finance.ts';
import {
  FINANCE_BALANCE_FIELDS,
  FINANCE_LEDGER_FIELDS,
  financeBalancesCsv,
  financeLedgerCsv,
} from '~/lib/finance/finance-open-data.ts';
import { csvResource, jsonResource, type DataResource } from '~/lib/open-data/open-data.ts';
import {
  ASSET_FIELDS,
  CONTRACT_FIELDS,
  RESOURCE_FIELDS,
  assetsCsv,
  contractsCsv,
  resourcesCsv,
} from '~/lib/finance/register-open-data.ts';
import type { Register } from '~/schemas/register.ts';
import { TODAY } from '~/build-info.ts';
import { getRegistersByPlace } from '~/data/registers.ts';
import type { Finance } from '~/schemas/finance.ts';

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

// --- The 三资 registers (src/lib/finance/register-open-data.ts) -------------------------------------------------------

async function registers(): Promise<Register[]> {
  return [...(await getRegistersByPlace()).values()].map((r) => r.data);
}

export async function registerCsv(file: 'contracts.csv' | 'assets.csv' | 'resources.csv'): Promise<string> {
  const [list, placeNames] = await Promise.all([registers(), names()]);
  if (file === 'contracts.csv') return contractsCsv(list, placeNames, TODAY);
  if (file === 'assets.csv') return assetsCsv(list, placeNames);
  return resourcesCsv(list, placeNames);
}

/** The register resources of the data package (none when no village has a register). */
export async function registerResources(): Promise<DataResource[]> {
  if ((await registers()).length === 0) return [];
  return [
    csvResource(
      'contracts',
      'contracts.csv',
      '合同台账',
      '各村/社区集体的发包、出租、流转和工程合同，每份合同一行：对方、期限、金额，以及截至数据日期的已付、应付和逾期未付（单位：元）。',
      CONTRACT_FIELDS,
      ['place', 'id'],
    ),
    csvResource(
      'assets',
      'assets.csv',
      '集体资产台账',
      '各村/社区集体的房屋、设施、设备等资产，每项一行：类别、原值（元）、位置、状态、购建日期。',
      ASSET_FIELDS,
    ),
    csvResource(
      'resources',
      'resources.csv',
      '集体资源台账',
      '各村/社区集体的耕地、林地、水面等资源，每块一行：类型、面积（亩）、位置、现用途、承包或租赁合同编号。',
      RESOURCE_FIELDS,
    ),
  ];
}
