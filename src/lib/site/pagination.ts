/**
 * Splitting long lists into numbered static pages, so a list page stays a few dozen items at any corpus size
 * (an unpaginated /meetings/ was 1.1 MB at 10k entries, see docs/performance.md).
 *
 * URL scheme: page 1 is the list's own address (`/notices/`), which every link and the navigation already use;
 * later pages are `<base>page/<n>/` (`/notices/page/2/`, `/notices/place/taoyuan/page/3/`). There is no
 * `/page/1/`, so page 1 has one address only. Pages are rendered by `[...page].astro` routes: the rest parameter
 * is `undefined` for page 1 and `page/<n>` after it.
 */

/**
 * Items per list page: a page of notices or minutes is about 30 entries (≈ 20 KB of HTML, a few screens on a
 * phone); 普法 entries are shorter, and a row of the decisions tracker is one table row.
 */
export const PAGE_SIZE = { notices: 30, meetings: 30, legal: 40, decisions: 40 } as const;

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Number of pages of the whole list (at least 1). */
  total: number;
  /** Items on this page, in the list's order. */
  items: T[];
  /** 1-based position of this page's first item in the whole list (0 when the list is empty). */
  start: number;
  /** Items in the whole list. */
  count: number;
}

/**
 * Cut `items` into pages of `pageSize`, keeping their order. An empty list still has page 1 (the list's address is
 * linked from the navigation, and says "nothing here"); every later page holds at least one item, so no empty
 * or out-of-range page is ever generated.
 */
export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`pageSize must be a positive integer, got ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    items: items.slice(i * pageSize, (i + 1) * pageSize),
    start: items.length === 0 ? 0 : i * pageSize + 1,
    count: items.length,
  }));
}

/** Address of page `n` of the list at `base` (which ends with a slash, like every route). */
export function pageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/** Value of a `[...page]` rest parameter for page `n`: undefined renders at the base address itself. */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : `page/${n}`;
}

/**
 * Static paths for a paginated list: one per page, with the page as a prop and the other parameters and props
 * added. `getStaticPaths` of a `[...page].astro` route returns this (flattened over facet values for facets).
 */
export function pagedPaths<T, P extends Record<string, string>, X extends object>(
  items: readonly T[],
  pageSize: number,
  params: P,
  props: X,
): { params: P & { page: string | undefined }; props: X & { page: Page<T> } }[] {
  return paginate(items, pageSize).map((page) => ({
    params: { ...params, page: pageParam(page.number) },
    props: { ...props, page },
  }));
}

/**
 * Breadcrumbs of page `n` of a list whose page-1 breadcrumbs are `crumbs` (the last one is the list itself,
 * without a link): on later pages the list becomes a link back to page 1, followed by `pageLabel` (第N页).
 */
export function pagedCrumbs<C extends { label: string; href?: string }>(
  crumbs: readonly C[],
  base: string,
  n: number,
  pageLabel: string,
): { label: string; href?: string }[] {
  if (n <= 1 || crumbs.length === 0) return [...crumbs];
  const last = crumbs[crumbs.length - 1] as C;
  return [...crumbs.slice(0, -1), { label: last.label, href: base }, { label: pageLabel }];
}

/** A numbered link of the pager, or a gap (…) standing for the pages left out. */
export type PagerItem = { kind: 'page'; number: number; current: boolean } | { kind: 'gap' };

/**
 * Which page numbers the pager shows: the first, the last, and the current one with `around` neighbours each
 * side; a gap stands for two or more skipped pages (a single skipped page is shown instead, it takes the same
 * room as the gap). With 48 pages this is at most 9 links, which still wrap onto two or three lines at 360 px.
 */
export function pagerItems(current: number, total: number, around = 1): PagerItem[] {
  const shown = new Set<number>();
  for (const n of [1, total]) shown.add(n);
  for (let n = current - around; n <= current + around; n += 1) if (n >= 1 && n <= total) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const result: PagerItem[] = [];
  let previous = 0;
  for (const n of numbers) {
    if (n - previous === 2) result.push({ kind: 'page', number: n - 1, current: n - 1 === current });
    else if (n - previous > 2) result.push({ kind: 'gap' });
    result.push({ kind: 'page', number: n, current: n === current });
    previous = n;
  }
  return result;
}
