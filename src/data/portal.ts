/**
 * What the portal pages need beyond the raw collections: the place tree with display names, statistics per
 * place and month, change histories. Everything still comes from src/data/content.ts (public items only).
 */
import path from 'node:path';
import type { CollectionEntry } from 'astro:content';
import { TODAY } from '~/build-info.ts';
import { StatsCube, type Coverage } from '~/lib/stats/aggregate.ts';
import type { FileChange } from '~/lib/record/change-history.ts';
import { describeAttachment, readAttachmentInfo } from '~/lib/content/attachment-info.ts';
import { contentDir } from '~/lib/content/content-files.ts';
import { addMonths, monthOf } from '~/lib/site/dates.ts';
import { reportingStatus, type MonthStatus } from '~/lib/stats/stats-completeness.ts';
import { PlaceTree } from '~/lib/places/place-tree.ts';
import type { StatsCounts } from '~/lib/stats/model.ts';
import type { Place } from '~/schemas/place.ts';
import { getMeetings, getNotices, getPlaces, getStats } from './content.ts';
import { getChangeHistory } from './history.ts';
import { oncePerBuild } from './once.ts';

export type PlaceNode = Place & { id: string };

/** The place hierarchy (built once per build; afresh on each request in dev, where editors add places). */
export const getPlaceTree: () => Promise<PlaceTree<PlaceNode>> = oncePerBuild(
  async () => new PlaceTree((await getPlaces()).map((e) => ({ ...e.data, id: e.id }))),
);

/** Public notices by id, for pages that link to notices named in minutes. Read-only: shared by every page. */
export const getNoticesById: () => Promise<ReadonlyMap<string, CollectionEntry<'notices'>>> = oncePerBuild(
  async () => new Map((await getNotices()).map((n) => [n.id, n])),
);

export interface DecisionRef {
  meeting: CollectionEntry<'meetings'>;
  decision: CollectionEntry<'meetings'>['data']['decisions'][number];
}

/**
 * For each notice id, the decisions (of public minutes) that name it as their result notice, newest meeting
 * first. Built once, so a notice page does not scan every meeting's decisions (quadratic at 10k entries).
 */
export const getDecisionsByNotice: () => Promise<ReadonlyMap<string, readonly DecisionRef[]>> = oncePerBuild(
  async () => {
    const byNotice = new Map<string, DecisionRef[]>();
    for (const meeting of await getMeetings()) {
      for (const decision of meeting.data.decisions) {
        for (const id of new Set(decision.notices)) {
          const list = byNotice.get(id);
          if (list === undefined) byNotice.set(id, [{ meeting, decision }]);
          else list.push({ meeting, decision });
        }
      }
    }
    return byNotice;
  },
);

/**
 * Name residents recognise: grids are numbered within their village (第一网格), so a grid is shown with its
 * village in front (桃源村第一网格); other places by their own name. Unknown ids show as themselves.
 */
export function placeName(tree: PlaceTree<PlaceNode>, id: string): string {
  const place = tree.get(id);
  if (place === undefined) return id;
  if (place.level !== 'grid' || place.parent === undefined) return place.name;
  const parent = tree.get(place.parent);
  return parent === undefined || place.name.startsWith(parent.name) ? place.name : `${parent.name}${place.name}`;
}

/** Every place's display name (placeName) by id, for lists that name each item's place. */
export const getPlaceNames: () => Promise<ReadonlyMap<string, string>> = oncePerBuild(async () => {
  const tree = await getPlaceTree();
  return new Map((await getPlaces()).map((p) => [p.id, placeName(tree, p.id)]));
});

/**
 * Whose notices and minutes a place page (and its feed) shows. A grid publishes nothing itself: its residents
 * read their village's. The 街道 shows its own items only (each village has its page); a village or community
 * shows its own and its grids'. `scopeId` is the place whose own lists (/notices/place/…) hold the items.
 */
export function placeScope(
  tree: PlaceTree<PlaceNode>,
  id: string,
  rootId: string,
): { scopeId: string; ids: ReadonlySet<string> } {
  const place = tree.get(id);
  const scopeId = place?.level === 'grid' && place.parent !== undefined ? place.parent : id;
  return { scopeId, ids: id === rootId ? new Set([id]) : tree.subtreeIds(scopeId) };
}

export interface PlaceMonthFigures {
  month: string;
  counts: StatsCounts;
  /** The month before, when it is complete too (a partial month is never compared with a full one). */
  previous: StatsCounts | undefined;
  /** "已报送 N/M" for `month`. */
  coverage: Coverage;
  /** Later months in which only some units have reported: labelled, never summed. */
  partialAfter: MonthStatus[];
}

/** Every statistics record rolled up the whole place tree, once per build. */
const getStatsCube: () => Promise<StatsCube> = oncePerBuild(async () => {
  const [records, places] = await Promise.all([getStats(), getPlaces()]);
  const thisMonth = monthOf(TODAY);
  return new StatsCube(
    records.map((r) => r.data).filter((r) => r.month <= thisMonth),
    places.map((p) => ({ id: p.id, parent: p.data.parent })),
  );
});

/**
 * The latest month (not after the build month) for which `placeId` has complete figures (its own record, or every
 * unit below it reported), with the month before for comparison. `undefined` when no month is complete.
 */
export async function latestFigures(placeId: string): Promise<PlaceMonthFigures | undefined> {
  const cube = await getStatsCube();
  const { latestComplete: month, partialAfter } = reportingStatus(cube, placeId);
  if (month === undefined) return undefined;
  const counts = cube.total(placeId, month);
  if (counts === undefined) return undefined;
  return {
    month,
    counts,
    previous: cube.total(placeId, addMonths(month, -1)),
    coverage: cube.coverage(placeId, month),
    partialAfter,
  };
}

/** Changes to an entry's file from git, newest first (empty outside git or for uncommitted files). */
export async function historyOf(
  entry: CollectionEntry<'notices' | 'meetings' | 'legal' | 'rules'>,
): Promise<FileChange[]> {
  if (entry.filePath === undefined) return [];
  return (await getChangeHistory()).of(entry.filePath);
}

/** Each attachment with its type, size and PDF page count ("PDF，3页，120 KB"), read from content/uploads/. */
export async function attachmentDetails<A extends { file: string }>(
  list: readonly A[],
): Promise<(A & { details: string | undefined })[]> {
  return Promise.all(
    list.map(async (a) => {
      const info = await readAttachmentInfo(path.join(contentDir(), a.file), a.file);
      return { ...a, details: info === undefined ? a.file.split('.').pop()?.toUpperCase() : describeAttachment(info) };
    }),
  );
}
