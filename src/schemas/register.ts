/**
 * The 三资 registers of one village or community: `content/registers/<place>.json` (资产、资源、合同台账).
 *
 * Amounts are in 元 with at most two decimals, like the finance ledgers (src/schemas/finance.ts); every sum and
 * comparison is made in integer 分 (src/lib/finance/finance.ts `toFen`). Rules inside the file (contract dates, payments
 * against the amount, unique contract ids, a resource's contract) live here; the references to matters and
 * meetings and the warnings (expiring, overdue, no 决议) are in src/lib/finance/registers.ts, run from content-rules.ts,
 * so validate, build and CMS share them.
 */
import { z } from 'astro/zod';
import { formatFen, hasAtMostTwoDecimals, toFen } from '../lib/finance/finance.ts';
import { field, isoDate, slug } from './common.ts';

/** Asset categories (资产类别), after 村集体经济组织会计制度 固定资产 classes; order is the order shown. */
export const ASSET_CATEGORIES = ['building', 'infrastructure', 'equipment', 'vehicle', 'furniture', 'other'] as const;
export const ASSET_CATEGORY_LABELS: Record<(typeof ASSET_CATEGORIES)[number], string> = {
  building: '房屋及建筑物',
  infrastructure: '基础设施',
  equipment: '机器设备',
  vehicle: '运输工具',
  furniture: '办公家具及用品',
  other: '其他资产',
};

const ASSET_STATUSES = ['inUse', 'idle', 'leased', 'scrapped'] as const;
export const ASSET_STATUS_LABELS: Record<(typeof ASSET_STATUSES)[number], string> = {
  inUse: '在用',
  idle: '闲置',
  leased: '出租',
  scrapped: '报废',
};

/** Resource kinds (资源性资产). */
export const RESOURCE_KINDS = ['farmland', 'forest', 'water', 'pond', 'construction', 'other'] as const;
export const RESOURCE_KIND_LABELS: Record<(typeof RESOURCE_KINDS)[number], string> = {
  farmland: '耕地',
  forest: '林地',
  water: '水面',
  pond: '山塘',
  construction: '建设用地',
  other: '其他',
};

export type AssetCategory = (typeof ASSET_CATEGORIES)[number];
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const TWO_DECIMALS = {
  message: '金额最多两位小数（元、角、分）',
  params: { fix: '按合同或凭证金额填写到分，如 1234.56' },
};

/** A positive amount in 元 with at most two decimals. */
const amount = z
  .number({ message: '金额应为数字（不要带“元”或千位分隔符）' })
  .refine((v) => v > 0, { message: '金额应大于 0', params: { fix: '金额只填正数，单位：元' } })
  .refine(hasAtMostTwoDecimals, TWO_DECIMALS)
  .refine((v) => v <= 1_000_000_000, { message: '金额过大（超过 10 亿元），请检查是否多输了位数' });

const text = (min: number, max: number, what: string) =>
  z
    .string()
    .min(min, { message: `${what}至少 ${min} 个字` })
    .max(max, { message: `${what}不超过 ${max} 个字` });

/** A contract id: letters, digits, Chinese characters and hyphens, e.g. 柳湾-2026-001. */
const contractId = z
  .string()
  .min(1, { message: '缺少合同编号' })
  .max(30, { message: '合同编号不超过 30 个字' })
  // A plain character class (no \p{…}): Decap checks CMS patterns without the u flag.
  .regex(/^[\u3400-\u9fffA-Za-z0-9-]+$/, { message: '合同编号只用汉字、字母、数字和连字符，如 LW-2026-001' });

export const assetSchema = z.strictObject({
  name: field(text(2, 40, '名称'), { title: '资产名称', description: '如 村委会办公楼、文化礼堂、路灯（120 盏）' }),
  category: field(z.enum(ASSET_CATEGORIES), { title: '资产类别', optionLabels: ASSET_CATEGORY_LABELS }),
  value: field(amount, { title: '原值', unit: '元', description: '账面原值，单位：元，最多两位小数' }),
  location: field(text(2, 60, '位置'), { title: '位置', description: '如 村委会院内、一组至五组主干道' }),
  status: field(z.enum(ASSET_STATUSES), { title: '状态', optionLabels: ASSET_STATUS_LABELS }),
  acquired: field(isoDate, { title: '购建日期', description: '购置或建成的日期，格式 YYYY-MM-DD' }),
});

export const resourceSchema = z.strictObject({
  kind: field(z.enum(RESOURCE_KINDS), { title: '资源类型', optionLabels: RESOURCE_KIND_LABELS }),
  name: field(text(2, 40, '名称'), { title: '资源名称', description: '如 北片耕地、后山林地、东塘' }),
  area: field(
    z
      .number({ message: '面积应为数字' })
      .refine((v) => v > 0, { message: '面积应大于 0' })
      .refine(hasAtMostTwoDecimals, { message: '面积最多两位小数' }),
    { title: '面积', unit: '亩', description: '单位：亩，最多两位小数' },
  ),
  location: field(text(2, 60, '位置'), { title: '位置', description: '四至或小地名，如 村北、柳河以东' }),
  use: field(text(2, 60, '用途'), { title: '现用途', description: '如 流转种植水稻、集体自营、未利用' }),
  contract: field(contractId.optional(), {
    title: '承包/租赁合同',
    description: '已发包或出租的，填本台账中合同的编号',
  }),
});

const instalmentSchema = z.strictObject({
  due: field(isoDate, { title: '应付日期' }),
  amount: field(amount, { title: '应付金额', unit: '元' }),
});

const paymentSchema = z.strictObject({
  date: field(isoDate, { title: '收款日期' }),
  amount: field(amount, { title: '金额', unit: '元' }),
  voucher: field(text(1, 20, '凭证号').optional(), {
    title: '凭证号',
    description: '财务收支台账中的记账凭证号，如 记-012',
  }),
});

export const contractSchema = z.strictObject({
  id: field(contractId, { title: '合同编号', description: '本村/社区内唯一，如 LW-2026-001', example: 'LW-2026-001' }),
  counterparty: field(text(2, 60, '对方').regex(/^[^\d]+$/, { message: '对方名称中不能有数字' }), {
    title: '合同对方',
    description: '单位全称或个人姓名；不写身份证号、银行卡号、电话',
    fix: '只写单位全称或个人姓名，不写身份证号、银行卡号、电话',
  }),
  subject: field(text(2, 80, '标的'), { title: '合同标的', description: '如 北片耕地 812 亩土地经营权流转' }),
  start: field(isoDate, { title: '起始日期' }),
  end: field(isoDate, { title: '终止日期' }),
  amount: field(amount, { title: '合同总金额', unit: '元', description: '合同期内应收（或应付）总额，单位：元' }),
  plan: field(z.array(instalmentSchema).default([]), { title: '付款计划' }),
  payments: field(z.array(paymentSchema).default([]), { title: '已付款项' }),
  approvedBy: field(slug.optional(), {
    title: '决议',
    description: '批准本合同的事项编号或会议纪要文件名（同一村/社区）',
  }),
});

export const registerSchema = z
  .strictObject({
    place: field(slug, { title: '村/社区', description: '村/社区的编号，与文件名相同' }),
    assets: field(z.array(assetSchema).default([]), { title: '资产' }),
    resources: field(z.array(resourceSchema).default([]), { title: '资源' }),
    contracts: field(z.array(contractSchema).default([]), { title: '合同' }),
    note: field(z.string().max(300).optional(), { title: '说明', widget: 'text' }),
  })
  .superRefine((register, ctx) => {
    const ids = new Map<string, number>();
    register.contracts.forEach((c, i) => {
      const first = ids.get(c.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['contracts', i, 'id'],
          message: `合同编号“${c.id}”与第 ${first + 1} 份合同重复`,
          params: { fix: '每份合同一个编号：改正其中一份的编号，或删除重复录入的合同' },
        });
      } else {
        ids.set(c.id, i);
      }
      if (c.end < c.start) {
        ctx.addIssue({
          code: 'custom',
          path: ['contracts', i, 'end'],
          message: `终止日期 ${c.end} 早于起始日期 ${c.start}`,
          params: { fix: '按合同文本核对起止日期' },
        });
      }
      const paid = c.payments.reduce((sum, p) => sum + (toFen(p.amount) ?? 0), 0);
      // An amount with too many decimals is reported on its own field: no comparison with it.
      const total = toFen(c.amount);
      if (total !== undefined && paid > total) {
        ctx.addIssue({
          code: 'custom',
          path: ['contracts', i, 'payments'],
          message: `已付款项合计 ${formatFen(paid)} 元，超过合同总金额 ${formatFen(total)} 元`,
          params: { fix: '逐笔核对已付款项；合同变更增加金额的，先改正合同总金额' },
        });
      }
    });
    register.resources.forEach((r, i) => {
      if (r.contract !== undefined && !ids.has(r.contract)) {
        const known = [...ids.keys()];
        ctx.addIssue({
          code: 'custom',
          path: ['resources', i, 'contract'],
          message: `找不到合同“${r.contract}”`,
          params: {
            fix:
              known.length === 0
                ? '先在“合同”中录入这份合同，或清空此项'
                : `填写本台账中合同的编号：${known.join('、')}`,
          },
        });
      }
    });
  });

export type Register = z.infer<typeof registerSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type Asset = z.infer<typeof assetSchema>;
export type Resource = z.infer<typeof resourceSchema>;
