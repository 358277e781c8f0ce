/**
 * The content types, where their files live and how they are written. `src/content.config.ts`, the validate CLI,
 * the CMS config builder and the open-data builder all read this one table.
 */
import type { z } from 'astro/zod';
import { financeSchema } from './finance.ts';
import { legalSchema } from './legal.ts';
import { matterSchema } from './matter.ts';
import { meetingSchema } from './meeting.ts';
import { noticeSchema } from './notice.ts';
import { placeSchema } from './place.ts';
import { registerSchema } from './register.ts';
import { ruleSchema } from './rule.ts';
import { siteSchema } from './site.ts';
import { statsSchema } from './stats.ts';

export interface CollectionSpec {
  /** Folder (or file, for `site`) relative to the content directory. */
  path: string;
  /** `md`: front matter + Markdown body; `json`: one JSON object per file. */
  format: 'md' | 'json';
  /** One file (site settings) or a folder of entries. */
  kind: 'file' | 'folder';
  /** Chinese name of the collection. */
  label: string;
  /** Pattern every file name (without extension) in a folder must match, with a Chinese explanation. */
  fileName?: { pattern: RegExp; hint: string };
  schema: z.ZodType;
  /**
   * Set for entries published on a day, each with a page of its own (`/<collection>/<id>/`, its print copy, change
   * notes, a durable URL): the field holding that day. Entries of other collections are public as soon as they exist.
   */
  publishedOn?: 'published' | 'date';
}

const DATED_SLUG = {
  pattern: /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/,
  hint: '日期-英文或拼音，如 2025-03-01-dibao-gongshi',
};

export const collections = {
  site: { path: 'site.json', format: 'json', kind: 'file', label: '网站设置', schema: siteSchema },
  places: {
    path: 'places',
    format: 'json',
    kind: 'folder',
    label: '地点（街道、村社区、网格）',
    fileName: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, hint: '英文或拼音，如 taoyuan、taoyuan-g1' },
    schema: placeSchema,
  },
  notices: {
    path: 'notices',
    format: 'md',
    kind: 'folder',
    label: '村务公开',
    fileName: DATED_SLUG,
    schema: noticeSchema,
    publishedOn: 'published',
  },
  meetings: {
    path: 'meetings',
    format: 'md',
    kind: 'folder',
    label: '议事纪要',
    fileName: DATED_SLUG,
    schema: meetingSchema,
    publishedOn: 'date',
  },
  matters: {
    path: 'matters',
    format: 'json',
    kind: 'folder',
    label: '事项（议事与落实）',
    fileName: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, hint: '村社区编号-事项拼音-年份，如 taoyuan-ludeng-2025' },
    schema: matterSchema,
  },
  stats: {
    path: 'stats',
    format: 'json',
    kind: 'folder',
    label: '治理统计',
    fileName: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-\d{2}$/, hint: '地点编号-年-月，如 taoyuan-2025-03' },
    schema: statsSchema,
  },
  legal: {
    path: 'legal',
    format: 'md',
    kind: 'folder',
    label: '普法园地',
    fileName: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, hint: '英文或拼音，如 zhaijidi-jicheng' },
    schema: legalSchema,
    publishedOn: 'published',
  },
  rules: {
    path: 'rules',
    format: 'md',
    kind: 'folder',
    label: '村规民约与清单',
    fileName: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, hint: '地点编号-类型拼音-年份，如 taoyuan-cunguiminyue-2025' },
    schema: ruleSchema,
    publishedOn: 'published',
  },
  finance: {
    path: 'finance',
    format: 'json',
    kind: 'folder',
    label: '财务收支',
    fileName: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-\d{2}$/, hint: '村/社区编号-年-月，如 taoyuan-2026-10' },
    schema: financeSchema,
  },
  registers: {
    path: 'registers',
    format: 'json',
    kind: 'folder',
    label: '三资台账（资产、资源、合同）',
    fileName: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, hint: '村/社区编号，如 taoyuan' },
    schema: registerSchema,
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collections;
export const COLLECTION_NAMES = Object.keys(collections) as CollectionName[];

/** The collections whose entries are published on a day and have pages of their own (see `publishedOn`). */
export type DatedCollection = {
  [K in CollectionName]: (typeof collections)[K] extends { publishedOn: string } ? K : never;
}[CollectionName];
export const DATED_COLLECTIONS = COLLECTION_NAMES.filter(
  (name): name is DatedCollection => 'publishedOn' in collections[name],
);

export {
  financeSchema,
  legalSchema,
  matterSchema,
  meetingSchema,
  noticeSchema,
  placeSchema,
  registerSchema,
  ruleSchema,
  siteSchema,
  statsSchema,
};
