/**
 * Monthly governance statistics for one place and one month: `content/stats/<place>-<YYYY-MM>.json`.
 * Editors enter counts only. Rates (response, resolution, satisfaction, mediation success…) are derived in
 * `src/lib/stats/rates.ts` and never stored, so they cannot disagree with the counts.
 * `src/lib/stats/model.ts` reads the count fields from this schema: a count added here is summed over places and
 * months, listed as an indicator and shown in the CMS preview without an edit there. A count that is a stock at
 * the end of the month (a head count) is listed in its STOCK_FIELDS, so that it is not added up over months.
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
const GRID_EVENT_LABELS: Record<GridEventCategory, string> = {
  disputes: '矛盾纠纷',
  publicSecurity: '治安隐患',
  safety: '安全隐患',
  publicOpinion: '社情民意',
  sanitation: '环境卫生',
  livelihood: '民生服务',
};

/** Kinds of residents' demands, as 12345 bulletins and 群众说事 ledgers group them. */
export const DEMAND_CATEGORIES = [
  'livelihood',
  'disputes',
  'infrastructure',
  'environment',
  'policy',
  'other',
] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];
export const DEMAND_CATEGORY_LABELS: Record<DemandCategory, string> = {
  livelihood: '民生服务',
  disputes: '矛盾纠纷',
  infrastructure: '基础设施',
  environment: '环境卫生',
  policy: '政策咨询',
  other: '其他',
};

/** The level at which a demand was finally resolved ("90%以上在村和网格层面解决"). */
export const RESOLVING_LEVELS = ['grid', 'village', 'township', 'county'] as const;
export type ResolvingLevel = (typeof RESOLVING_LEVELS)[number];
export const RESOLVING_LEVEL_LABELS: Record<ResolvingLevel, string> = {
  grid: '网格',
  village: '村（社区）',
  township: '镇（街道）',
  county: '县（区）及以上',
};

/** One row of the per-unit table ("群众点单、部门领办"; the 12345 bulletin's 交办/按时/超时/未办结/不满意). */
const unitRow = z.strictObject({
  /** The unit that took the cases, e.g. 街道城管办, 村委会. */
  unit: field(z.string().min(2).max(30), { title: '承办单位', description: '如 街道城管办、桃源村村委会' }),
  assigned: count('交办', '件', '本月交给该单位办理的诉求'),
  onTime: count('按时办结', '件', '在服务标准时限内办结'),
  late: count('超时办结', '件', '超过服务标准时限才办结'),
  open: count('未办结', '件', '月底仍在办理'),
  dissatisfied: count('不满意', '件', '群众评价为不满意的件数'),
});
export type UnitRow = z.infer<typeof unitRow>;

/**
 * The closed loop in depth, all optional so records without it stay valid: demands by category, the level that
 * resolved them, on time vs late (still open = received − resolved, derived), and the per-unit table.
 */
const closedLoopSchema = z.strictObject({
  byCategory: field(
    z
      .strictObject({
        livelihood: count(`${DEMAND_CATEGORY_LABELS.livelihood}类诉求`, '件'),
        disputes: count(`${DEMAND_CATEGORY_LABELS.disputes}类诉求`, '件'),
        infrastructure: count(`${DEMAND_CATEGORY_LABELS.infrastructure}类诉求`, '件'),
        environment: count(`${DEMAND_CATEGORY_LABELS.environment}类诉求`, '件'),
        policy: count(`${DEMAND_CATEGORY_LABELS.policy}类诉求`, '件'),
        other: count(`${DEMAND_CATEGORY_LABELS.other}类诉求`, '件'),
      })
      .optional(),
    { title: '诉求类别', description: '各类相加应等于受理诉求' },
  ),
  byLevel: field(
    z
      .strictObject({
        grid: count(RESOLVING_LEVEL_LABELS.grid, '件'),
        village: count(RESOLVING_LEVEL_LABELS.village, '件'),
        township: count(RESOLVING_LEVEL_LABELS.township, '件'),
        county: count(RESOLVING_LEVEL_LABELS.county, '件'),
      })
      .optional(),
    { title: '办结层级', description: '已办结诉求在哪一级解决，相加应等于已办结' },
  ),
  timeliness: field(
    z
      .strictObject({
        onTime: count('按时办结', '件', '在服务标准时限内办结'),
        late: count('超时办结', '件', '超过时限才办结'),
      })
      .optional(),
    { title: '限时办结', description: '按时 + 超时应等于已办结；未办结由系统计算' },
  ),
  units: field(z.array(unitRow).optional(), { title: '承办单位', description: '每个承办单位一行' }),
});
export type ClosedLoop = z.infer<typeof closedLoopSchema>;

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
    /** Optional detail of how demands were handled (category, level, time limit, unit). */
    closedLoop: field(closedLoopSchema.optional(), { title: '闭环办理（选填）' }),
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
    // Only when resolved ≤ received: otherwise the line above already names the field and its cause.
    if (s.demands.resolved <= s.demands.received) {
      atMost(['demands', 'resolved'], s.demands.resolved, s.demands.responded, '已办结', '已响应');
    }
    atMost(['demands', 'rated'], s.demands.rated, s.demands.resolved, '参与评价', '已办结');
    atMost(['demands', 'satisfied'], s.demands.satisfied, s.demands.rated, '满意', '参与评价');
    const reported = GRID_EVENT_CATEGORIES.reduce((sum, c) => sum + s.gridEvents[c], 0);
    atMost(['gridEvents', 'closed'], s.gridEvents.closed, reported, '已办结事件', '各类事件合计');
    atMost(['disputes', 'mediated'], s.disputes.mediated, s.disputes.received, '调解成功', '受理矛盾纠纷');
    atMost(['hazards', 'fixed'], s.hazards.fixed, s.hazards.found, '整改到位', '排查隐患');
    closedLoopRules(s, ctx);
  });

/** Stage orderings of the optional closed-loop detail: its parts must add up to the counts they split. */
function closedLoopRules(
  s: { demands: { received: number; resolved: number }; closedLoop?: ClosedLoop | undefined },
  ctx: z.RefinementCtx,
) {
  const loop = s.closedLoop;
  if (loop === undefined) return;
  const issue = (path: (string | number)[], message: string, fix: string) =>
    ctx.addIssue({ code: 'custom', path: ['closedLoop', ...path], message, params: { fix } });
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  if (loop.byCategory !== undefined && sum(loop.byCategory) !== s.demands.received) {
    issue(
      ['byCategory'],
      `各类诉求合计 ${sum(loop.byCategory)} 件，与受理诉求 ${s.demands.received} 件不一致`,
      '核对台账：各类诉求相加应等于受理诉求',
    );
  }
  if (loop.byLevel !== undefined && sum(loop.byLevel) !== s.demands.resolved) {
    issue(
      ['byLevel'],
      `各层级办结合计 ${sum(loop.byLevel)} 件，与已办结 ${s.demands.resolved} 件不一致`,
      '核对台账：网格、村、镇、县各级办结相加应等于已办结',
    );
  }
  if (loop.timeliness !== undefined) {
    const { onTime, late } = loop.timeliness;
    if (onTime + late !== s.demands.resolved) {
      issue(
        ['timeliness'],
        `按时办结 ${onTime} 件 + 超时办结 ${late} 件 = ${onTime + late} 件，与已办结 ${s.demands.resolved} 件不一致`,
        '核对台账：按时办结与超时办结相加应等于已办结（未办结的不填在这里）',
      );
    }
  }
  (loop.units ?? []).forEach((row, i) => {
    const handled = row.onTime + row.late + row.open;
    if (handled !== row.assigned) {
      issue(
        ['units', i, 'assigned'],
        `${row.unit}交办 ${row.assigned} 件，但按时办结 + 超时办结 + 未办结 = ${handled} 件`,
        '核对台账：每个承办单位的按时办结、超时办结、未办结相加应等于交办件数',
      );
    }
    if (row.dissatisfied > row.onTime + row.late) {
      issue(
        ['units', i, 'dissatisfied'],
        `${row.unit}不满意 ${row.dissatisfied} 件，多于已办结 ${row.onTime + row.late} 件`,
        '核对台账：不满意件数不能超过该单位已办结的件数',
      );
    }
  });
  const assigned = (loop.units ?? []).reduce((a, r) => a + r.assigned, 0);
  if (assigned > s.demands.received) {
    issue(
      ['units'],
      `各承办单位交办合计 ${assigned} 件，多于受理诉求 ${s.demands.received} 件`,
      '核对台账：交办给各单位的诉求不能多于本月受理的诉求',
    );
  }
}

export type Stats = z.infer<typeof statsSchema>;
