/**
 * The 三资 registers as open data: `contracts.csv`, `assets.csv` and `resources.csv`, one row per contract, asset
 * and resource, with Chinese `_label` columns beside coded values (docs/open-data.md) and the field titles and
 * descriptions of the schema (src/schemas/register.ts), so the CMS form and the data package say the same thing.
 * Amounts are numbers in 元 with two decimals, written from integer 分. Pure.
 */
import type { z } from 'astro/zod';
import { fieldMeta } from '../../schemas/common.ts';
import {
  ASSET_CATEGORY_LABELS,
  ASSET_STATUS_LABELS,
  RESOURCE_KIND_LABELS,
  assetSchema,
  contractSchema,
  resourceSchema,
  type Register,
} from '../../schemas/register.ts';
import { toCsv } from '../open-data/csv.ts';
import { toFen } from './finance.ts';
import { fenToDecimal } from './finance-open-data.ts';
import type { TableField } from '../open-data/open-data.ts';
import { contractStatus } from './registers.ts';

type Shape = Record<string, z.ZodType>;

/** A column described by a schema field: its Chinese title, description and unit. */
function fromSchema(shape: Shape, key: string, type: TableField['type'], name = key): TableField {
  const meta = fieldMeta(shape[key]!);
  const f: TableField = { name, type, title: meta?.title ?? key };
  if (meta?.description !== undefined) f.description = meta.description;
  if (meta?.unit !== undefined) f.unit = meta.unit;
  return f;
}

const labelField = (name: string, title: string, labels: Record<string, string>): TableField => ({
  name,
  type: 'string',
  title,
  description: Object.entries(labels)
    .map(([k, v]) => `${k} = ${v}`)
    .join('；'),
});

const codeField = (shape: Shape, key: string, labels: Record<string, string>): TableField => ({
  ...fromSchema(shape, key, 'string'),
  constraints: { enum: Object.keys(labels) },
});

const PLACE_FIELDS: TableField[] = [
  { name: 'place', type: 'string', title: '村/社区编号', constraints: { required: true } },
  { name: 'place_name', type: 'string', title: '村/社区' },
];

const contract = contractSchema.shape as unknown as Shape;
const asset = assetSchema.shape as unknown as Shape;
const resource = resourceSchema.shape as unknown as Shape;

export const CONTRACT_FIELDS: TableField[] = [
  ...PLACE_FIELDS,
  fromSchema(contract, 'id', 'string'),
  fromSchema(contract, 'counterparty', 'string'),
  fromSchema(contract, 'subject', 'string'),
  fromSchema(contract, 'start', 'date'),
  fromSchema(contract, 'end', 'date'),
  fromSchema(contract, 'amount', 'number'),
  { name: 'paid', type: 'number', title: '已付合计', unit: '元', description: '截至数据日期已付款项合计' },
  { name: 'due', type: 'number', title: '应付合计', unit: '元', description: '付款计划中到期日早于数据日期的各期合计' },
  {
    name: 'overdue',
    type: 'number',
    title: '逾期未付',
    unit: '元',
    description: '应付合计 − 已付合计，不足 0 记 0',
  },
  {
    ...fromSchema(contract, 'approvedBy', 'string', 'approved_by'),
    description: '批准本合同的事项或会议纪要编号；空 = 无决议',
  },
  { name: 'as_of', type: 'date', title: '数据日期', description: '网站生成的日期，已付、应付按这一天计算' },
];

export const ASSET_FIELDS: TableField[] = [
  ...PLACE_FIELDS,
  fromSchema(asset, 'name', 'string'),
  codeField(asset, 'category', ASSET_CATEGORY_LABELS),
  labelField('category_label', '资产类别（中文）', ASSET_CATEGORY_LABELS),
  fromSchema(asset, 'value', 'number'),
  fromSchema(asset, 'location', 'string'),
  codeField(asset, 'status', ASSET_STATUS_LABELS),
  labelField('status_label', '状态（中文）', ASSET_STATUS_LABELS),
  fromSchema(asset, 'acquired', 'date'),
];

export const RESOURCE_FIELDS: TableField[] = [
  ...PLACE_FIELDS,
  codeField(resource, 'kind', RESOURCE_KIND_LABELS),
  labelField('kind_label', '资源类型（中文）', RESOURCE_KIND_LABELS),
  fromSchema(resource, 'name', 'string'),
  fromSchema(resource, 'area', 'number'),
  fromSchema(resource, 'location', 'string'),
  fromSchema(resource, 'use', 'string'),
  fromSchema(resource, 'contract', 'string'),
];

const yuan = (value: number) => fenToDecimal(toFen(value) ?? 0);
const names = (registers: readonly Register[]) => [...registers].sort((a, b) => (a.place < b.place ? -1 : 1));

export function contractsCsv(registers: readonly Register[], placeNames: ReadonlyMap<string, string>, today: string) {
  const rows = names(registers).flatMap((r) =>
    r.contracts.map((c) => {
      const s = contractStatus(c, today);
      return [
        r.place,
        placeNames.get(r.place) ?? '',
        c.id,
        c.counterparty,
        c.subject,
        c.start,
        c.end,
        fenToDecimal(s.amountFen),
        fenToDecimal(s.paidFen),
        fenToDecimal(s.dueFen),
        fenToDecimal(s.overdueFen),
        c.approvedBy ?? '',
        today,
      ];
    }),
  );
  return toCsv(
    CONTRACT_FIELDS.map((f) => f.name),
    rows,
  );
}

export function assetsCsv(registers: readonly Register[], placeNames: ReadonlyMap<string, string>) {
  const rows = names(registers).flatMap((r) =>
    r.assets.map((a) => [
      r.place,
      placeNames.get(r.place) ?? '',
      a.name,
      a.category,
      ASSET_CATEGORY_LABELS[a.category],
      yuan(a.value),
      a.location,
      a.status,
      ASSET_STATUS_LABELS[a.status],
      a.acquired,
    ]),
  );
  return toCsv(
    ASSET_FIELDS.map((f) => f.name),
    rows,
  );
}

export function resourcesCsv(registers: readonly Register[], placeNames: ReadonlyMap<string, string>) {
  const rows = names(registers).flatMap((r) =>
    r.resources.map((x) => [
      r.place,
      placeNames.get(r.place) ?? '',
      x.kind,
      RESOURCE_KIND_LABELS[x.kind],
      x.name,
      String(x.area),
      x.location,
      x.use,
      x.contract ?? '',
    ]),
  );
  return toCsv(
    RESOURCE_FIELDS.map((f) => f.name),
    rows,
  );
}
