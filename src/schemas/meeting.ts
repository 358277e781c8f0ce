/**
 * 议事 minutes: one Markdown file per meeting in `content/meetings/<YYYY-MM-DD>-<slug>.md`.
 * The body holds the discussion record; decisions and votes are structured front matter so they can be tracked.
 */
import { z } from 'astro/zod';
import { changeNotes, count, field, isoDate, movedFrom, slug } from './common.ts';

/** Kind of meeting (who sits in it). */
export const MEETING_BODIES = [
  'party-branch',
  'two-committees',
  'party-members',
  'representatives',
  'villagers',
  'residents-council',
] as const;
export type MeetingBody = (typeof MEETING_BODIES)[number];
export const MEETING_BODY_LABELS: Record<MeetingBody, string> = {
  'party-branch': '党支部委员会会议',
  'two-committees': '“两委”联席会议',
  'party-members': '党员大会',
  representatives: '村（居）民代表会议',
  villagers: '村（居）民会议',
  'residents-council': '居民议事会',
};

/**
 * The six steps of 四议两公开, in order. The first four are meetings; the last two are publications (notices).
 */
export const DELIBERATION_STEPS = [
  'propose',
  'consult',
  'review',
  'resolve',
  'announce-decision',
  'announce-result',
] as const;
export type DeliberationStep = (typeof DELIBERATION_STEPS)[number];
export const DELIBERATION_STEP_LABELS: Record<DeliberationStep, string> = {
  propose: '党组织提议',
  consult: '“两委”商议',
  review: '党员大会审议',
  resolve: '村（居）民代表会议决议',
  'announce-decision': '决议公开',
  'announce-result': '实施结果公开',
};
/** Steps that are held as meetings (a meeting's own `step` must be one of these). */
export const MEETING_STEPS = ['propose', 'consult', 'review', 'resolve'] as const satisfies readonly DeliberationStep[];

export const FOLLOW_UP_STATUSES = ['not-started', 'in-progress', 'done', 'suspended'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  'not-started': '未开始',
  'in-progress': '实施中',
  done: '已完成',
  suspended: '暂缓',
};

export const votes = z.strictObject({
  for: count('赞成', '票'),
  against: count('反对', '票'),
  abstain: count('弃权', '票'),
});

export const decision = z
  .strictObject({
    /** What was decided, in one line, e.g. 同意实施桃源村主干道路灯改造项目. */
    title: field(z.string().min(4).max(80), { title: '决定事项' }),
    /** Details: amount, contractor, timeline. */
    detail: field(z.string().max(500).optional(), { title: '具体内容', widget: 'text' }),
    /** Votes, when the item was put to a vote at this meeting. */
    votes: field(votes.optional(), { title: '表决结果' }),
    /** The furthest 四议两公开 step this decision has reached (updated as it moves on). */
    stage: field(z.enum(DELIBERATION_STEPS), {
      title: '当前进度（四议两公开）',
      optionLabels: DELIBERATION_STEP_LABELS,
    }),
    /** Notices that publish the decision or its result (ids = notice file names). */
    notices: field(z.array(slug).default([]), { title: '相关公告', description: '决议公开、结果公开的公告编号' }),
    /** Implementation follow-up until the result is published. */
    followUp: field(
      z
        .strictObject({
          status: field(z.enum(FOLLOW_UP_STATUSES), { title: '落实状态', optionLabels: FOLLOW_UP_STATUS_LABELS }),
          /** Percent done, 0–100. */
          progress: field(z.number().int().min(0).max(100).optional(), { title: '完成进度', unit: '%' }),
          note: field(z.string().max(300).optional(), { title: '进展说明', widget: 'text' }),
          updated: field(isoDate, { title: '更新日期' }),
        })
        .optional(),
      { title: '跟踪落实' },
    ),
  })
  .superRefine((d, ctx) => {
    const published = d.stage === 'announce-decision' || d.stage === 'announce-result';
    if (published && d.notices.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['notices'],
        message: `进度为“${DELIBERATION_STEP_LABELS[d.stage]}”，但没有关联公告`,
        params: { fix: '在“相关公告”中填写公开该决议或结果的公告编号' },
      });
    }
    if (d.followUp?.status === 'done' && d.followUp.progress !== undefined && d.followUp.progress < 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['followUp', 'progress'],
        message: `落实状态为“已完成”，但完成进度只有 ${d.followUp.progress}%`,
        params: { fix: '把完成进度改为 100，或把状态改为“实施中”' },
      });
    }
  });

export const meetingSchema = z
  .strictObject({
    title: field(z.string().min(4).max(60), { title: '会议名称' }),
    body: field(z.enum(MEETING_BODIES), { title: '会议类型', optionLabels: MEETING_BODY_LABELS }),
    /** Which 四议 step this meeting is. */
    step: field(z.enum(MEETING_STEPS), {
      title: '四议两公开环节',
      optionLabels: Object.fromEntries(MEETING_STEPS.map((s) => [s, DELIBERATION_STEP_LABELS[s]])),
    }),
    date: field(isoDate, { title: '会议日期' }),
    /** Village/community that held the meeting. */
    place: field(slug, { title: '村/社区', description: '村/社区的编号' }),
    /** Venue, e.g. 村委会二楼会议室. */
    venue: field(z.string().max(60).optional(), { title: '会议地点' }),
    /** Who chaired and who took the minutes (names as publicly posted). */
    chair: field(z.string().min(2).max(20).optional(), { title: '主持人' }),
    recorder: field(z.string().min(2).max(20).optional(), { title: '记录人' }),
    attendance: field(
      z.strictObject({
        expected: count('应到', '人'),
        present: count('实到', '人'),
        /** Non-members attending (监委会成员, 驻村干部…), counted separately from 实到. */
        attendees: field(z.string().max(200).optional(), { title: '列席人员' }),
      }),
      { title: '出席情况' },
    ),
    agenda: field(z.array(z.string().min(2).max(100)).min(1, { message: '至少填写一项议题' }), { title: '议题' }),
    decisions: field(z.array(decision).default([]), { title: '决定事项' }),
    summary: field(z.string().max(200).optional(), { title: '摘要', widget: 'text' }),
    keywords: field(z.array(z.string().min(1).max(20)).default([]), { title: '关键词' }),
    changes: changeNotes,
    movedFrom,
    draft: field(z.boolean().default(false), { title: '草稿' }),
  })
  .superRefine((m, ctx) => {
    if (m.attendance.present > m.attendance.expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['attendance', 'present'],
        message: `实到 ${m.attendance.present} 人多于应到 ${m.attendance.expected} 人`,
        params: { fix: '核对签到表：实到人数不能超过应到人数（列席人员另填）' },
      });
    }
    m.decisions.forEach((d, i) => {
      if (d.votes === undefined) return;
      const cast = d.votes.for + d.votes.against + d.votes.abstain;
      if (cast > m.attendance.present) {
        ctx.addIssue({
          code: 'custom',
          path: ['decisions', i, 'votes'],
          message: `第 ${i + 1} 项决定的票数合计 ${cast} 多于实到 ${m.attendance.present} 人`,
          params: { fix: '核对表决票数：赞成 + 反对 + 弃权不能超过实到人数' },
        });
      }
    });
  });

export type Meeting = z.infer<typeof meetingSchema>;
export type Decision = z.infer<typeof decision>;
