/**
 * The site's view of matters (事项): public matters with their steps resolved against public meetings and notices,
 * the procedure's steps marked done / current / not started, and indexes by meeting, notice and place. Pages
 * read matters only through here (route data computed once; components take props).
 *
 * A step pointing to a meeting or notice that is not public yet (draft, scheduled) is dropped, so a matter cannot
 * reveal an embargoed notice's id or title early (as getMeetings does for decisions' notices).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { TODAY } from '~/build-info.ts';
import { decisionNoticeDelay, DEFAULT_DECISION_NOTICE_DAYS, type DecisionNoticeDelay } from '~/lib/matters/matters.ts';
import { decisionOutcome, type DecisionOutcome } from '~/lib/matters/quorum.ts';
import { routes } from '~/lib/site/routes.ts';
import {
  MATTER_STATUS_LABELS,
  PROCEDURE_LABELS,
  procedureSteps,
  type Matter,
  type MatterStatus,
  type ProcedureId,
  type ProcedureStep,
} from '~/schemas/matter.ts';
import { groupBy } from '~/lib/site/listing.ts';
import { pagedPaths } from '~/lib/site/pagination.ts';
import { getMeetings, getNotices, getSite, type HeldMeetingEntry } from './content.ts';
import { oncePerBuild } from './once.ts';
import { getPlaceTree, placeName } from './portal.ts';

export type StepState = 'done' | 'current' | 'todo';

export interface StepLink {
  kind: 'meeting' | 'notice';
  id: string;
  href: string;
  title: string;
  date: string;
}

/** One step of the procedure as a page shows it: its label, whether it is reached, and what was held for it. */
export interface StepView {
  id: string;
  label: string;
  state: StepState;
  links: StepLink[];
}

export interface MatterView {
  id: string;
  data: Matter;
  procedureLabel: string;
  steps: StepView[];
  /** Index (0-based) of the furthest step reached; -1 when none is public yet. */
  reached: number;
  /** The furthest step reached (第 n/total 步：label); none when no step is public yet. */
  counter?: { n: number; total: number; label: string };
  /** The deciding meeting's decision for this matter, with its outcome. */
  decision?: { meeting: HeldMeetingEntry; title: string; outcome: DecisionOutcome | undefined };
  /** How late the decision notice came (or is), when a decision has been made. */
  noticeDelay?: DecisionNoticeDelay;
  /** Day of the first and of the last dated event (step or milestone). */
  started?: string;
  updated?: string;
  /** Latest milestone progress, in percent. */
  progress?: number;
  /** Year the matter started, for the year filter. */
  year?: string;
}

function buildView(
  entry: CollectionEntry<'matters'>,
  meetings: ReadonlyMap<string, HeldMeetingEntry>,
  notices: ReadonlyMap<string, CollectionEntry<'notices'>>,
  deadlineDays: number,
): MatterView {
  const m = entry.data;
  const defs: readonly ProcedureStep[] = procedureSteps(m.procedure);
  const links = new Map<string, StepLink[]>();
  const resolved: { def: ProcedureStep | undefined; date?: string }[] = [];
  for (const s of m.steps) {
    const def = defs.find((d) => d.id === s.step);
    const meeting = s.meeting === undefined ? undefined : meetings.get(s.meeting);
    const notice = s.notice === undefined ? undefined : notices.get(s.notice);
    const link: StepLink | undefined = meeting
      ? {
          kind: 'meeting',
          id: meeting.id,
          href: routes.meeting(meeting.id),
          title: meeting.data.title,
          date: meeting.data.date,
        }
      : notice
        ? {
            kind: 'notice',
            id: notice.id,
            href: routes.notice(notice.id),
            title: notice.data.title,
            date: notice.data.published,
          }
        : undefined;
    if (def === undefined || link === undefined) continue;
    links.set(def.id, [...(links.get(def.id) ?? []), link]);
    resolved.push({ def, date: link.date });
  }
  const reached = defs.reduce((max, d, i) => (links.has(d.id) ? i : max), -1);
  const done = m.status === 'done';
  const steps = defs.map((d, i) => ({
    id: d.id,
    label: d.label,
    state: (i < reached || (done && i === reached) ? 'done' : i === reached ? 'current' : 'todo') as StepState,
    links: links.get(d.id) ?? [],
  }));
  const view: MatterView = {
    id: entry.id,
    // Steps naming a meeting or notice that is not public yet are left out everywhere, open data included.
    data: {
      ...m,
      steps: m.steps.filter((s) =>
        s.meeting !== undefined ? meetings.has(s.meeting) : s.notice !== undefined && notices.has(s.notice),
      ),
    },
    procedureLabel: PROCEDURE_LABELS[m.procedure],
    steps,
    reached,
  };
  const reachedStep = steps[reached];
  if (reachedStep !== undefined) view.counter = { n: reached + 1, total: steps.length, label: reachedStep.label };
  const decisionStep = defs.find((d) => d.role === 'decision');
  const decidingMeeting = decisionStep && links.get(decisionStep.id)?.at(-1);
  const meeting = decidingMeeting && meetings.get(decidingMeeting.id);
  const item = meeting?.data.decisions.find((d) => d.matter === entry.id);
  if (meeting !== undefined && item !== undefined) {
    view.decision = {
      meeting,
      title: item.title,
      outcome: decisionOutcome(meeting.data.body, meeting.data.attendance, item.votes),
    };
  }
  const delay = decisionNoticeDelay(
    resolved.map((r, index) => ({ index, def: r.def, ...(r.date === undefined ? {} : { date: r.date }) })),
    TODAY,
    deadlineDays,
  );
  if (delay !== undefined) view.noticeDelay = delay;
  const dates = [...resolved.flatMap((r) => (r.date ? [r.date] : [])), ...m.milestones.map((ms) => ms.date)].sort();
  if (dates[0] !== undefined) {
    view.started = dates[0];
    view.year = dates[0].slice(0, 4);
  }
  const last = dates.at(-1);
  if (last !== undefined) view.updated = last;
  const progress = m.milestones.findLast((ms) => ms.progress !== undefined)?.progress;
  if (progress !== undefined) view.progress = progress;
  return view;
}

/** Public matters (not drafts, at least one public step), most recently active first. */
export const getMatters: () => Promise<MatterView[]> = oncePerBuild(async () => {
  const [meetings, notices, site] = await Promise.all([getMeetings(), getNotices(), getSite()]);
  const meetingsById = new Map(meetings.map((m) => [m.id, m]));
  const noticesById = new Map(notices.map((n) => [n.id, n]));
  const days = site.decisionNoticeDays ?? DEFAULT_DECISION_NOTICE_DAYS;
  return (await getCollection('matters', (e) => !e.data.draft))
    .map((e) => buildView(e, meetingsById, noticesById, days))
    .filter((v) => v.reached >= 0)
    .sort((a, b) => ((b.updated ?? '') < (a.updated ?? '') ? -1 : (b.updated ?? '') > (a.updated ?? '') ? 1 : 0));
});

/** Matters by the meetings and notices their steps link to (for the matter section on those pages). */
const getMattersByItem: () => Promise<ReadonlyMap<string, readonly MatterView[]>> = oncePerBuild(async () => {
  const index = new Map<string, MatterView[]>();
  for (const view of await getMatters()) {
    const keys = new Set(view.steps.flatMap((s) => s.links.map((l) => `${l.kind}:${l.id}`)));
    for (const key of keys) index.set(key, [...(index.get(key) ?? []), view]);
  }
  return index;
});

export async function mattersOfMeeting(id: string): Promise<readonly MatterView[]> {
  return (await getMattersByItem()).get(`meeting:${id}`) ?? [];
}

export async function mattersOfNotice(id: string): Promise<readonly MatterView[]> {
  return (await getMattersByItem()).get(`notice:${id}`) ?? [];
}

/** Display names of the places that have matters (grids with their village in front). */
export const getMatterPlaceNames: () => Promise<ReadonlyMap<string, string>> = oncePerBuild(async () => {
  const tree = await getPlaceTree();
  return new Map((await getMatters()).map((m) => [m.data.place, placeName(tree, m.data.place)]));
});

/** One dated line of a matter's timeline: a step's meeting or notice, or a milestone. */
export interface TimelineEntry {
  date: string;
  kind: 'step' | 'milestone';
  /** Step label (议事环节) or milestone label. */
  label: string;
  /** Meeting or notice title (steps only). */
  title?: string;
  href?: string;
  progress?: number;
  note?: string;
}

/** Steps and milestones in date order (a step before a milestone on the same day). */
export function matterTimeline(view: MatterView): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...view.steps.flatMap((s) =>
      s.links.map((l) => ({ date: l.date, kind: 'step' as const, label: s.label, title: l.title, href: l.href })),
    ),
    ...view.data.milestones.map((ms) => ({
      date: ms.date,
      kind: 'milestone' as const,
      label: ms.label,
      ...(ms.progress === undefined ? {} : { progress: ms.progress }),
      ...(ms.note === undefined ? {} : { note: ms.note }),
    })),
  ];
  const rank = (e: TimelineEntry) => (e.kind === 'step' ? 0 : 1);
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rank(a) - rank(b)));
}

export type MatterFacet = 'place' | 'status' | 'procedure' | 'year';

/**
 * Static paths of the matters filtered by one facet (one route file per facet, /matters/<facet>/<value>/, so each
 * filter's folder is a fixed word like the notice filters), with the value's label for the heading.
 */
export async function matterFacetPaths(facet: MatterFacet, pageSize: number) {
  const matters = await getMatters();
  const tree = await getPlaceTree();
  const valueOf: Record<MatterFacet, (m: MatterView) => string> = {
    place: (m) => m.data.place,
    status: (m) => m.data.status,
    procedure: (m) => m.data.procedure,
    year: (m) => m.year ?? '',
  };
  const label: Record<MatterFacet, (v: string) => string> = {
    place: (v) => placeName(tree, v),
    status: (v) => MATTER_STATUS_LABELS[v as MatterStatus],
    procedure: (v) => PROCEDURE_LABELS[v as ProcedureId],
    year: (v) => `${v}年`,
  };
  return [...groupBy(matters, valueOf[facet])]
    .filter(([value]) => value !== '')
    .flatMap(([value, items]) => pagedPaths(items, pageSize, { value }, { label: label[facet](value) }));
}
