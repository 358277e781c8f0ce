/**
 * Monthly governance statistics for one place and one month: `content/stats/<place>-<YYYY-MM>.json`.
 * Editors enter counts only. Rates (response, resolution, satisfaction, mediation success…) are derived in
 * `src/lib/rates.ts` and never stored, so they cannot disagree with the counts.
 */
import { z } from 'astro/zod';
import { count, field, isoMonth, slug } from './common.ts';

export const GRID_EVENT_CATEGORIES = [
  'disputes',
  'publicSecurity',
  'safety',
  'publicOpinion',
  'sanitation',
  'livelihood',
] as const;
export type GridEventCategory = (typeof GRID_EVENT_CATEGORIES)[number];
export const GRID_EVENT_LABELS: Record<GridEventCategory, string> = {
  disputes: '矛盾纠纷',
  publicSecurity: '治安隐患',
  safety: '安全隐患',
  publicOpinion: '社情民意',
  sanitation: '环境卫生',
  livelihood: '民生服务',
};

export const statsSchema = z
  .strictObject({
    /** Village/community (or grid) the figures belong to. */
    place: field(slug, { title: '村/社区', description: '村/社区的编号' }),
    /** Month the figures cover. */
    month: field(isoMonth, { title: '月份', description: '格式 YYYY-MM，如 2025-03' }),
    /** 群众说事、干部解题: residents' demands and how they were handled. */
    demands: field(
      z.strictObject({
        received: count('群众说事（受理诉求）', '件', '本月受理的群众诉求总数'),
        responded: count('已响应', '件', '已联系群众、给出答复的诉求'),
        resolved: count('干部解题（已办结）', '件', '本月受理且已办结的诉求'),
        rated: count('参与评价', '件', '群众作出满意度评价的诉求'),
        satisfied: count('满意', '件', '评价为满意或基本满意的诉求'),
      }),
      { title: '群众诉求' },
    ),
    /** Events reported by grid workers, by category, and how many were closed. */
    gridEvents: field(
      z.strictObject({
        disputes: count(GRID_EVENT_LABELS.disputes, '件'),
        publicSecurity: count(GRID_EVENT_LABELS.publicSecurity, '件'),
        safety: count(GRID_EVENT_LABELS.safety, '件'),
        publicOpinion: count(GRID_EVENT_LABELS.publicOpinion, '件'),
        sanitation: count(GRID_EVENT_LABELS.sanitation, '件'),
        livelihood: count(GRID_EVENT_LABELS.livelihood, '件'),
        closed: count('已办结事件', '件', '上述网格事件中本月已办结的总数'),
      }),
      { title: '网格事件' },
    ),
    disputes: field(
      z.strictObject({
        received: count('受理矛盾纠纷', '件'),
        mediated: count('调解成功', '件'),
      }),
      { title: '矛盾纠纷调解' },
    ),
    hazards: field(
      z.strictObject({
        found: count('排查安全隐患', '处'),
        fixed: count('整改到位', '处'),
      }),
      { title: '安全隐患' },
    ),
    policeIncidents: count('刑事治安警情', '起', '辖区派出所通报的刑事、治安警情'),
    petitions: count('信访', '件', '本月信访件数（含来信、来访、网上信访）'),
    legalEducation: field(
      z.strictObject({
        activities: count('普法活动', '场'),
        participants: count('参与人次', '人次'),
      }),
      { title: '普法宣传' },
    ),
    staff: field(
      z.strictObject({
        gridWorkers: count('网格员', '人', '专职和兼职网格员总数'),
        volunteers: count('志愿者', '人', '参与网格服务的志愿者'),
      }),
      { title: '网格力量' },
    ),
    /** Caveats about the figures, e.g. 本月起按新口径统计. */
    note: field(z.string().max(300).optional(), { title: '数据说明', widget: 'text' }),
  })
  .superRefine((s, ctx) => {
    const atMost = (path: (string | number)[], value: number, limit: number, what: string, of: string) => {
      if (value > limit) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${what} ${value} 多于${of} ${limit}`,
          params: { fix: `核对台账：${what}不能超过${of}` },
        });
      }
    };
    atMost(['demands', 'responded'], s.demands.responded, s.demands.received, '已响应', '受理诉求');
    atMost(['demands', 'resolved'], s.demands.resolved, s.demands.received, '已办结', '受理诉求');
    atMost(['demands', 'rated'], s.demands.rated, s.demands.resolved, '参与评价', '已办结');
    atMost(['demands', 'satisfied'], s.demands.satisfied, s.demands.rated, '满意', '参与评价');
    const reported = GRID_EVENT_CATEGORIES.reduce((sum, c) => sum + s.gridEvents[c], 0);
    atMost(['gridEvents', 'closed'], s.gridEvents.closed, reported, '已办结事件', '各类事件合计');
    atMost(['disputes', 'mediated'], s.disputes.mediated, s.disputes.received, '调解成功', '受理矛盾纠纷');
    atMost(['hazards', 'fixed'], s.hazards.fixed, s.hazards.found, '整改到位', '排查隐患');
  });

export type Stats = z.infer<typeof statsSchema>;
