/**
 * Standing rules and lists (村规民约, 居民公约, 自治章程, 小微权力清单, 服务清单, 职责清单): `content/rules/<id>.md`,
 * front matter + the full text as Markdown. Each revision is its own file; `previous` links it to the version it
 * replaces, so the page can show the version history and what changed. Only one version of a kind may be 现行 in
 * a place (checked across files in src/lib/rules/rules.ts).
 */
import { z } from 'astro/zod';
import { changeNotes, field, isoDate, movedFrom, publicPhone, slug } from './common.ts';

export const RULE_KINDS = [
  'village-rules',
  'resident-convention',
  'charter',
  'power-list',
  'service-list',
  'duty-list',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  'village-rules': '村规民约',
  'resident-convention': '居民公约',
  charter: '自治章程',
  'power-list': '小微权力清单',
  'service-list': '服务清单',
  'duty-list': '职责清单',
};

const RULE_STATUSES = ['consultation', 'current', 'repealed'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];
export const RULE_STATUS_LABELS: Record<RuleStatus, string> = {
  consultation: '征求意见稿',
  current: '现行',
  repealed: '已废止',
};

export const SERVICE_TYPES = ['direct', 'review', 'proxy'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  direct: '直接办结',
  review: '审核转报',
  proxy: '代办',
};

const steps = (title: string, description: string) =>
  field(z.array(z.string().min(2, { message: '每一步至少 2 个字' }).max(120, { message: '每一步不超过 120 字' })), {
    title,
    description,
  });

/** One power of a 小微权力清单, with its flowchart as ordered steps. */
const powerItem = z.strictObject({
  title: field(z.string().min(2).max(60), { title: '权力事项', example: '村级工程项目招投标' }),
  basis: field(z.string().min(4).max(300), {
    title: '依据',
    widget: 'text',
    description: '法律法规或村规民约的条文，如《村民委员会组织法》第二十四条',
  }),
  steps: steps('办理流程', '按顺序一步一行，网站显示为带编号的流程图'),
  responsible: field(z.string().min(2).max(60), { title: '责任主体', example: '村民委员会' }),
  supervision: field(z.string().min(2).max(200), {
    title: '监督方式',
    widget: 'text',
    example: '村务监督委员会全程监督，结果公示 7 天',
  }),
});
export type PowerItem = z.infer<typeof powerItem>;

/** One item of a 服务清单: what to bring, how long it takes, where to go. */
const serviceItem = z.strictObject({
  name: field(z.string().min(2).max(60), { title: '服务事项', example: '城乡居民基本养老保险参保登记' }),
  type: field(z.enum(SERVICE_TYPES), { title: '办理方式', optionLabels: SERVICE_TYPE_LABELS }),
  materials: field(z.array(z.string().min(2).max(100)).default([]), {
    title: '所需材料',
    description: '一份材料一行',
  }),
  timeLimit: field(z.string().min(2).max(40), { title: '办结时限', example: '即时办结' }),
  window: field(z.string().min(2).max(60), { title: '办理窗口', example: '便民服务中心 3 号窗口' }),
  phone: field(publicPhone, { title: '咨询电话', description: '窗口的办公电话，会在网站上公开', publicContact: true }),
  steps: steps('办理流程', '按顺序一步一行'),
});
export type ServiceItem = z.infer<typeof serviceItem>;

export const ruleSchema = z
  .strictObject({
    title: field(z.string().min(4).max(60), { title: '标题', example: '桃源村村规民约（2025年修订）' }),
    kind: field(z.enum(RULE_KINDS), { title: '类型', optionLabels: RULE_KIND_LABELS }),
    place: field(slug, { title: '村/社区或街道', description: '制定本规约或清单的村、社区，或街道本级' }),
    status: field(z.enum(RULE_STATUSES), { title: '状态', optionLabels: RULE_STATUS_LABELS }),
    version: field(z.string().min(2).max(30), { title: '版本', example: '2025年修订版' }),
    published: field(isoDate, { title: '发布日期', description: '在网站上公开的日期' }),
    commentDeadline: field(isoDate.optional(), {
      title: '征求意见截止日期',
      description: '征求意见稿必填：群众提意见的最后一天',
    }),
    adopted: field(isoDate.optional(), { title: '通过日期', description: '现行版本必填：会议表决通过的日期' }),
    meeting: field(slug.optional(), {
      title: '通过会议',
      description: '表决通过的会议纪要的文件名（不含 .md），如 2025-06-18-taoyuan-cunguiminyue-jueyi',
    }),
    matter: field(slug.optional(), { title: '所属事项', description: '修订过程记作事项时填写事项编号' }),
    previous: field(slug.optional(), {
      title: '上一版本',
      description: '被本版本取代的旧版本的文件名（不含 .md），须是同一地点、同一类型',
    }),
    summary: field(z.string().max(200).optional(), { title: '摘要', widget: 'text' }),
    powers: field(z.array(powerItem).default([]), {
      title: '权力事项',
      description: '只有小微权力清单填写：每项权力的依据、办理流程、责任主体和监督方式',
    }),
    services: field(z.array(serviceItem).default([]), {
      title: '服务事项',
      description: '只有服务清单填写：每项服务的办理方式、材料、时限、窗口和电话',
    }),
    keywords: field(z.array(z.string().min(1).max(20)).default([]), { title: '关键词' }),
    changes: changeNotes,
    movedFrom,
    draft: field(z.boolean().default(false), { title: '草稿' }),
  })
  .superRefine((rule, ctx) => {
    const issue = (path: string, message: string, fix: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { fix } });
    if (rule.status === 'consultation' && rule.commentDeadline === undefined) {
      issue('commentDeadline', '征求意见稿缺少“征求意见截止日期”', '填写群众提意见的最后一天，如 2026-12-15');
    }
    if (rule.status === 'current' && rule.adopted === undefined) {
      issue('adopted', '现行版本缺少“通过日期”', '填写村（居）民会议或代表会议表决通过的日期');
    }
    if (rule.status === 'current' && rule.meeting === undefined && rule.matter === undefined) {
      issue('meeting', '现行版本缺少“通过会议”', '填写表决通过的会议纪要的文件名，或“所属事项”的编号');
    }
    if (rule.kind === 'power-list' && rule.powers.length === 0) {
      issue('powers', '小微权力清单没有权力事项', '逐项添加权力事项：名称、依据、办理流程、责任主体、监督方式');
    }
    if (rule.kind !== 'power-list' && rule.powers.length > 0) {
      issue('powers', `${RULE_KIND_LABELS[rule.kind]}不填“权力事项”`, '删去权力事项，或把类型改为小微权力清单');
    }
    if (rule.kind === 'service-list' && rule.services.length === 0) {
      issue('services', '服务清单没有服务事项', '逐项添加服务事项：名称、办理方式、材料、时限、窗口、电话');
    }
    if (rule.kind !== 'service-list' && rule.services.length > 0) {
      issue('services', `${RULE_KIND_LABELS[rule.kind]}不填“服务事项”`, '删去服务事项，或把类型改为服务清单');
    }
    rule.powers.forEach((power, i) => {
      if (power.steps.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['powers', i, 'steps'],
          message: `权力事项“${power.title}”没有办理流程`,
          params: { fix: '按顺序填写办理流程，一步一行' },
        });
      }
    });
  });

export type Rule = z.infer<typeof ruleSchema>;
