/**
 * The search index in parts, for towns too large for one Pagefind index (its memory grows ~0.3 MB per indexed
 * page: 7 GB at 30k entries, docs/performance.md). Pages are split by the year they are dated (their
 * `data-pagefind-sort="date"`), newest first, then the undated pages (places, statistics). Each part is its own
 * Pagefind bundle; the search page loads each as its own instance (src/scripts/search-page.ts) and
 * - for 按日期排序, concatenates the parts' date-sorted results in part order: the order stays global because the
 *   parts are date ranges. (Pagefind's own `mergeIndex` re-sorts merged results by relevance score, even under a
 *   date sort, so it cannot be used for that.)
 * - for relevance, merges all parts' results by score, as `mergeIndex` does.
 * A part whose pages did not change since the last build is copied from the build cache, not indexed again.
 */
import path from 'node:path';

/** Indexed pages above which the index is split (GONGKAILAN_SEARCH_PART_PAGES overrides it). */
export const DEFAULT_PART_PAGES = 4000;
export const PART_PAGES_ENV = 'GONGKAILAN_SEARCH_PART_PAGES';

/** The part of the pages without a date: under a date sort the search page leaves it out, as one index does. */
const UNDATED = 'undated';

/** Whether a part's bundle (a URL from searchParts) holds the undated pages. */
export function isUndatedBundle(bundle: string): boolean {
  return bundle.endsWith(`/parts/${UNDATED}/`);
}

/** Where the first part's bundle lives: the search page always loads this one. */
export const PRIMARY_BUNDLE = '/pagefind/';

/** Where a site path (a bundle such as `/pagefind/parts/2025/`, or a file in one) lies in the built site's folder. */
export function inSiteDir(siteDir: string, sitePath: string): string {
  return path.join(siteDir, ...sitePath.split('/').filter(Boolean));
}

/**
 * The site's part list, for other sites that merge its index (a county portal, src/lib/county/): the search page
 * learns the parts from an attribute of its own HTML, which another site cannot read without parsing our pages.
 * It sits inside the bundle folder so the one CORS rule a town adds for `/pagefind/` covers it too.
 */
export const PART_LIST_FILE = `${PRIMARY_BUNDLE}parts.json`;

/** What PART_LIST_FILE holds: every bundle of the site's index, primary first. */
export interface PartList {
  parts: { name: string; bundle: string }[];
}

/** The part list of a site whose index is `parts`, or one bundle (named "all") when it is not split. */
export function partList(parts: readonly SearchPart[] | undefined): PartList {
  return { parts: (parts ?? [{ name: 'all', bundle: PRIMARY_BUNDLE }]).map(({ name, bundle }) => ({ name, bundle })) };
}

export interface SearchPage {
  /** Path of the HTML file relative to the site root, with forward slashes. */
  file: string;
  /** Whether Pagefind indexes it (isIndexed). */
  indexed: boolean;
  /** The year it is dated (pageYear), undefined when undated. */
  year: string | undefined;
}

/** What the split needs to know of a page (the HTML itself is read again part by part, to keep memory low). */
export function describePage(file: string, html: string): SearchPage {
  return { file, indexed: isIndexed(html), year: pageYear(html) };
}

export interface SearchPart {
  /** The year, or "undated". */
  name: string;
  /** URL of the part's bundle folder (ends with /). */
  bundle: string;
  pages: SearchPage[];
}

/** Whether Pagefind indexes the page: every page that should be found marks its body (src/layouts/Base.astro). */
function isIndexed(html: string): boolean {
  return html.includes('data-pagefind-body');
}

/** The year of the page's date-sort value, or undefined for an undated page. */
export function pageYear(html: string): string | undefined {
  return /data-pagefind-sort="date"[^>]*>\s*(\d{4})-\d{2}-\d{2}/.exec(html)?.[1];
}

/** The indexed pages in parts (newest year first, undated last), or undefined when one index holds them all. */
export function searchParts(pages: readonly SearchPage[], maxPages: number): SearchPart[] | undefined {
  const indexed = pages.filter((p) => p.indexed);
  if (indexed.length <= maxPages) return undefined;
  const byName = new Map<string, SearchPage[]>();
  for (const page of indexed) {
    const name = page.year ?? UNDATED;
    const part = byName.get(name);
    if (part === undefined) byName.set(name, [page]);
    else part.push(page);
  }
  const names = [...byName.keys()].filter((n) => n !== UNDATED).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  if (byName.has(UNDATED)) names.push(UNDATED);
  return names.map((name, i) => ({
    name,
    bundle: i === 0 ? PRIMARY_BUNDLE : `${PRIMARY_BUNDLE}parts/${name}/`,
    pages: (byName.get(name) ?? []).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  }));
}
