/**
 * What a page tells the search index about itself besides its text: Pagefind filters (type, place, year,
 * category), metadata shown in results (type, place, date) and the sort key (date). `Base.astro` renders these
 * as a hidden block inside `<main data-pagefind-body>`; the search page reads them back by the same names.
 */

/** The kinds of page residents and journalists search, as shown in the type filter. */
export const SEARCH_TYPES = ['公告', '纪要', '统计', '普法', '规约', '地点'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Facets for the search index (Pagefind filters/meta/sort); every searchable page passes them. */
export interface SearchFacets {
  /** 公告 | 纪要 | 统计 | 普法 | 规约 | 地点 */
  type: SearchType;
  /** Place name, e.g. 桃源村. */
  place?: string;
  /** Year, e.g. 2026. */
  year?: string;
  /** Category label, e.g. 财务公开, 村民代表会议决议, 矛盾纠纷, 婚姻家庭. */
  category?: string;
  /**
   * A notice's 公示 status on the build day: 公示中, 待公示, 已结束 or 已撤回 (issue 18). Named `state`, not
   * `status`: the search page's select gets the id `search-<name>`, and #search-status is its live region.
   */
  state?: string;
  /** Result title when it must say more than the page's <h1>, e.g. 【已撤回】 in front of a withdrawn notice. */
  title?: string;
  /** Date used to sort results, YYYY-MM-DD. */
  date?: string;
  /**
   * Extra words that should find the page although its text may not contain them (synonyms, old names), from
   * the entry's `keywords` front matter, e.g. 低保 on a page that only says 最低生活保障.
   */
  keywords?: readonly string[];
}

/** Names of the Pagefind filters, in the order the search page shows them. */
export const FILTER_NAMES = ['type', 'state', 'place', 'year', 'category'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/**
 * Filters the search page uses without showing them: `month` (YYYY-MM of the page's date) lets a query that names
 * a month (矛盾纠纷 2025年3月) put that month's statistics first; see `monthInQuery` in search-query.ts.
 */
export type HiddenFilterName = 'month';

/** Names of the metadata fields a result carries (Pagefind takes `title` from the page's `<h1>` unless set). */
const META_NAMES = ['type', 'place', 'date', 'title'] as const;
export type MetaName = (typeof META_NAMES)[number];

export interface FacetField<Name extends string> {
  name: Name;
  value: string;
}

export interface FacetMarkup {
  filters: FacetField<FilterName | HiddenFilterName>[];
  meta: FacetField<MetaName>[];
  /** Sort key `date` (YYYY-MM-DD sorts correctly as text). */
  sortDate?: string;
  /** Text indexed with extra weight, or undefined when there are no keywords. */
  keywordsText?: string;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** Turn a page's facets into the filter/meta/sort fields and keyword text Base.astro renders. */
export function facetMarkup(facets: SearchFacets): FacetMarkup {
  const filters: FacetField<FilterName | HiddenFilterName>[] = FILTER_NAMES.flatMap((name) => {
    const value = facets[name];
    return present(value) ? [{ name, value: value.trim() }] : [];
  });
  const month = facets.date?.match(/^(\d{4}-\d{2})-\d{2}$/)?.[1];
  if (month !== undefined) filters.push({ name: 'month', value: month });
  const meta = META_NAMES.flatMap((name) => {
    const value = facets[name];
    return present(value) ? [{ name, value: value.trim() }] : [];
  });
  const keywords = [...new Set((facets.keywords ?? []).map((k) => k.trim()).filter((k) => k !== ''))];
  return {
    filters,
    meta,
    ...(present(facets.date) ? { sortDate: facets.date } : {}),
    ...(keywords.length > 0 ? { keywordsText: `关键词：${keywords.join('、')}` } : {}),
  };
}
