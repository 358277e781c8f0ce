/**
 * 事项 (matters): one JSON file per matter in `content/matters/<slug>.json`, following one public matter (a road, a
 * lift, charging piles) from the proposal through the meetings that deliberate it to the notices that publish the
 * decision and the result. Meetings and notices stay documents; the matter is the thread that ties them together
 * and the only place that carries progress (budget, 决算, milestones, status).
 *
 * The procedures and their ordered steps are the table {@link PROCEDURES}: add a procedure or a step there and the
 * schema, the validation rules, the pages and the CMS options follow.
 */
import { z } from 'astro/zod';
import { field, isoDate, slug } from './common.ts';
import type { MeetingBody } from './meeting.ts';

/** What one step of a procedure is held as, and the part it plays in the rules. */
export interface ProcedureStep {
  /** Stable id written in content files, e.g. `resolve`. */
  id: string;
  /** Chinese name shown to residents and editors. */
  label: string;
  /** A step is held as a meeting (minutes) or published as a notice; `either` for steps that can be both. */
  kind: 'meeting' | 'notice' | 'either';
  /** Meeting bodies allowed to hold this step (meeting steps only; absent: any body). */
  bodies?: readonly MeetingBody[];
  /**
   * `decision`: the meeting whose vote decides the matter (quorum and vote are checked);
   * `decision-notice`: the notice publishing the decision (决议公开, within the configured days);
   * `result-notice`: the notice publishing the result (结果公开, required before a matter is done).
   */
  role?: 'decision' | 'decision-notice' | 'result-notice';
}

export interface Procedure {
  label: string;
  /** Who uses it, shown under the procedure's name. */
  description: string;
  steps: readonly ProcedureStep[];
}

const DECIDING_BODIES = ['representatives', 'villagers'] as const satisfies readonly MeetingBody[];

/** The procedures a matter can follow, each with its steps in order. */
export const PROCEDURES = {
  'four-two': {
    label: '四议两公开',
    description: '村级重大事项：党组织提议、“两委”商议、党员大会审议、村民（代表）会议决议，决议公开、实施结果公开',
    steps: [
      { id: 'propose', label: '党组织提议', kind: 'meeting', bodies: ['party-branch'] },
      { id: 'consult', label: '“两委”商议', kind: 'meeting', bodies: ['two-committees'] },
      { id: 'review', label: '党员大会审议', kind: 'meeting', bodies: ['party-members'] },
      { id: 'resolve', label: '村民（代表）会议决议', kind: 'meeting', bodies: DECIDING_BODIES, role: 'decision' },
      { id: 'announce-decision', label: '决议公开', kind: 'notice', role: 'decision-notice' },
      { id: 'announce-result', label: '实施结果公开', kind: 'notice', role: 'result-notice' },
    ],
  },
  'five-step': {
    label: '五步议事',
    description: '城市社区居民议事会（议事厅）：收集问题、确定议题、协商议事、分流落实、监督评审',
    steps: [
      { id: 'collect', label: '收集问题', kind: 'either' },
      {
        id: 'topic',
        label: '确定议题',
        kind: 'meeting',
        bodies: ['party-branch', 'two-committees', 'residents-council'],
      },
      { id: 'deliberate', label: '协商议事', kind: 'meeting', bodies: ['residents-council'], role: 'decision' },
      { id: 'implement', label: '分流落实', kind: 'notice', role: 'decision-notice' },
      { id: 'evaluate', label: '监督评审', kind: 'notice', role: 'result-notice' },
    ],
  },
  'one-matter': {
    label: '一事一议',
    description: '村内公益事业筹资筹劳：提出议题、村民（代表）会议表决、筹资方案公示、结果公开',
    steps: [
      { id: 'propose', label: '提出议题', kind: 'either' },
      { id: 'resolve', label: '村民（代表）会议表决', kind: 'meeting', bodies: DECIDING_BODIES, role: 'decision' },
      { id: 'announce-decision', label: '筹资方案公示', kind: 'notice', role: 'decision-notice' },
      { id: 'announce-result', label: '结果公开', kind: 'notice', role: 'result-notice' },
    ],
  },
  livelihood: {
    label: '民生实事',
    description: '民生实事项目：征集项目、确定项目、项目公示、实施结果公开',
    steps: [
      { id: 'collect', label: '征集项目', kind: 'either' },
      {
        id: 'resolve',
        label: '确定项目',
        kind: 'meeting',
        bodies: [...DECIDING_BODIES, 'residents-council'],
        role: 'decision',
      },
      { id: 'announce-decision', label: '项目公示', kind: 'notice', role: 'decision-notice' },
      { id: 'announce-result', label: '实施结果公开', kind: 'notice', role: 'result-notice' },
    ],
  },
} as const satisfies Record<string, Procedure>;

export type ProcedureId = keyof typeof PROCEDURES;
export const PROCEDURE_IDS = Object.keys(PROCEDURES) as ProcedureId[];
export const PROCEDURE_LABELS = Object.fromEntries(PROCEDURE_IDS.map((p) => [p, PROCEDURES[p].label])) as Record<
  ProcedureId,
  string
>;

/** The steps of `procedure` (typed loosely, for rules and pages that walk any procedure). */
export function procedureSteps(procedure: ProcedureId): readonly ProcedureStep[] {
  return PROCEDURES[procedure].steps;
}

/** Every step id any procedure has, with its labels, for the CMS select (the rules check it fits the procedure). */
const ALL_STEP_IDS = [...new Set(PROCEDURE_IDS.flatMap((p) => procedureSteps(p).map((s) => s.id)))];
const STEP_OPTION_LABELS = Object.fromEntries(
  ALL_STEP_IDS.map((id) => [
    id,
    PROCEDURE_IDS.flatMap((p) =>
      procedureSteps(p)
        .filter((s) => s.id === id)
        .map((s) => s.label),
    )
      .filter((l, i, all) => all.indexOf(l) === i)
      .join(' / '),
  ]),
);

export const MATTER_STATUSES = ['proposed', 'deliberating', 'decided', 'in-progress', 'done', 'suspended'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];
export const MATTER_STATUS_LABELS: Record<MatterStatus, string> = {
  proposed: '已提出',
  deliberating: '议事中',
  decided: '已决议',
  'in-progress': '实施中',
  done: '已完成',
  suspended: '暂缓',
};

const money = (title: string, description?: string) =>
  field(
    z.number().min(0, { message: '不能为负数' }).max(1_000_000_000, { message: '数字过大，请检查是否多输了位数' }),
    description === undefined ? { title, unit: '元' } : { title, unit: '元', description },
  );

const matterStep = z.strictObject({
  /** Which step of the procedure this is (must be one of the procedure's steps, in order). */
  step: field(z.enum(ALL_STEP_IDS as [string, ...string[]]), {
    title: '环节',
    description: '按程序顺序填写；只能选本事项程序中有的环节',
    optionLabels: STEP_OPTION_LABELS,
  }),
  /** The meeting held for this step (file name of the minutes, without .md). */
  meeting: field(slug.optional(), { title: '会议纪要', description: '会议纪要的文件名（不含 .md）' }),
  /** The notice published for this step (file name of the notice, without .md). */
  notice: field(slug.optional(), { title: '公告', description: '公告的文件名（不含 .md）' }),
});

export const milestone = z.strictObject({
  date: field(isoDate, { title: '日期' }),
  /** What happened, e.g. 开工, 完成主体, 验收合格. */
  label: field(z.string().min(2).max(40), { title: '节点', example: '验收合格' }),
  /** Percent done on that day, 0–100. */
  progress: field(z.number().int().min(0).max(100).optional(), { title: '完成进度', unit: '%' }),
  note: field(z.string().max(300).optional(), { title: '说明', widget: 'text' }),
});

export const matterSchema = z
  .strictObject({
    /** What the matter is, as residents say it, e.g. 桃源路主干道路灯改造. */
    title: field(z.string().min(4).max(60), { title: '事项名称', example: '桃源路主干道路灯改造' }),
    /** Village or community the matter belongs to. */
    place: field(slug, { title: '村/社区', description: '村/社区的编号' }),
    procedure: field(z.enum(PROCEDURE_IDS as [ProcedureId, ...ProcedureId[]]), {
      title: '议事程序',
      optionLabels: PROCEDURE_LABELS,
    }),
    status: field(z.enum(MATTER_STATUSES), { title: '状态', optionLabels: MATTER_STATUS_LABELS }),
    /** One or two sentences on what is done and why. */
    summary: field(z.string().max(300).optional(), { title: '简介', widget: 'text' }),
    steps: field(z.array(matterStep).min(1, { message: '至少填写一个环节' }), {
      title: '议事环节',
      description: '每个环节关联一份会议纪要或一份公告',
    }),
    budget: field(
      z
        .strictObject({
          planned: money('预算金额'),
          sources: field(
            z
              .array(
                z.strictObject({
                  name: field(z.string().min(2).max(40), { title: '资金来源', example: '街道以奖代补' }),
                  amount: money('金额'),
                }),
              )
              .default([]),
            { title: '资金来源' },
          ),
        })
        .optional(),
      { title: '预算' },
    ),
    actual: field(
      z
        .strictObject({
          amount: money('决算金额'),
          date: field(isoDate.optional(), { title: '决算日期' }),
          /** Why the 决算 differs from the budget (required when above it). */
          note: field(z.string().max(300).optional(), { title: '决算说明', widget: 'text' }),
        })
        .optional(),
      { title: '决算' },
    ),
    contractor: field(z.string().min(2).max(60).optional(), { title: '实施单位' }),
    milestones: field(z.array(milestone).default([]), { title: '进展节点' }),
    keywords: field(z.array(z.string().min(1).max(20)).default([]), { title: '关键词' }),
    draft: field(z.boolean().default(false), { title: '草稿' }),
  })
  .superRefine((m, ctx) => {
    m.steps.forEach((s, i) => {
      if ((s.meeting === undefined) === (s.notice === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i],
          message: `第 ${i + 1} 个环节${s.meeting === undefined ? '没有关联会议纪要或公告' : '同时关联了会议纪要和公告'}`,
          params: { fix: '每个环节只填一项：会议填“会议纪要”，公开填“公告”' },
        });
      }
    });
    if (m.budget !== undefined && m.budget.sources.length > 0) {
      const sum = m.budget.sources.reduce((a, s) => a + s.amount, 0);
      if (Math.round(sum * 100) !== Math.round(m.budget.planned * 100)) {
        ctx.addIssue({
          code: 'custom',
          path: ['budget', 'sources'],
          message: `资金来源合计 ${sum} 元，与预算金额 ${m.budget.planned} 元不一致`,
          params: { fix: '核对各项资金来源的金额，使合计等于预算金额' },
        });
      }
    }
    if (m.actual !== undefined && m.budget !== undefined && m.actual.amount > m.budget.planned && !m.actual.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['actual', 'note'],
        message: `决算 ${m.actual.amount} 元超出预算 ${m.budget.planned} 元，但没有说明`,
        params: { fix: '在“决算说明”中写明超支的原因和审批情况' },
      });
    }
    m.milestones.forEach((ms, i) => {
      const previous = m.milestones[i - 1];
      if (previous !== undefined && ms.date < previous.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'date'],
          message: `进展节点“${ms.label}”（${ms.date}）早于上一个节点（${previous.date}）`,
          params: { fix: '进展节点按日期先后排列' },
        });
      }
    });
    if (m.status === 'done' && m.milestones.some((ms) => ms.progress !== undefined && ms.progress < 100)) {
      const last = m.milestones.at(-1);
      if (last?.progress !== undefined && last.progress < 100) {
        ctx.addIssue({
          code: 'custom',
          path: ['status'],
          message: `状态为“已完成”，但最后一个进展节点的完成进度只有 ${last.progress}%`,
          params: { fix: '补一个完成进度为 100 的节点（如“验收合格”），或把状态改为“实施中”' },
        });
      }
    }
  });

export type Matter = z.infer<typeof matterSchema>;
export type MatterStep = z.infer<typeof matterStep>;
