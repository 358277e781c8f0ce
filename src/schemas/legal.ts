/**
 * 普法 legal-education material: `content/legal/<slug>.md`. An article, a question-and-answer, or a case study.
 */
import { z } from 'astro/zod';
import { changeNotes, field, isoDate, movedFrom } from './common.ts';

export const LEGAL_TYPES = ['article', 'qa', 'case'] as const;
export type LegalType = (typeof LEGAL_TYPES)[number];
export const LEGAL_TYPE_LABELS: Record<LegalType, string> = { article: '普法文章', qa: '法律问答', case: '典型案例' };

export const LEGAL_TOPICS = [
  'family',
  'land',
  'labour',
  'neighbours',
  'consumer',
  'fraud',
  'minors',
  'elderly',
  'safety',
  'governance',
] as const;
export type LegalTopic = (typeof LEGAL_TOPICS)[number];
export const LEGAL_TOPIC_LABELS: Record<LegalTopic, string> = {
  family: '婚姻家庭',
  land: '土地与宅基地',
  labour: '劳动与工资',
  neighbours: '邻里关系',
  consumer: '消费维权',
  fraud: '防范诈骗',
  minors: '未成年人保护',
  elderly: '老年人权益',
  safety: '安全生产',
  governance: '村务与自治',
};

const LEGAL_AUDIENCES = ['all', 'elderly', 'youth', 'migrant-workers', 'farmers', 'cadres'] as const;
export type LegalAudience = (typeof LEGAL_AUDIENCES)[number];
export const LEGAL_AUDIENCE_LABELS: Record<LegalAudience, string> = {
  all: '全体居民',
  elderly: '老年人',
  youth: '青少年',
  'migrant-workers': '外出务工人员',
  farmers: '农户',
  cadres: '村（社区）干部',
};

/** A statute reference, displayed as 《民法典》第1032条. */
const statuteRef = z.strictObject({
  /** Short title of the law without 《》, e.g. 民法典, 村民委员会组织法. */
  law: field(
    z
      .string()
      .min(2)
      .max(40)
      .regex(/^[^《》]+$/, { message: '法律名称不要带书名号《》，系统会自动加上' }),
    { title: '法律名称', example: '民法典' },
  ),
  /** Article number (条). */
  article: field(z.number().int().min(1).max(2000).optional(), { title: '条', description: '第几条，只填数字' }),
});
export type StatuteRef = z.infer<typeof statuteRef>;

export const legalSchema = z
  .strictObject({
    title: field(z.string().min(4).max(60), { title: '标题' }),
    type: field(z.enum(LEGAL_TYPES), { title: '类型', optionLabels: LEGAL_TYPE_LABELS }),
    topic: field(z.enum(LEGAL_TOPICS), { title: '主题', optionLabels: LEGAL_TOPIC_LABELS }),
    audience: field(z.array(z.enum(LEGAL_AUDIENCES)).min(1, { message: '至少选择一类读者' }).default(['all']), {
      title: '适用人群',
      optionLabels: LEGAL_AUDIENCE_LABELS,
    }),
    published: field(isoDate, { title: '发布日期' }),
    /** For Q&A: the resident's question, as asked. */
    question: field(z.string().max(300).optional(), { title: '群众提问', widget: 'text' }),
    statutes: field(z.array(statuteRef).default([]), { title: '法律依据' }),
    summary: field(z.string().max(200).optional(), { title: '摘要', widget: 'text' }),
    /** Source, e.g. 云溪街道司法所. */
    source: field(z.string().max(40).optional(), { title: '来源' }),
    keywords: field(z.array(z.string().min(1).max(20)).default([]), { title: '关键词' }),
    changes: changeNotes,
    movedFrom,
    draft: field(z.boolean().default(false), { title: '草稿' }),
  })
  .superRefine((item, ctx) => {
    if (item.type === 'qa' && item.question === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['question'],
        message: '法律问答缺少“群众提问”',
        params: { fix: '填写群众的原始提问，正文写回答' },
      });
    }
  });

export type Legal = z.infer<typeof legalSchema>;
