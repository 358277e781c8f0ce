/**
 * Filtering and grouping lists of dated items by facet (place, category, year), used to pre-render one static
 * page per facet value: filters work without JavaScript because every filter is a link to a page.
 */

/** Year (YYYY) of a YYYY-MM-DD day. */
export function yearOf(day: string): string {
  return day.slice(0, 4);
}

/** Group items by a key, keeping the input order inside each group and the first-seen order of groups. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

/** Distinct years present among `days`, newest first. */
export function yearsOf(days: readonly string[]): string[] {
  return [...new Set(days.map(yearOf))].sort((a, b) => b.localeCompare(a));
}

export interface FacetLink {
  /** Value of the facet (e.g. a place id, a category, a year). */
  value: string;
  label: string;
  href: string;
  /** How many items the page behind the link lists. */
  count: number;
  current: boolean;
}

/**
 * Links for one facet's filter bar: one per value that has items (a link to an empty page helps nobody),
 * in the order of `values`, with counts and the current one marked.
 */
export function facetLinks<T>(
  items: readonly T[],
  valueOf: (item: T) => string,
  values: readonly { value: string; label: string }[],
  href: (value: string) => string,
  current: string | undefined,
): FacetLink[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(valueOf(item), (counts.get(valueOf(item)) ?? 0) + 1);
  return values
    .filter((v) => (counts.get(v.value) ?? 0) > 0)
    .map((v) => ({
      value: v.value,
      label: v.label,
      href: href(v.value),
      count: counts.get(v.value) ?? 0,
      current: v.value === current,
    }));
}
