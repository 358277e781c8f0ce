/**
 * Browser script of the search page: loads Pagefind, fills the filter selects from the index, runs searches
 * from the form and the URL, and renders results. All decisions (URL state, options, safety of excerpts) live
 * in src/lib/search/search-query.ts; this file only touches the DOM.
 */
import {
  categoryChoices,
  offers,
  placeChoices,
  type ChoiceGroup,
  type PlaceLine,
} from '~/lib/search/search-choices.ts';
import { FILTER_NAMES, type FilterName } from '~/lib/search/search-facets.ts';
import {
  hasCriteria,
  mergeResults,
  monthStatsSearch,
  orderFilterValues,
  pagefindOptions,
  parseSearchParams,
  resultDateLabel,
  sentenceExcerpt,
  toSearchParams,
  wholeWordSearches,
  wholeWordsFirst,
  type PagefindSearchOptions,
  type SearchRequest,
} from '~/lib/search/search-query.ts';
import { isUndatedBundle } from '~/lib/search/search-parts.ts';

/** The part of Pagefind's browser API we use (https://pagefind.app/docs/api/). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text (escaped like the excerpt), which the excerpt is a part of. */
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
type PagefindResponse = { results: PagefindResult[]; filters: Record<string, Record<string, number>> } | null;
interface Pagefind {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
}

/** Results rendered per page; more appear with the "显示更多结果" button. */
const PAGE_SIZE = 10;
const PAGEFIND_URL = '/pagefind/pagefind.js';

type Messages = Record<string, string>;

/** Filter counts of several parts added up. */
function sumFilters(all: readonly Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const sum: Record<string, Record<string, number>> = {};
  for (const filters of all) {
    for (const [name, values] of Object.entries(filters)) {
      const target = (sum[name] ??= {});
      for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
    }
  }
  return sum;
}

/**
 * The site's index: one Pagefind bundle, or (a large town, src/lib/search/search-parts.ts) one bundle per year,
 * newest first, each loaded as its own Pagefind instance and searched together. Under a date sort the parts'
 * results are joined in part order (the parts are date ranges, so the order stays global); otherwise they are
 * merged by relevance score, as Pagefind's own mergeIndex does. mergeIndex is not used: it re-sorts by score even
 * under a date sort.
 */
async function loadIndex(bundles: readonly string[]): Promise<Pagefind> {
  // A runtime URL: the index is written after the site is bundled, so the bundler must not resolve it.
  if (bundles.length <= 1) return (await import(/* @vite-ignore */ PAGEFIND_URL)) as Pagefind;
  const parts = await Promise.all(
    bundles.map(async (bundle) => (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind),
  );
  return {
    options: async (options) => void (await Promise.all(parts.map((p) => p.options(options)))),
    init: async () => void (await Promise.all(parts.map((p) => p.init()))),
    filters: async () => sumFilters(await Promise.all(parts.map((p) => p.filters()))),
    search: async (query, options) => {
      // Under a sort, one index leaves out the pages without the sort value; the undated part has none at all, and
      // Pagefind would then return its pages unsorted, so it is left out the same way.
      const searched = options?.sort === undefined ? parts : parts.filter((_, i) => !isUndatedBundle(bundles[i] ?? ''));
      const found = (await Promise.all(searched.map((p) => p.search(query, options)))).filter((r) => r !== null);
      const results = found.flatMap((r) => r.results);
      return {
        // Array.prototype.sort is stable: equal scores keep the parts' order.
        results: options?.sort === undefined ? results.sort((a, b) => b.score - a.score) : results,
        filters: sumFilters(found.map((r) => r.filters)),
      };
    },
  };
}

export async function startSearchPage(root: HTMLElement): Promise<void> {
  const messages = JSON.parse(root.dataset.messages ?? '{}') as Messages;
  const places = JSON.parse(root.dataset.places ?? '[]') as PlaceLine[];
  const say = (key: string, values: Record<string, number> = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

  const form = root.querySelector<HTMLFormElement>('form[role="search"]');
  const input = root.querySelector<HTMLInputElement>('input[name="q"]');
  const sortSelect = root.querySelector<HTMLSelectElement>('select[name="sort"]');
  const filterSet = root.querySelector<HTMLFieldSetElement>('[data-search-filters]');
  const status = root.querySelector<HTMLElement>('[role="status"]');
  const list = root.querySelector<HTMLOListElement>('ol');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !sortSelect || !filterSet || !status || !list || !more) return;
  const selects = new Map<FilterName, HTMLSelectElement>();
  for (const name of FILTER_NAMES) {
    const select = root.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`);
    if (select) selects.set(name, select);
  }

  const showState = (request: SearchRequest) => {
    input.value = request.query;
    fillCategories(request.filters.type);
    sortSelect.value = request.sort === 'date' ? 'date' : '';
    for (const [name, select] of selects) {
      const value = request.filters[name] ?? '';
      // A shared link may name a value the index no longer has; show it rather than pretend 全部 is chosen.
      if (value !== '' && ![...select.options].some((o) => o.value === value)) {
        select.add(new Option(value, value));
        (select.parentElement as HTMLElement).hidden = false;
      }
      select.value = value;
    }
  };
  const readForm = (): SearchRequest => parseSearchParams(toParams(new FormData(form)));

  let pagefind: Pagefind;
  /** Each type's categories, from the index's filter counts (a filter-only search per type). */
  const categoriesByType: Record<string, string[]> = {};
  try {
    pagefind = await loadIndex(JSON.parse(root.dataset.searchParts ?? '[]') as string[]);
    // pageLength 0.5 (Pagefind's default 0.75): the full record (a 决议公开 notice with its tables, a community
    // page listing its finance and matters) should not lose to short pages that only mention the words;
    // tests/search-queries.test.ts failed on 土地流转 and 清河社区 with the default.
    await pagefind.options({ excerptLength: 40, ranking: { pageLength: 0.5 } });
    await pagefind.init();
    const available = await pagefind.filters();
    for (const type of Object.keys(available.type ?? {})) {
      const counts = (await pagefind.search(null, { filters: { type } }))?.filters.category ?? {};
      categoriesByType[type] = Object.keys(counts).filter((category) => (counts[category] ?? 0) > 0);
    }
    fillFilters(available);
  } catch {
    status.textContent = say('search.status.error');
    return;
  }
  filterSet.hidden = false;

  let generation = 0;
  let pending: PagefindResult[] = [];

  async function run(request: SearchRequest): Promise<void> {
    const mine = ++generation;
    list!.replaceChildren();
    more!.hidden = true;
    if (!hasCriteria(request)) {
      status!.textContent = say('search.status.empty');
      return;
    }
    status!.textContent = say('search.status.loading');
    const search = await pagefind.search(request.query === '' ? null : request.query, pagefindOptions(request));
    // A month in the query (矛盾纠纷 2025年3月) lists that month's statistics first: see monthInQuery.
    const monthFirst = monthStatsSearch(request);
    const first = monthFirst ? await pagefind.search(monthFirst.query, monthFirst.options) : null;
    // Pages with the typed words as whole words (低保, not 低噪声 … 保留) first: see wholeWordSearches.
    const whole: PagefindResult[][] = [];
    for (const { query, options } of wholeWordSearches(request)) {
      whole.push((await pagefind.search(query, options))?.results ?? []);
    }
    if (mine !== generation || search === null) return; // a newer search has started
    pending = mergeResults(first?.results ?? [], wholeWordsFirst(search.results, whole));
    const total = pending.length;
    if (total === 0) {
      status!.textContent = say('search.status.none');
      return;
    }
    await showMore(false);
    if (mine !== generation) return;
    status!.textContent = say('search.status.count', { count: total });
  }

  async function showMore(moveFocus: boolean): Promise<void> {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = await Promise.all(batch.map(async (result) => renderResult(await result.data())));
    list!.append(...items);
    more!.hidden = pending.length === 0;
    // After "show more", put keyboard and screen-reader users on the first new result, not back at the top.
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  function renderResult(data: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta.title ?? data.url;
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'search-result-meta';
    if (data.meta.type) {
      const type = document.createElement('span');
      type.className = 'search-result-type';
      type.textContent = data.meta.type;
      meta.append(type);
    }
    const details: (string | Node)[] = [];
    if (data.meta.place) details.push(data.meta.place);
    if (data.meta.date) {
      const time = document.createElement('time');
      time.dateTime = data.meta.date;
      time.textContent = resultDateLabel(data.meta.date, data.meta.type);
      details.push(time);
    }
    details.forEach((part, i) => meta.append(...(i > 0 ? [' · ', part] : [part])));
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    // Starts at a sentence, keeps the highlights, and is made safe (only <mark> stays markup): see sentenceExcerpt.
    excerpt.innerHTML = sentenceExcerpt(data.excerpt, data.content);
    item.append(heading, meta, excerpt);
    return item;
  }

  function fillFilters(available: Record<string, Record<string, number>>): void {
    for (const [name, select] of selects) {
      if (name === 'category') continue; // depends on the chosen type: fillCategories
      const values = Object.keys(available[name] ?? {});
      fillSelect(
        select,
        name === 'place' ? placeChoices(values, places) : [{ values: orderFilterValues(name, values) }],
      );
    }
    fillCategories(undefined);
  }

  /** Offer the chosen type's categories, or all of them grouped by type; keep the chosen one if still offered. */
  function fillCategories(type: string | undefined): void {
    const select = selects.get('category');
    if (!select) return;
    const chosen = select.value;
    const groups = categoryChoices(categoriesByType, type === '' ? undefined : type);
    fillSelect(select, groups);
    select.value = offers(groups, chosen) ? chosen : '';
  }

  /** Replace a select's options (after 全部) with `groups`, a labelled group as an <optgroup>. */
  function fillSelect(select: HTMLSelectElement, groups: readonly ChoiceGroup[]): void {
    const option = (value: string) => new Option(value, value);
    select.replaceChildren(
      select.options[0] ?? option(''),
      ...groups.flatMap((group) => {
        if (group.label === undefined) return group.values.map(option);
        const optgroup = document.createElement('optgroup');
        optgroup.label = group.label;
        optgroup.append(...group.values.map(option));
        return [optgroup];
      }),
    );
    // Hide a filter with nothing to choose rather than offer a select with only 全部.
    (select.parentElement as HTMLElement).hidden = groups.every((group) => group.values.length === 0);
  }

  const go = (request: SearchRequest) => {
    const query = toSearchParams(request).toString();
    history.pushState(null, '', query === '' ? location.pathname : `${location.pathname}?${query}`);
    void run(request);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(readForm());
  });
  // Changing a filter or the order searches again at once; typing waits for Enter or the button.
  for (const select of [sortSelect, ...selects.values()]) {
    select.addEventListener('change', () => {
      // A new type offers its own categories; a category of another type would find nothing, so it is dropped.
      if (select === selects.get('type')) fillCategories(select.value);
      go(readForm());
    });
  }
  more.addEventListener('click', () => void showMore(true));
  window.addEventListener('popstate', () => {
    const request = parseSearchParams(new URLSearchParams(location.search));
    showState(request);
    void run(request);
  });

  const initial = parseSearchParams(new URLSearchParams(location.search));
  showState(initial);
  if (hasCriteria(initial)) await run(initial);
}

function toParams(data: FormData): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of data) if (typeof value === 'string') params.append(key, value);
  return params;
}
