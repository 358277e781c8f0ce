/**
 * Page keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs). A page returned by
 * getStaticPaths with a `cacheKey` is copied from the last build when its key and its template's code are
 * unchanged, so a key is the digest of everything the page is rendered from:
 * - its props (entries by Astro's digest of their data and body, src/lib/build/cache-key.ts);
 * - what every page shows: the site settings and the place tree (names in breadcrumbs, kickers, filters);
 * - `inputs`: what the route's frontmatter reads besides its props (related entries, git history, attachments);
 * - each entry's state on the build day (entryState below): a notice's 公示 badge, a withdrawal or correction
 *   taking effect. Never the date itself, so a page re-renders on the day its state changes, not every day.
 *
 * A value a page shows but its key leaves out is a stale page: tests/incremental-build.test.ts edits every kind of
 * content, rebuilds incrementally and compares with a full build, byte for byte.
 */
import { TODAY } from '~/build-info.ts';
import { digestOf, type EntryLike } from '~/lib/build/cache-key.ts';
import { noticeState, noticeStateLabel, type NoticePeriod } from '~/lib/record/notice-state.ts';
import { isWithdrawn, majorChanges, type ChangeNote, type WithdrawalRecord } from '~/lib/record/public-record.ts';
import { getPlaces, getSite } from './content.ts';
import { oncePerBuild } from './once.ts';

interface DatedData {
  period?: NoticePeriod;
  withdrawn?: WithdrawalRecord;
  changes?: readonly ChangeNote[];
}

/**
 * What the build day shows of an entry (the components that read TODAY: NoticeStateBadge, CorrectionNotes,
 * ChangeLog): the 公示 badge's text, whether a withdrawal is in force, how many corrections are in force.
 */
export function entryState(entry: EntryLike): unknown {
  // Every page key digests the entries it shows (a place page: every notice under it), so the state is worked out
  // once per entry and build day, not once per page: per page it was a tenth of a 10k build.
  const key = `${entry.collection}/${entry.id}#${entry.digest ?? ''}`;
  if (!states.has(key)) states.set(key, stateOf(entry));
  return states.get(key);
}

/** entryState per entry (collection, id, digest) for this build's day. */
const states = new Map<string, unknown>();

function stateOf(entry: EntryLike): unknown {
  const data = entry.data as DatedData;
  const state: unknown[] = [];
  if (data.period !== undefined) state.push(noticeStateLabel(noticeState(data.period, TODAY, data.withdrawn)));
  if (data.withdrawn !== undefined) state.push(isWithdrawn(data.withdrawn, TODAY));
  if (data.changes !== undefined && data.changes.length > 0) {
    state.push(majorChanges(data.changes).filter((c) => c.date <= TODAY).length);
  }
  return state.length === 0 ? undefined : state;
}

/** The digest of what every page shows around its content. */
const frameDigest: () => Promise<string> = oncePerBuild(async () => {
  const [site, places] = await Promise.all([getSite(), getPlaces()]);
  return digestOf({ site, places }, entryState);
});

/** The digest of `value` with each entry's state on the build day (for inputs shared by many pages). */
export function digestWithState(value: unknown): string {
  return digestOf(value, entryState);
}

/**
 * The paths of a route with their cacheKey. `inputs(path)` returns what the page reads besides its props; it may
 * return digests (strings) of large shared inputs, computed once per build.
 */
export async function keyed<P extends { params: object; props?: unknown }>(
  paths: readonly P[],
  inputs?: (path: P) => unknown,
  /** False where the props are derived from `inputs` and the params (and hold functions): the params are digested. */
  { digestProps = true }: { digestProps?: boolean } = {},
): Promise<(P & { cacheKey: string })[]> {
  const frame = await frameDigest();
  return Promise.all(
    paths.map(async (path) => {
      const own = digestProps ? (path.props ?? null) : path.params;
      const extra = inputs === undefined ? null : await inputs(path);
      return { ...path, cacheKey: digestOf([frame, own, extra], entryState) };
    }),
  );
}

/** Paths whose props are the page's whole view, `view(path)`, with their cacheKey: the page renders the view only. */
export async function keyedViews<P extends { params: Record<string, string | undefined>; props: object }, V>(
  paths: readonly P[],
  view: (path: P) => Promise<V>,
): Promise<{ params: P['params']; props: { view: V }; cacheKey: string }[]> {
  return keyed(
    await Promise.all(paths.map(async (path) => ({ params: path.params, props: { view: await view(path) } }))),
  );
}
