/**
 * The site's view of the content: Astro collections filtered to what is public on the build day.
 * Pages read content only through here, so drafts and scheduled items cannot slip into one page and not another.
 *
 * Each collection is read, filtered and sorted once per build (./once.ts). Callers get their own copy of the
 * array, so sorting one list cannot reorder another page's.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { TODAY } from '~/build-info.ts';
import { isPublic } from '~/lib/record/publishing.ts';
import type { HeldMeeting } from '~/schemas/meeting.ts';
import { RULE_KINDS } from '~/schemas/rule.ts';
import { oncePerBuild } from './once.ts';

/** Minutes of a held meeting: a meetings entry whose attendance is known. */
export type HeldMeetingEntry = Omit<CollectionEntry<'meetings'>, 'data'> & { data: HeldMeeting };

/** A list computed once per build; each caller gets its own copy of the array. */
function listOncePerBuild<T>(load: () => Promise<T[]>): () => Promise<T[]> {
  const shared = oncePerBuild(load);
  return async () => [...(await shared())];
}

/** Code-point order: content ids and ISO dates are ASCII, and localeCompare is many times slower on 10k items. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function getSite() {
  const entry = await getEntry('site', 'site');
  if (entry === undefined) throw new Error('content/site.json is missing');
  return entry.data;
}

export const getPlaces: () => Promise<CollectionEntry<'places'>[]> = listOncePerBuild(async () =>
  (await getCollection('places')).sort((a, b) => a.data.order - b.data.order || byText(a.id, b.id)),
);

/** Public notices, newest first. */
export const getNotices: () => Promise<CollectionEntry<'notices'>[]> = listOncePerBuild(async () =>
  (await getCollection('notices', (e) => isPublic(e.data, TODAY))).sort(
    (a, b) => byText(b.data.published, a.data.published) || byText(a.id, b.id),
  ),
);

/**
 * Public minutes (a meeting is public from its date unless it is a draft), newest first. A decision's notice ids
 * keep only public notices: a public meeting naming a scheduled or draft notice must not reveal its id early,
 * on the page, in data/meetings.json/.csv, the feeds or the search index (issue 12).
 */
export const getMeetings: () => Promise<HeldMeetingEntry[]> = listOncePerBuild(async () => {
  const publicNotices = new Set((await getNotices()).map((n) => n.id));
  return (
    await getCollection(
      'meetings',
      (e) => e.data.status !== 'scheduled' && isPublic({ draft: e.data.draft, published: e.data.date }, TODAY),
    )
  )
    .flatMap((meeting) =>
      meeting.data.attendance === undefined ? [] : [{ ...meeting, attendance: meeting.data.attendance }],
    )
    .map(({ attendance, ...meeting }) => ({
      ...meeting,
      data: {
        ...meeting.data,
        attendance,
        decisions: meeting.data.decisions.map((d) => ({
          ...d,
          notices: d.notices.filter((id) => publicNotices.has(id)),
        })),
      },
    }))
    .sort((a, b) => byText(b.data.date, a.data.date) || byText(a.id, b.id));
});

/**
 * Meetings announced before they are held (即将召开): not drafts, dated today or later, soonest first. They are
 * public from the day they are written, so residents can come (列席/旁听); after the meeting the same file
 * becomes the minutes and moves to getMeetings.
 */
export const getUpcomingMeetings: () => Promise<CollectionEntry<'meetings'>[]> = listOncePerBuild(async () =>
  (await getCollection('meetings', (e) => e.data.status === 'scheduled' && !e.data.draft && e.data.date >= TODAY)).sort(
    (a, b) => byText(a.data.date, b.data.date) || byText(a.data.time ?? '', b.data.time ?? ''),
  ),
);

/** Public legal-education items, newest first. */
export const getLegal: () => Promise<CollectionEntry<'legal'>[]> = listOncePerBuild(async () =>
  (await getCollection('legal', (e) => isPublic(e.data, TODAY))).sort(
    (a, b) => byText(b.data.published, a.data.published) || byText(a.id, b.id),
  ),
);

/** Public rules and lists (村规民约, 清单…), by kind, then newest first. */
export const getRules: () => Promise<CollectionEntry<'rules'>[]> = listOncePerBuild(async () =>
  (await getCollection('rules', (e) => isPublic(e.data, TODAY))).sort(
    (a, b) =>
      RULE_KINDS.indexOf(a.data.kind) - RULE_KINDS.indexOf(b.data.kind) ||
      byText(b.data.published, a.data.published) ||
      byText(a.id, b.id),
  ),
);

/** Statistics records (months up to the build month; validation rejects future months). */
export const getStats: () => Promise<CollectionEntry<'stats'>[]> = listOncePerBuild(async () =>
  (await getCollection('stats')).sort(
    (a, b) => byText(a.data.month, b.data.month) || byText(a.data.place, b.data.place),
  ),
);
