/**
 * A place in the administrative hierarchy: 街道/乡镇 → 村/社区 → 网格.
 * One JSON file per place in `content/places/<id>.json`; the file name is the place's id.
 */
import { z } from 'astro/zod';
import { field, personName, publicPhone, slug } from './common.ts';

const PLACE_LEVELS = ['township', 'street', 'village', 'community', 'grid'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export const PLACE_LEVEL_LABELS: Record<PlaceLevel, string> = {
  township: '乡镇',
  street: '街道',
  village: '村',
  community: '社区',
  grid: '网格',
};

/** Which level may sit directly under which: a grid belongs to a village or community, which belongs to a 乡镇/街道. */
export const PARENT_LEVELS: Record<PlaceLevel, readonly PlaceLevel[]> = {
  township: [],
  street: [],
  village: ['township', 'street'],
  community: ['township', 'street'],
  grid: ['village', 'community'],
};

export const gridWorker = z.strictObject({
  /** Grid worker's name as posted on the 公开栏. */
  name: field(personName, { title: '网格员姓名' }),
  /** Work phone, published on purpose so residents can call. */
  phone: field(publicPhone, {
    title: '网格员电话',
    description: '工作手机，会公开在“找网格员”页面',
    publicContact: true,
  }),
  /** Full-time (专职) or part-time (兼职, often a village cadre). */
  role: field(z.enum(['full-time', 'part-time']).default('full-time'), {
    title: '类别',
    optionLabels: { 'full-time': '专职网格员', 'part-time': '兼职网格员' },
  }),
});

export const placeSchema = z
  .strictObject({
    /** Chinese name, e.g. 桃源村. */
    name: field(z.string().min(2, { message: '名称至少 2 个字' }).max(30), {
      title: '名称',
      description: '如 桃源村、清河社区、第一网格',
    }),
    /** Administrative level. */
    level: field(z.enum(PLACE_LEVELS), {
      title: '层级',
      optionLabels: PLACE_LEVEL_LABELS,
    }),
    /** Id of the place this one belongs to; empty only for the top 乡镇/街道. */
    parent: field(slug.optional(), { title: '上级', description: '上级村/社区或街道的编号（文件名）' }),
    /** Sort order among siblings (smaller first). */
    order: field(z.number().int().min(0).default(100), { title: '排序', description: '数字小的排在前面' }),
    /** Area served, in words residents recognise (streets, building numbers, village groups). */
    area: field(z.string().max(200).optional(), { title: '服务范围', description: '如 1-3 组、幸福路 1-20 号楼' }),
    /** Households (户) in the area, if known. */
    households: field(z.number().int().min(0).optional(), { title: '户数', unit: '户' }),
    /** Registered residents (人), if known. */
    population: field(z.number().int().min(0).optional(), { title: '人口', unit: '人' }),
    /** Year the household and population figures are for (户数、人口 as of), e.g. 2025. */
    populationYear: field(z.number().int().min(1990).max(2100).optional(), {
      title: '户数人口统计年份',
      description: '户数和人口是哪一年的数字，如 2025',
    }),
    /** Office address of the 村委会/居委会/街道. */
    address: field(z.string().max(100).optional(), { title: '办公地址' }),
    /** Office phone. */
    phone: field(publicPhone.optional(), { title: '办公电话', publicContact: true }),
    /** Grid workers (网格员); only for level `grid`. */
    gridWorkers: field(z.array(gridWorker).default([]), {
      title: '网格员',
      description: '每个网格至少一名网格员，姓名和工作电话会公开',
    }),
    /** One or two sentences introducing the place. */
    intro: field(z.string().max(500).optional(), { title: '简介', widget: 'text' }),
  })
  .superRefine((place, ctx) => {
    if (place.level === 'grid' && place.gridWorkers.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['gridWorkers'],
        message: '网格没有填写网格员',
        params: { fix: '至少添加一名网格员的姓名和工作电话' },
      });
    }
    if (place.level !== 'township' && place.level !== 'street' && place.parent === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['parent'],
        message: '缺少上级',
        params: { fix: '填写所属村/社区或街道的编号' },
      });
    }
  });

export type Place = z.infer<typeof placeSchema>;
