/**
 * 议事 minutes: one Markdown file per meeting in `content/meetings/<YYYY-MM-DD>-<slug>.md`.
 * The body holds the discussion record; decisions and votes are structured front matter so they can be tracked.
 */
import { z } from 'astro/zod';
import { changeNotes, count, field, isoDate, movedFrom, slug } from './common.ts';

/** Kind of meeting (who sits in it). */
const MEETING_BODIES = [
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

/** A meeting announced before it is held (即将召开) or held with its minutes (已召开). */
const MEETING_STATUSES = ['held', 'scheduled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  held: '已召开（会议纪要）',
  scheduled: '即将召开（会议预告）',
};

export const votes = z.strictObject({
  for: count('赞成', '票'),
  against: count('反对', '票'),
  abstain: count('弃权', '票'),
});

export const decision = z.strictObject({
  /** What was decided, in one line, e.g. 同意实施桃源村主干道路灯改造项目. */
  title: field(z.string().min(4).max(80), { title: '决定事项' }),
  /** Details: amount, contractor, timeline. */
  detail: field(z.string().max(500).optional(), { title: '具体内容', widget: 'text' }),
  /** Votes, when the item was put to a vote at this meeting. */
  votes: field(votes.optional(), { title: '表决结果' }),
  /** The matter this decision belongs to (file name in content/matters); its progress is tracked there. */
  matter: field(slug.optional(), { title: '所属事项', description: '事项的文件名（不含 .json），进展在事项中更新' }),
  /** Notices that publish the decision or its result (ids = notice file names). */
  notices: field(z.array(slug).default([]), { title: '相关公告', description: '决议公开、结果公开的公告编号' }),
});

export const meetingSchema = z
  .strictObject({
    title: field(z.string().min(4).max(60), { title: '会议名称' }),
    body: field(z.enum(MEETING_BODIES), { title: '会议类型', optionLabels: MEETING_BODY_LABELS }),
    /**
     * `scheduled`: announced before the meeting (date in the future, agenda, how residents may attend), shown as
     * 即将召开; after the meeting the same file becomes the minutes (`held`, with attendance and decisions).
     */
    status: field(z.enum(MEETING_STATUSES).default('held'), {
      title: '会议状态',
      optionLabels: MEETING_STATUS_LABELS,
      description: '会前发布预告选“即将召开”；会后改为“已召开”，补填出席情况和决定事项',
    }),
    date: field(isoDate, { title: '会议日期' }),
    /** Start time, 24-hour HH:MM (China time), e.g. 19:30. */
    time: field(
      z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式不对（24 小时制 HH:MM，如 19:30）' })
        .optional(),
      { title: '开始时间', example: '19:30' },
    ),
    /** How residents may attend: 列席 (sit in, may speak) or 旁听 (listen), who may come, how to sign up. */
    attend: field(z.string().min(4).max(200).optional(), {
      title: '群众列席/旁听',
      description: '如：本村村民可到场旁听，请提前一天向村委会登记',
      widget: 'text',
    }),
    /** Village/community that held the meeting. */
    place: field(slug, { title: '村/社区', description: '村/社区的编号' }),
    /** Venue, e.g. 村委会二楼会议室. */
    venue: field(z.string().max(60).optional(), { title: '会议地点' }),
    /** Who chaired and who took the minutes (names as publicly posted). */
    chair: field(z.string().min(2).max(20).optional(), { title: '主持人' }),
    recorder: field(z.string().min(2).max(20).optional(), { title: '记录人' }),
    /** Required once the meeting is held; a scheduled meeting has none yet. */
    attendance: field(
      z
        .strictObject({
          expected: count('应到', '人'),
          present: count('实到', '人'),
          /** Non-members attending (监委会成员, 驻村干部…), counted separately from 实到. */
          attendees: field(z.string().max(200).optional(), { title: '列席人员' }),
        })
        .optional(),
      { title: '出席情况', description: '会议纪要必须填写应到、实到人数；发布“即将召开”的会议预告时不填' },
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
    if (m.status === 'scheduled') {
      if (m.attend === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['attend'],
          message: '会议预告没有说明群众能否列席或旁听',
          params: { fix: '在“群众列席/旁听”中写明谁可以来、如何登记，如“本村村民可到场旁听，请提前一天向村委会登记”' },
        });
      }
      if (m.decisions.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['decisions'],
          message: '会议还没召开（即将召开），不能有决定事项',
          params: { fix: '会后把“会议状态”改为“已召开”，再填写出席情况和决定事项' },
        });
      }
      return;
    }
    if (m.attendance === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['attendance'],
        message: '已召开的会议没有填写出席情况',
        params: { fix: '填写应到、实到人数；如果会议还没开，把“会议状态”改为“即将召开”' },
      });
      return;
    }
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
      if (m.attendance !== undefined && cast > m.attendance.present) {
        ctx.addIssue({
          code: 'custom',
          path: ['decisions', i, 'votes'],
          message: `第 ${i + 1} 项决定的票数合计 ${cast} 多于实到 ${m.attendance?.present ?? 0} 人`,
          params: { fix: '核对表决票数：赞成 + 反对 + 弃权不能超过实到人数' },
        });
      }
    });
  });

export type Meeting = z.infer<typeof meetingSchema>;
/** A held meeting: its minutes, with attendance (what every minutes page, list and rule reads). */
export type HeldMeeting = Meeting & { attendance: NonNullable<Meeting['attendance']> };
export type Decision = z.infer<typeof decision>;
