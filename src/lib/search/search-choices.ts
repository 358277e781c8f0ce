/**
 * What the search page's place and category selects offer, and in which groups. Pure functions; the browser
 * script (src/scripts/search-page.ts) renders a group with a label as an <optgroup>.
 *
 * - 村社区: the place tree, not the alphabet: 街道 first, then each 村/社区 as a group holding itself and its 网格,
 *   in the tree's order (the `order` of each place), as residents know them from the place pages.
 * - 类别: categories belong to a type (财务公开 to 公告, 婚姻家庭 to 普法, an indicator to 统计). With a type chosen
 *   only its categories are offered; with none, every category is offered under its type.
 */
import { PlaceTree } from '../places/place-tree.ts';
import { SEARCH_TYPES } from './search-facets.ts';

/** Options of a select, under an <optgroup> when `label` is set. */
export interface ChoiceGroup {
  label?: string;
  values: string[];
}

/** A place as the search page knows it: its id and parent for the tree, and its name in the search index. */
export interface PlaceEntry {
  id: string;
  parent?: string | undefined;
  order?: number | undefined;
  /** The `place` filter value of its pages, e.g. 桃源村第一网格 (placeName in src/data/portal.ts). */
  name: string;
}

/** One line of the place outline: its filter value and how deep it sits (0 for a 街道, 1 for 村/社区, 2 for 网格). */
export interface PlaceLine {
  name: string;
  depth: number;
}

const byOrder = (a: PlaceEntry, b: PlaceEntry) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id);
const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** The places in tree order, each after its parent (depth first), for the search page to carry to the browser. */
export function placeOutline(places: readonly PlaceEntry[]): PlaceLine[] {
  const tree = new PlaceTree(places);
  const lines: PlaceLine[] = [];
  const seen = new Set<string>();
  const visit = (place: PlaceEntry, depth: number) => {
    if (seen.has(place.id)) return;
    seen.add(place.id);
    lines.push({ name: place.name, depth });
    for (const child of tree.children(place.id)) visit(child, depth + 1);
  };
  const roots = places.filter((p) => p.parent === undefined || tree.get(p.parent) === undefined);
  for (const root of [...roots].sort(byOrder)) visit(root, 0);
  return lines;
}

/**
 * The 村社区 select: of the places the index has (`available`), the top level (街道) ungrouped, then one group per
 * 村/社区 with the village itself first and its grids under it, in outline order. A group is shown when any of its
 * places has pages. Values the outline does not know (a renamed place in old pages) come last, in collation order.
 */
export function placeChoices(available: readonly string[], outline: readonly PlaceLine[]): ChoiceGroup[] {
  const has = new Set(available);
  let current: ChoiceGroup = { values: [] };
  const groups: ChoiceGroup[] = [current];
  for (const line of outline) {
    // A 街道 is offered on its own; a 村/社区 opens a group that its 网格 (deeper lines) join.
    if (line.depth <= 1) groups.push((current = line.depth === 0 ? { values: [] } : { label: line.name, values: [] }));
    if (has.has(line.name)) current.values.push(line.name);
  }
  const known = new Set(outline.map((line) => line.name));
  const unknown = available.filter((v) => !known.has(v)).sort(zh);
  return [...groups.filter((g) => g.values.length > 0), ...(unknown.length > 0 ? [{ values: unknown }] : [])];
}

/**
 * The 类别 select: with a type chosen, that type's categories (`byType`, from the index's filter counts); with none,
 * every type's categories under its name, types in their fixed order. A category found under several types is
 * listed under the first. Categories in collation order.
 */
export function categoryChoices(byType: Readonly<Record<string, readonly string[]>>, type?: string): ChoiceGroup[] {
  if (type !== undefined) {
    const values = [...(byType[type] ?? [])].sort(zh);
    return values.length > 0 ? [{ values }] : [];
  }
  const rank = (t: string) => {
    const i = (SEARCH_TYPES as readonly string[]).indexOf(t);
    return i === -1 ? SEARCH_TYPES.length : i;
  };
  const listed = new Set<string>();
  const groups: ChoiceGroup[] = [];
  for (const label of Object.keys(byType).sort((a, b) => rank(a) - rank(b) || zh(a, b))) {
    const values = [...(byType[label] ?? [])].filter((v) => !listed.has(v)).sort(zh);
    values.forEach((v) => listed.add(v));
    if (values.length > 0) groups.push({ label, values });
  }
  return groups;
}

/** Whether a select filled with `groups` offers `value`. */
export function offers(groups: readonly ChoiceGroup[], value: string): boolean {
  return groups.some((g) => g.values.includes(value));
}
