/**
 * Entries as a clerk picks them for a reference (a matter's 会议纪要 and 公告, a decision's 相关公告, a rule's 上一版本):
 * grouped by the village or community they belong to (a grid's entries under its village, the 街道's own under the
 * 街道), the form's own village first, each entry as "日期 · 标题", newest first. The stored value stays the entry id
 * (its file name), exactly what the relation widget stored before.
 *
 * Pure functions: cms/entry-widget.tsx feeds them the entries Decap loads from the backend and the place list the
 * admin page carries (cms/places.ts).
 */
import { PLACE_LEVEL_LABELS } from '../src/schemas/place.ts';
import type { CmsPlace, PlaceGroup } from './places.ts';

/** The collections an entry reference can point to (COLLECTION_SETTINGS in cms/config.ts). */
export type EntryCollection = 'notices' | 'meetings' | 'matters' | 'rules';

/** One entry as Decap loads it: its id (file name without extension) and its data. */
export interface PickableEntry {
  id: string;
  data: Record<string, unknown>;
}

/** The day an entry is listed under; matters have none (they span months) and are listed by title. */
const DAY_FIELD: Record<EntryCollection, string | undefined> = {
  notices: 'published',
  meetings: 'date',
  rules: 'published',
  matters: undefined,
};

/** What the list says after the title, so a clerk does not link a draft or a withdrawn notice by mistake. */
function marks(data: Record<string, unknown>): string {
  const parts: string[] = [];
  if (data.draft === true) parts.push('草稿');
  if (data.withdrawn !== undefined && data.withdrawn !== null) parts.push('已撤回');
  if (data.status === 'scheduled') parts.push('预告');
  return parts.length === 0 ? '' : `（${parts.join('，')}）`;
}

function dayOf(collection: EntryCollection, entry: PickableEntry): string {
  const field = DAY_FIELD[collection];
  const day = field === undefined ? undefined : entry.data[field];
  return typeof day === 'string' ? day : '';
}

/** "2026-07-03 · 石桥村村民代表会议（村内道路硬化决议）"; a matter: its title alone. */
export function entryLabel(collection: EntryCollection, entry: PickableEntry): string {
  const title = typeof entry.data.title === 'string' && entry.data.title !== '' ? entry.data.title : entry.id;
  const day = dayOf(collection, entry);
  return `${day === '' ? '' : `${day} · `}${title}${marks(entry.data)}`;
}

/**
 * The unit a place's entries are listed under: the village or community for itself and its grids, the 街道/乡镇
 * for itself. Undefined for a place not in the list.
 */
export function unitOf(places: readonly CmsPlace[], id: string | undefined): CmsPlace | undefined {
  const byId = new Map(places.map((p) => [p.id, p]));
  let place = id === undefined ? undefined : byId.get(id);
  // Walk up to the child of the top (street/township); the top itself stays the top. Bounded against loops.
  for (let i = 0; place !== undefined && i < places.length; i += 1) {
    if (place.level === 'street' || place.level === 'township' || place.parent === undefined) return place;
    const parent = byId.get(place.parent);
    if (parent === undefined) return place;
    if (parent.level === 'street' || parent.level === 'township') return place;
    place = parent;
  }
  return place;
}

/** "云溪街道 › 石桥村（村）", "云溪街道（街道）": the same labels as the place picker's groups. */
function unitLabel(places: readonly CmsPlace[], unit: CmsPlace): string {
  const level = PLACE_LEVEL_LABELS[unit.level];
  const parent = unit.parent === undefined ? undefined : places.find((p) => p.id === unit.parent);
  return parent === undefined ? `${unit.name}（${level}）` : `${parent.name} › ${unit.name}（${level}）`;
}

/** Newest first; entries of one day (and matters, which have no day) by title, then id, so the order is stable. */
function newestFirst(collection: EntryCollection) {
  const collator = new Intl.Collator('zh-Hans-CN');
  return (a: PickableEntry, b: PickableEntry): number => {
    const [dayA, dayB] = [dayOf(collection, a), dayOf(collection, b)];
    if (dayA !== dayB) return dayA < dayB ? 1 : -1;
    return (
      collator.compare(String(a.data.title ?? ''), String(b.data.title ?? '')) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  };
}

export interface EntryGroupOptions {
  /** The place of the entry being edited (its `place` field): that village's group comes first. */
  ownPlace?: string | undefined;
  /** The entry being edited, left out (a rule is never its own 上一版本). */
  self?: string | undefined;
}

/**
 * Option groups for an entry reference: one group per village/community (and one for the 街道's own entries), the
 * own village first, then in the place list's order; entries whose place is not in the list last, under 其他.
 */
export function entryGroups(
  collection: EntryCollection,
  entries: readonly PickableEntry[],
  places: readonly CmsPlace[],
  options: EntryGroupOptions = {},
): PlaceGroup[] {
  const ordered = [...places].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Place-list order of the units: a top, then its villages, then the next top (as the place picker lists them).
  const rank = new Map<string, number>();
  const visit = (place: CmsPlace) => {
    rank.set(place.id, rank.size);
    if (place.level === 'street' || place.level === 'township') {
      for (const child of ordered.filter((p) => p.parent === place.id)) rank.set(child.id, rank.size);
    }
  };
  for (const top of ordered.filter((p) => p.level === 'street' || p.level === 'township')) visit(top);
  const own = unitOf(places, options.ownPlace)?.id;

  const byUnit = new Map<string, PickableEntry[]>();
  for (const entry of entries) {
    if (options.self !== undefined && entry.id === options.self) continue;
    const unit = unitOf(places, typeof entry.data.place === 'string' ? entry.data.place : undefined);
    const key = unit?.id ?? '';
    byUnit.set(key, [...(byUnit.get(key) ?? []), entry]);
  }
  const position = (key: string) =>
    key === '' ? Number.MAX_SAFE_INTEGER : key === own ? -1 : (rank.get(key) ?? Number.MAX_SAFE_INTEGER - 1);
  const sortEntries = newestFirst(collection);
  return [...byUnit.keys()]
    .sort((a, b) => position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => {
      const unit = places.find((p) => p.id === key);
      return {
        label: unit === undefined ? '其他' : unitLabel(places, unit),
        options: (byUnit.get(key) ?? [])
          .sort(sortEntries)
          .map((entry) => ({ value: entry.id, label: entryLabel(collection, entry) })),
      };
    });
}
