/**
 * What the portal pages need beyond the raw collections: the place tree with display names, statistics per
 * place and month, change histories. Everything still comes from src/data/content.ts (public items only).
 */
import type { CollectionEntry } from 'astro:content';
import { TODAY } from '../build-info.ts';
import { placeMonthTotal } from '../lib/aggregate.ts';
import { loadChangeHistory, type FileChange } from '../lib/change-history.ts';
import { contentDir } from '../lib/content-files.ts';
import { addMonths, monthOf } from '../lib/dates.ts';
import { PlaceTree } from '../lib/place-tree.ts';
import type { StatsCounts } from '../lib/rates.ts';
import type { Place } from '../schemas/place.ts';
import { getPlaces, getStats } from './content.ts';

export type PlaceNode = Place & { id: string };

let treePromise: Promise<PlaceTree<PlaceNode>> | undefined;

/** The place hierarchy (built once per build). */
export function getPlaceTree(): Promise<PlaceTree<PlaceNode>> {
  treePromise ??= getPlaces().then((entries) => new PlaceTree(entries.map((e) => ({ ...e.data, id: e.id }))));
  return treePromise;
}

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

export interface PlaceMonthFigures {
  month: string;
  counts: StatsCounts;
  previous: StatsCounts | undefined;
}

/**
 * The latest month (not after the build month) with figures for `placeId` (its own or rolled up from below),
 * with the month before for comparison. `undefined` when the place has no figures at all.
 */
export async function latestFigures(placeId: string): Promise<PlaceMonthFigures | undefined> {
  const [records, tree] = await Promise.all([getStats(), getPlaceTree()]);
  const data = records.map((r) => r.data);
  const scope = tree.subtreeIds(placeId);
  const places = [...scope].map((id) => ({ id, parent: tree.get(id)?.parent }));
  const months = [...new Set(data.filter((r) => scope.has(r.place)).map((r) => r.month))]
    .filter((m) => m <= monthOf(TODAY))
    .sort()
    .reverse();
  for (const month of months) {
    const counts = placeMonthTotal(data, places, placeId, month);
    if (counts === undefined) continue;
    return { month, counts, previous: placeMonthTotal(data, places, placeId, addMonths(month, -1)) };
  }
  return undefined;
}

/** Changes to an entry's file from git, newest first (empty outside git or for uncommitted files). */
export async function historyOf(entry: CollectionEntry<'notices' | 'meetings' | 'legal'>): Promise<FileChange[]> {
  if (entry.filePath === undefined) return [];
  return (await loadChangeHistory(contentDir())).of(entry.filePath);
}
