/**
 * Building blocks shared by the content schemas.
 *
 * Every field carries `.meta({ title, description, ... })`: the Chinese title and hint are what editors see in
 * the CMS and in validation errors, and what journalists see in the open-data table schemas. Keep them short
 * and in the words a village clerk uses.
 */
import { z } from 'astro/zod';

/** Extra facts attached to a field with `.meta()`; read by the CMS config builder and the data-package builder. */
export interface FieldMeta {
  /** Chinese label shown to editors and in open data. */
  title: string;
  /** Chinese hint shown under the field in the CMS. */
  description?: string;
  /** Unit of a count, e.g. 件, 人, 次. */
  unit?: string;
  /** How to fix a value that fails a pattern or format check (Chinese). */
  fix?: string;
  /** Decap widget override when the schema type alone does not decide it (e.g. `text`, `markdown`, `file`). */
  widget?: string;
  /** Labels for enum values, same order as the enum. */
  optionLabels?: Record<string, string>;
  /** Example value used in docs and error hints. */
  example?: string;
  /**
   * The field publishes a work phone on purpose (grid worker, office, official contact), so the privacy check
   * does not flag mobile numbers in it. Every such field is marked here and nowhere else.
   */
  publicContact?: boolean;
  /**
   * A string that holds a calendar day (YYYY-MM-DD) or month (YYYY-MM): set only by {@link isoDate} and
   * {@link isoMonth}, so every reader of the schemas (src/lib/content/schema-walk.ts: the CMS date picker, the
   * open-data `date`/`yearmonth` types) knows such a field by this mark, not by the text of its pattern.
   */
  stringKind?: StringKind;
}

/** Strings the readers of the schemas treat apart from plain text. */
export type StringKind = 'date' | 'month';

/** Mark a string schema as a calendar day or month (see {@link FieldMeta.stringKind}). */
function ofKind<T extends z.ZodType>(schema: T, stringKind: StringKind): T {
  return schema.meta({ stringKind });
}

/** Attach Chinese metadata to a schema (typed wrapper around zod's `.meta()`). */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta({ ...meta });
}

/** The metadata attached with {@link field}, if any. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  return z.globalRegistry.get(schema) as FieldMeta | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar day written as YYYY-MM-DD (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar day, stored as the string `YYYY-MM-DD`.
 * YAML front matter turns an unquoted `2025-03-01` into a Date at UTC midnight; we accept that and normalise it,
 * so editors may write dates with or without quotes.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  ofKind(
    z
      .string()
      .regex(ISO_DATE, { message: '日期格式不对（应为 YYYY-MM-DD，如 2025-03-01）' })
      .refine(isCalendarDate, {
        message: '这一天不存在（请核对月份和日期，如 2 月没有 30 日）',
        params: { fix: '改为日历上存在的日期，如 2026-02-28' },
      }),
    'date',
  ),
);

/** A calendar month `YYYY-MM`. */
export const isoMonth = ofKind(
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '不是有效的月份（格式应为 YYYY-MM，如 2025-03）' }),
  'month',
);

/** ASCII identifier used in file names and URLs: lowercase letters, digits and hyphens. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '只能使用小写英文字母、数字和连字符（如 taoyuan-village）' });

/**
 * A phone number meant to be public (office line or a grid worker's work mobile):
 * mainland mobile (11 digits starting with 1), landline with area code (0xxx-xxxxxxx), or a short service number (12345).
 */
export const publicPhone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,5})?|1\d{4})$/, {
  message: '电话号码格式不对（手机 11 位，以 1 开头；座机带区号，如 0571-88001234；或 12345 等服务热线）',
});

/** A non-negative whole-number count (residents, cases, events…). */
export function count(title: string, unit: string, description?: string) {
  const schema = z
    .number()
    .int({ message: '应为整数' })
    .min(0, { message: '不能为负数' })
    .max(10_000_000, { message: '数字过大，请检查是否多输了位数' });
  return field(schema, description === undefined ? { title, unit } : { title, unit, description });
}

/** A person's name as publicly displayed (2–20 characters, no digits so ID numbers cannot hide here). */
export const personName = z
  .string()
  .min(2, { message: '姓名至少 2 个字' })
  .max(20, { message: '姓名不超过 20 个字' })
  .regex(/^[^\d]+$/, { message: '姓名中不能有数字' });

/** Publicly listed contact for a notice or a portal: who answers questions. */
export const contact = z.strictObject({
  name: field(personName, { title: '联系人' }),
  role: field(z.string().min(2).max(40).optional(), { title: '职务', description: '如 村委会文书、财务监督员' }),
  phone: field(publicPhone, {
    title: '联系电话',
    description: '办公电话或工作手机，会在网站上公开',
    publicContact: true,
  }),
});
export type Contact = z.infer<typeof contact>;

/**
 * One change to a published entry (the GOV.UK model, issue 18). A `major` change (a correction residents must know
 * about: a wrong amount, name, date) is shown as a dated 更正说明 at the top of the page, moves its 更新于 date and
 * updates its feed item; a minor one (a typo, a layout fix) is listed only in 修改记录.
 */
const changeNote = z.strictObject({
  date: field(isoDate, { title: '修改日期' }),
  note: field(z.string().min(4, { message: '修改说明至少 4 个字' }).max(200, { message: '修改说明不超过 200 字' }), {
    title: '修改说明',
    widget: 'text',
    description: '写明改了什么、为什么改，如：更正第 3 项金额，原写 1200 元，应为 12000 元',
  }),
  major: field(z.boolean().default(false), {
    title: '重要更正',
    description: '改动影响群众权益（金额、名单、日期等）时勾选：页面顶部显示更正说明，“更新于”日期随之更新',
  }),
});
export type ChangeNote = z.infer<typeof changeNote>;

/** The change notes of an entry, oldest first as editors add them. */
export const changeNotes = field(z.array(changeNote).default([]), {
  title: '修改记录',
  description: '已发布的内容每次修改都要加一条说明',
});

/**
 * Old ids of an entry that was renamed: each old address then leads to the new page (a redirect page), so QR
 * codes already printed on the paper board never break.
 */
export const movedFrom = field(
  z
    .array(
      z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        message: '原编号只能使用小写英文字母、数字和连字符（即原文件名，不含 .md）',
      }),
    )
    .default([]),
  {
    title: '原编号（改名前）',
    description: '文件改名后填写原来的文件名（不含 .md），旧网址和已张贴的二维码会自动跳转到新页面',
  },
);
