/**
 * Matters (事项): the rules that tie a matter to its meetings and notices, and the timeline the matter page shows.
 * Pure: takes parsed entries, returns errors, warnings and view data. The procedures and their steps are the table
 * in src/schemas/matter.ts; nothing here names a step id, only the roles steps play (decision, decision notice,
 * result notice), so a new procedure needs no change here.
 */
import {
  MATTER_STATUS_LABELS,
  PROCEDURES,
  procedureSteps,
  type Matter,
  type ProcedureStep,
} from '../../schemas/matter.ts';
import { MEETING_BODY_LABELS, type Meeting } from '../../schemas/meeting.ts';
import type { Notice } from '../../schemas/notice.ts';
import type { Entry } from '../content/content-rules.ts';
import { daysBetween } from '../site/dates.ts';
import type { ContentError } from '../content/friendly-errors.ts';
import { decisionOutcome, quorumOf } from './quorum.ts';
import { missingReference } from '../content/friendly-errors.ts';

/** Days after the decision within which the 决议公开 notice is due, unless site.json says otherwise. */
export const DEFAULT_DECISION_NOTICE_DAYS = 5;

export interface MatterProblems {
  errors: ContentError[];
  /** Problems that are reported but do not stop the build (a late 决议公开 cannot be undone). */
  warnings: ContentError[];
}

interface Refs {
  meetings: ReadonlyMap<string, Entry<Meeting>>;
  notices: ReadonlyMap<string, Entry<Notice>>;
}

function problem(
  entry: Entry<unknown>,
  path: PropertyKey[],
  label: string,
  message: string,
  fix: string,
): ContentError {
  const e: ContentError = { file: entry.file, field: path.map(String).join('.'), label, message, fix };
  const line = entry.lineOf?.(path);
  if (line !== undefined) e.line = line;
  return e;
}

/** A step of a matter with what it points to, resolved against the meetings and notices. */
export interface ResolvedStep {
  index: number;
  def: ProcedureStep | undefined;
  meeting?: Entry<Meeting>;
  notice?: Entry<Notice>;
  /** Meeting date or notice publish date. */
  date?: string;
}

function resolveSteps(matter: Matter, refs: Refs): ResolvedStep[] {
  const defs = procedureSteps(matter.procedure);
  return matter.steps.map((s, index) => {
    const r: ResolvedStep = { index, def: defs.find((d) => d.id === s.step) };
    if (s.meeting !== undefined) {
      const meeting = refs.meetings.get(s.meeting);
      if (meeting !== undefined) {
        r.meeting = meeting;
        r.date = meeting.data.date;
      }
    }
    if (s.notice !== undefined) {
      const notice = refs.notices.get(s.notice);
      if (notice !== undefined) {
        r.notice = notice;
        r.date = notice.data.published;
      }
    }
    return r;
  });
}

/** How late the 决议公开 is: days past the deadline (0 or less when on time), or undefined when not yet due. */
export interface DecisionNoticeDelay {
  decisionDate: string;
  deadlineDays: number;
  /** The notice's publish day, when there is one. */
  publishedOn?: string;
  /** Days after the decision that the notice came (or that have passed, when there is none yet). */
  days: number;
  late: boolean;
}

export function decisionNoticeDelay(
  steps: readonly ResolvedStep[],
  today: string,
  deadlineDays: number,
): DecisionNoticeDelay | undefined {
  const decision = steps.findLast((s) => s.def?.role === 'decision' && s.date !== undefined);
  if (decision?.date === undefined) return undefined;
  const notice = steps.find((s) => s.def?.role === 'decision-notice' && s.date !== undefined);
  const end = notice?.date ?? today;
  const days = daysBetween(decision.date, end);
  const delay: DecisionNoticeDelay = { decisionDate: decision.date, deadlineDays, days, late: days > deadlineDays };
  if (notice?.date !== undefined) delay.publishedOn = notice.date;
  return delay;
}

const arrow = (steps: readonly ProcedureStep[]) => steps.map((s) => s.label).join(' → ');

/** Every rule on every matter, and on decisions in minutes that name a matter. */
export function matterProblems(
  matters: readonly Entry<Matter>[],
  meetings: readonly Entry<Meeting>[],
  notices: readonly Entry<Notice>[],
  today: string,
  deadlineDays: number = DEFAULT_DECISION_NOTICE_DAYS,
): MatterProblems {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const refs: Refs = {
    meetings: new Map(meetings.map((m) => [m.id, m])),
    notices: new Map(notices.map((n) => [n.id, n])),
  };
  const byId = new Map(matters.map((m) => [m.id, m]));

  for (const entry of matters) {
    const m = entry.data;
    const procedure = PROCEDURES[m.procedure];
    const defs = procedureSteps(m.procedure);
    const steps = resolveSteps(m, refs);
    let furthest: ResolvedStep | undefined;
    let previousDated: ResolvedStep | undefined;
    for (const s of steps) {
      const raw = m.steps[s.index];
      if (raw === undefined) continue;
      const at = ['steps', s.index];
      if (s.def === undefined) {
        errors.push(
          problem(
            entry,
            [...at, 'step'],
            '议事环节 › 环节',
            `“${raw.step}”不是${procedure.label}的环节`,
            `${procedure.label}的环节依次为：${arrow(defs)}`,
          ),
        );
        continue;
      }
      const def = s.def;
      if (raw.meeting !== undefined && s.meeting === undefined) {
        errors.push(
          missingReference(
            problem(
              entry,
              [...at, 'meeting'],
              '议事环节 › 会议纪要',
              `找不到会议纪要“${raw.meeting}”`,
              '填写 content/meetings 中会议纪要的文件名（不含 .md）',
            ),
            ['meetings'],
            raw.meeting,
          ),
        );
      }
      if (raw.notice !== undefined && s.notice === undefined) {
        errors.push(
          missingReference(
            problem(
              entry,
              [...at, 'notice'],
              '议事环节 › 公告',
              `找不到公告“${raw.notice}”`,
              '填写 content/notices 中公告的文件名（不含 .md）',
            ),
            ['notices'],
            raw.notice,
          ),
        );
      }
      if (def.kind === 'notice' && raw.meeting !== undefined) {
        errors.push(
          problem(
            entry,
            [...at, 'meeting'],
            '议事环节 › 会议纪要',
            `“${def.label}”是公开环节，应关联公告，不是会议纪要`,
            `在“公告”中填写${def.label}的公告编号，会议纪要放到对应的会议环节`,
          ),
        );
      }
      if (def.kind === 'meeting' && raw.notice !== undefined) {
        errors.push(
          problem(
            entry,
            [...at, 'notice'],
            '议事环节 › 公告',
            `“${def.label}”是会议环节，应关联会议纪要，不是公告`,
            `在“会议纪要”中填写${def.label}会议的纪要编号，公告放到对应的公开环节`,
          ),
        );
      }
      if (s.meeting !== undefined && def.bodies !== undefined && !def.bodies.includes(s.meeting.data.body)) {
        errors.push(
          problem(
            entry,
            [...at, 'meeting'],
            '议事环节 › 会议纪要',
            `${MEETING_BODY_LABELS[s.meeting.data.body]}“${s.meeting.data.title}”不能作为“${def.label}”环节`,
            `“${def.label}”应由${def.bodies.map((b) => MEETING_BODY_LABELS[b]).join('或')}进行：关联对应的会议纪要，或改选环节`,
          ),
        );
      }
      const place = s.meeting?.data.place ?? s.notice?.data.place;
      if (place !== undefined && place !== m.place) {
        errors.push(
          problem(
            entry,
            [...at, s.meeting !== undefined ? 'meeting' : 'notice'],
            s.meeting !== undefined ? '议事环节 › 会议纪要' : '议事环节 › 公告',
            `“${(s.meeting ?? s.notice)?.data.title ?? ''}”属于“${place}”，不是本事项的村/社区“${m.place}”`,
            '关联本村/社区的会议纪要或公告，或改正事项的村/社区',
          ),
        );
      }
      const order = defs.indexOf(def);
      if (furthest?.def !== undefined && order < defs.indexOf(furthest.def)) {
        errors.push(
          problem(
            entry,
            [...at, 'step'],
            '议事环节 › 环节',
            `环节“${def.label}”排在“${furthest.def.label}”之后，不合${procedure.label}的顺序`,
            `按顺序排列：${arrow(defs)}`,
          ),
        );
      } else {
        furthest = s;
      }
      if (s.date !== undefined && previousDated?.date !== undefined && s.date < previousDated.date) {
        errors.push(
          problem(
            entry,
            at,
            '议事环节',
            `环节“${def.label}”的日期 ${s.date} 早于上一环节“${previousDated.def?.label ?? ''}”的 ${previousDated.date}`,
            '核对会议日期和公告发布日期：环节按日期先后排列',
          ),
        );
      }
      if (s.date !== undefined) previousDated = s;
    }

    const decisionDef = defs.find((d) => d.role === 'decision');
    const resultDef = defs.find((d) => d.role === 'result-notice');
    const noticeDef = defs.find((d) => d.role === 'decision-notice');
    const decision = steps.findLast((s) => s.def?.role === 'decision');
    const decided = m.status === 'decided' || m.status === 'in-progress' || m.status === 'done';
    if (decided && decision === undefined && decisionDef !== undefined) {
      errors.push(
        problem(
          entry,
          ['status'],
          '状态',
          `状态为“${MATTER_STATUS_LABELS[m.status]}”，但还没有“${decisionDef.label}”环节`,
          `添加“${decisionDef.label}”环节并关联表决的会议纪要，或把状态改为“议事中”`,
        ),
      );
    }
    if (decision?.meeting !== undefined && decision.meeting.data.attendance === undefined) {
      errors.push(
        problem(
          entry,
          ['steps', decision.index, 'meeting'],
          '议事环节 › 会议纪要',
          `决议会议“${decision.meeting.data.title}”还没有召开（会议预告），不能作为已作出的决议`,
          '会后把会议纪要的“会议状态”改为“已召开”并填写出席情况和表决结果',
        ),
      );
    } else if (decision?.meeting !== undefined && decision.meeting.data.attendance !== undefined) {
      const meeting = { ...decision.meeting.data, attendance: decision.meeting.data.attendance };
      const at = ['steps', decision.index, 'meeting'];
      const quorum = quorumOf(meeting.body, meeting.attendance);
      const item = meeting.decisions.find((d) => d.matter === entry.id);
      if (!quorum.met) {
        errors.push(
          problem(
            entry,
            at,
            '议事环节 › 会议纪要',
            `决议会议“${meeting.title}”实到 ${quorum.present} 人，不足法定的 ${quorum.required} 人（应到 ${quorum.expected} 人），不能作出决议`,
            '关联重新召开、到会人数符合规定的会议纪要',
          ),
        );
      } else if (item === undefined) {
        errors.push(
          problem(
            entry,
            at,
            '议事环节 › 会议纪要',
            `会议纪要“${decision.meeting.id}”中没有属于本事项的决定`,
            `在该会议纪要的决定事项中，把“所属事项”填为 ${entry.id}`,
          ),
        );
      } else {
        const outcome = decisionOutcome(meeting.body, meeting.attendance, item.votes);
        if (outcome === undefined) {
          errors.push(
            problem(
              entry,
              at,
              '议事环节 › 会议纪要',
              `决定“${item.title}”没有表决结果`,
              '在会议纪要中填写赞成、反对、弃权票数',
            ),
          );
        } else if (outcome.kind !== 'passed') {
          errors.push(
            problem(
              entry,
              at,
              '议事环节 › 会议纪要',
              `决定“${item.title}”赞成 ${item.votes?.for ?? 0} 票，未达到通过所需的 ${outcome.needed} 票`,
              '未通过的决定不能作为决议环节：重新表决后关联新的会议纪要，或把状态改为“暂缓”',
            ),
          );
        }
      }
    }

    const delay = decisionNoticeDelay(steps, today, deadlineDays);
    if (delay?.late === true && noticeDef !== undefined) {
      const noticeStep = steps.find((s) => s.def?.role === 'decision-notice' && s.date !== undefined);
      if (noticeStep !== undefined && delay.publishedOn !== undefined) {
        warnings.push(
          problem(
            entry,
            ['steps', noticeStep.index, 'notice'],
            '议事环节 › 公告',
            `${noticeDef.label}晚了 ${delay.days - deadlineDays} 天：决议于 ${delay.decisionDate} 作出，公告 ${delay.publishedOn} 才发布（应在 ${deadlineDays} 天内）`,
            '决议作出后及时公开；确有原因推迟的，在公告中说明',
          ),
        );
      } else if (decided) {
        warnings.push(
          problem(
            entry,
            ['steps'],
            '议事环节',
            `决议于 ${delay.decisionDate} 作出，已过 ${delay.days} 天仍没有“${noticeDef.label}”公告（应在 ${deadlineDays} 天内）`,
            `发布公开决议的公告，并在事项中添加“${noticeDef.label}”环节`,
          ),
        );
      }
    }

    if (m.status === 'done' && resultDef !== undefined && !steps.some((s) => s.def === resultDef && s.notice)) {
      errors.push(
        problem(
          entry,
          ['status'],
          '状态',
          `状态为“已完成”，但没有“${resultDef.label}”公告`,
          `添加“${resultDef.label}”环节并关联公开实施结果的公告，或把状态改为“实施中”`,
        ),
      );
    }
  }

  for (const meeting of meetings) {
    meeting.data.decisions.forEach((d, i) => {
      if (d.matter === undefined) return;
      const matter = byId.get(d.matter);
      const at = ['decisions', i, 'matter'];
      if (matter === undefined) {
        errors.push(
          missingReference(
            problem(
              meeting,
              at,
              '决定事项 › 所属事项',
              `找不到事项“${d.matter}”`,
              '填写 content/matters 中事项的文件名（不含 .json）',
            ),
            ['matters'],
            d.matter,
          ),
        );
      } else if (!matter.data.steps.some((s) => s.meeting === meeting.id)) {
        errors.push(
          problem(
            meeting,
            at,
            '决定事项 › 所属事项',
            `事项“${matter.data.title}”的议事环节中没有这份会议纪要`,
            `在 ${matter.file} 的“议事环节”中添加本会议（${meeting.id}）`,
          ),
        );
      }
    });
  }
  return { errors, warnings };
}
