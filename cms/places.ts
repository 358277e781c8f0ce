/**
 * Places as a clerk picks them: grouped 街道 → 村/社区 → 网格, every option with its full name ("桃源村 · 第一网格"),
 * so the three "第一网格" of three villages can no longer be confused. Optionally limited to one village's places
 * (CMS_PLACE_SCOPE, docs/cms-backends.md). Also the human summaries of list entries ("石桥村 · 2026年10月").
 *
 * Pure functions: the admin page hands over the place list at build time (src/pages/admin/index.astro).
 */
import { PLACE_LEVEL_LABELS, type PlaceLevel } from '../src/schemas/place.ts';

export interface CmsPlace {
  id: string;
  name: string;
  level: PlaceLevel;
  parent?: string;
  order: number;
}

export interface PlaceList {
  places: CmsPlace[];
  /** Id of the village/community (or 街道) whose places alone are offered, when set. */
  scope?: string;
}

export interface PlaceGroup {
  label: string;
  options: { value: string; label: string }[];
}

function byOrder(a: CmsPlace, b: CmsPlace): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** "桃源村 · 第一网格" for a grid, "桃源村" for a village, "云溪街道" for the top. */
export function fullPlaceName(places: readonly CmsPlace[], id: string): string {
  const byId = new Map(places.map((p) => [p.id, p]));
  const place = byId.get(id);
  if (place === undefined) return id;
  if (place.level !== 'grid' || place.parent === undefined) return place.name;
  return `${byId.get(place.parent)?.name ?? place.parent} · ${place.name}`;
}

/** The place and everything under it. */
function within(places: readonly CmsPlace[], scope: string): Set<string> {
  const ids = new Set([scope]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of places) {
      if (p.parent !== undefined && ids.has(p.parent) && !ids.has(p.id)) {
        ids.add(p.id);
        grew = true;
      }
    }
  }
  return ids;
}

/**
 * Option groups for a place field: one group per 街道/乡镇 (the top place itself), then one per village or
 * community holding it and its grids. `levels` limits which places can be chosen (stats: villages and communities).
 */
export function placeGroups(list: PlaceList, levels?: readonly PlaceLevel[]): PlaceGroup[] {
  const allowed = list.scope === undefined ? undefined : within(list.places, list.scope);
  const offered = (p: CmsPlace) =>
    (levels === undefined || levels.includes(p.level)) && (allowed === undefined || allowed.has(p.id));
  const sorted = [...list.places].sort(byOrder);
  const groups: PlaceGroup[] = [];
  const tops = sorted.filter((p) => p.level === 'street' || p.level === 'township');
  for (const top of tops) {
    if (offered(top)) {
      groups.push({
        label: `${top.name}（${PLACE_LEVEL_LABELS[top.level]}）`,
        options: [{ value: top.id, label: top.name }],
      });
    }
    for (const unit of sorted.filter((p) => p.parent === top.id)) {
      const options = [unit, ...sorted.filter((p) => p.parent === unit.id)]
        .filter(offered)
        .map((p) => ({ value: p.id, label: fullPlaceName(list.places, p.id) }));
      if (options.length > 0) {
        groups.push({ label: `${top.name} › ${unit.name}（${PLACE_LEVEL_LABELS[unit.level]}）`, options });
      }
    }
  }
  // Places whose parent chain is broken still appear (validation reports the chain), so nothing becomes unpickable.
  const listed = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
  const rest = sorted.filter((p) => offered(p) && !listed.has(p.id) && !tops.includes(p));
  if (rest.length > 0) {
    groups.push({
      label: '其他',
      options: rest.map((p) => ({ value: p.id, label: fullPlaceName(list.places, p.id) })),
    });
  }
  return groups;
}

/** "2026-10" → "2026年10月". */
export function monthLabel(month: unknown): string {
  const match = typeof month === 'string' ? /^(\d{4})-(\d{2})$/.exec(month) : null;
  return match === null ? String(month ?? '') : `${match[1]}年${Number(match[2])}月`;
}

/**
 * Values only the CMS list shows, added when a file is read and dropped before it is checked or written
 * (cms/format.ts): Decap's list summary can only print stored values, and files store place ids.
 */
export const LIST_KEYS = ['cmsPlaceName', 'cmsMonth', 'cmsLevel'] as const;

export function withListValues(data: Record<string, unknown>, places: readonly CmsPlace[]): Record<string, unknown> {
  const extra: Record<string, string> = {};
  if (typeof data.place === 'string') extra.cmsPlaceName = fullPlaceName(places, data.place);
  if (typeof data.month === 'string') extra.cmsMonth = monthLabel(data.month);
  if (typeof data.level === 'string') {
    extra.cmsLevel = PLACE_LEVEL_LABELS[data.level as PlaceLevel] ?? data.level;
    if (data.level === 'grid' && typeof data.parent === 'string') {
      extra.cmsPlaceName = `${fullPlaceName(places, data.parent)} · ${String(data.name ?? '')}`;
    } else {
      extra.cmsPlaceName = String(data.name ?? '');
    }
  }
  return { ...data, ...extra };
}

export function withoutListValues<T extends Record<string, unknown>>(data: T): T {
  const copy = { ...data };
  for (const key of LIST_KEYS) delete copy[key];
  return copy;
}
