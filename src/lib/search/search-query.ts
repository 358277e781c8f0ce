/**
 * The search page's state and how it maps to Pagefind: read from and written to the URL (`/search/?q=低保&type=公告`)
 * so a search can be shared as a link or printed as a QR code, and turned into Pagefind search options.
 * Pure functions; the browser script src/scripts/search-page.ts wires them to the page.
 */
import { FILTER_NAMES, SEARCH_TYPES, type FilterName } from './search-facets.ts';

export type SortOrder = 'relevance' | 'date';

export interface SearchRequest {
  /** Words typed by the user, trimmed; empty means "browse by filters". */
  query: string;
  /** At most one chosen value per filter. */
  filters: Partial<Record<FilterName, string>>;
  sort: SortOrder;
}

/** Longest query we pass on; longer input is cut (Pagefind gets slow and nobody types more). */
export const MAX_QUERY_LENGTH = 100;

/** Read the search state from a URL query string. Unknown parameters are ignored. */
export function parseSearchParams(params: URLSearchParams): SearchRequest {
  const filters: Partial<Record<FilterName, string>> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return {
    query: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    filters,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** Write the search state as a query string, leaving out defaults so links stay short. */
export function toSearchParams(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.query !== '') params.set('q', request.query);
  for (const name of FILTER_NAMES) {
    const value = request.filters[name];
    if (value !== undefined) params.set(name, value);
  }
  if (request.sort === 'date') params.set('sort', 'date');
  return params;
}

/** True when there is something to search for (words or at least one filter). */
export function hasCriteria(request: SearchRequest): boolean {
  return request.query !== '' || Object.keys(request.filters).length > 0;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** Options for `pagefind.search()`: chosen filters, and newest first when sorting by date. */
export function pagefindOptions(request: SearchRequest): PagefindSearchOptions {
  const filters = Object.fromEntries(Object.entries(request.filters));
  return {
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(request.sort === 'date' ? { sort: { date: 'desc' } } : {}),
  };
}

/**
 * Order the values of a filter for its select box: types in their fixed order, years newest first, anything
 * else in Chinese collation order (pinyin in modern ICU).
 */
export function orderFilterValues(name: FilterName, values: readonly string[]): string[] {
  const sorted = [...values];
  if (name === 'type') {
    const rank = (v: string) => {
      const i = (SEARCH_TYPES as readonly string[]).indexOf(v);
      return i === -1 ? SEARCH_TYPES.length : i;
    };
    return sorted.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
  }
  if (name === 'year') return sorted.sort((a, b) => b.localeCompare(a));
  return sorted.sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** `2026-11-20` → `2026年11月20日`; anything else is returned unchanged. */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * Make a Pagefind excerpt safe to insert as HTML: keep only `<mark>` highlighting and neutralise any other
 * markup. Pagefind already escapes page text; this guards against a future change or a crafted page.
 */
export function safeExcerptHtml(excerpt: string): string {
  return excerpt
    .split(/(<\/?mark>)/)
    .map((part) => (part === '<mark>' || part === '</mark>' ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** An excerpt reaches back at most this many characters before its first highlight to start at a sentence. */
export const EXCERPT_LEAD = 50;
/** Excerpts are cut to about this many characters (never before the end of the first highlight). */
export const EXCERPT_MAX = 110;

/**
 * Where a sentence ends: Chinese stops, ! and ?, a line break, or ". " (Pagefind joins blocks such as a heading and
 * the paragraph after it with ". "). Not a Latin ";": it ends every HTML entity of the escaped page text (&lt;).
 */
const SENTENCE_END = /[。！？；!?\n]|\.\s/g;
/** Where a clause ends, for a sentence too long to show from its start. */
const CLAUSE_END = /[，、：,:]/g;

/** Index just after the last match of `pattern` in `text` between `from` and `to`, or -1. */
function lastEndBefore(text: string, pattern: RegExp, from: number, to: number): number {
  let found = -1;
  for (const match of text.slice(from, to).matchAll(pattern)) found = from + match.index + match[0].length;
  return found;
}

/**
 * A result's excerpt that starts where a sentence starts: at the sentence holding the first highlight, reaching
 * back into the page's text (`content`, from Pagefind's result data) when Pagefind's excerpt began mid-sentence,
 * or cutting the excerpt's head when the sentence starts inside it. A sentence that starts more than EXCERPT_LEAD
 * characters back is shown from the nearest clause (，、：) or the excerpt's own start, after "…". The highlights
 * are kept, the text is cut to about EXCERPT_MAX characters, and the result is made safe with safeExcerptHtml.
 * When the excerpt is not found in `content` (a future Pagefind may render it differently), only its own text is
 * used.
 */
export function sentenceExcerpt(excerpt: string, content: string): string {
  const marks: { start: number; end: number }[] = [];
  let plain = '';
  let open = -1;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') open = plain.length;
    else if (part === '</mark>') {
      if (open !== -1) marks.push({ start: open, end: plain.length });
      open = -1;
    } else plain += part;
  }
  const found = content.indexOf(plain);
  const text = found === -1 ? plain : content;
  const at = found === -1 ? 0 : found;
  const first = marks[0] ?? { start: 0, end: 0 };
  const focus = at + first.start;
  const reach = Math.max(0, focus - EXCERPT_LEAD);

  let start = lastEndBefore(text, SENTENCE_END, reach, focus);
  let lead = '';
  if (start === -1 && reach === 0) start = 0;
  if (start === -1) {
    start = lastEndBefore(text, CLAUSE_END, reach, focus);
    if (start === -1) start = Math.min(at, focus);
    lead = start > 0 ? '…' : '';
  }
  while (start < focus && /\s/.test(text[start] ?? '')) start++;
  const end = Math.max(Math.min(at + plain.length, start + EXCERPT_MAX), at + first.end);

  let html = '';
  let cursor = start;
  for (const mark of marks) {
    const markStart = Math.max(at + mark.start, cursor);
    const markEnd = Math.min(at + mark.end, end);
    if (markEnd <= markStart) continue;
    html += text.slice(cursor, markStart) + '<mark>' + text.slice(markStart, markEnd) + '</mark>';
    cursor = markEnd;
  }
  html += text.slice(cursor, end);
  return safeExcerptHtml(lead + html);
}

export interface MonthInQuery {
  /** The month named in the query, YYYY-MM. */
  month: string;
  /** The query without the month, e.g. 矛盾纠纷 for 矛盾纠纷 2025年3月. */
  rest: string;
}

const MONTH_PATTERNS = [/(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?/, /(?<!\d)(\d{4})[-./](\d{1,2})(?![\d.-])/];

/**
 * Find a month written in the query (2025年3月, 2025年03月份, 2025-03, 2025.3, 2025/3).
 *
 * Why: Pagefind splits 2025年3月 into 2025 / 年 / 3 / 月, words found on almost every statistics page, so the page
 * *for* March 2025 drowned among pages that merely mention a 3. The search page uses this to list that month's
 * statistics first (a search restricted by the hidden `month` filter), then everything else as usual.
 */
export function monthInQuery(query: string): MonthInQuery | undefined {
  for (const pattern of MONTH_PATTERNS) {
    const match = pattern.exec(query);
    if (!match) continue;
    const monthNumber = Number(match[2]);
    if (monthNumber < 1 || monthNumber > 12) continue;
    const rest = (query.slice(0, match.index) + ' ' + query.slice(match.index + match[0].length))
      .replace(/\s+/g, ' ')
      .trim();
    return { month: `${match[1]}-${String(monthNumber).padStart(2, '0')}`, rest };
  }
  return undefined;
}

/**
 * The search for "that month's statistics" to run before the plain search, or undefined when it does not apply:
 * no month in the query, the user sorts by date (then date order wins), or they chose a type other than 统计.
 */
export function monthStatsSearch(
  request: SearchRequest,
): { query: string | null; options: PagefindSearchOptions } | undefined {
  if (request.sort === 'date') return undefined;
  if (request.filters.type !== undefined && request.filters.type !== '统计') return undefined;
  const found = monthInQuery(request.query);
  if (found === undefined) return undefined;
  return {
    query: found.rest === '' ? null : found.rest,
    options: { filters: { ...request.filters, type: '统计', month: found.month } },
  };
}

/** Results of `first`, then those of `then` not already listed (Pagefind results carry a page id). */
export function mergeResults<T extends { id: string }>(first: readonly T[], then: readonly T[]): T[] {
  const seen = new Set(first.map((r) => r.id));
  return [...first, ...then.filter((r) => !seen.has(r.id))];
}

/** At most this many typed words are each looked up as a whole word (one extra Pagefind search each). */
export const MAX_WHOLE_WORDS = 4;

/**
 * The words of the query to look up as whole words: Pagefind's exact search (`"低保"`), one search per word typed,
 * with the same filters. Empty when it does not apply: sorting by date (then date order wins), or no word of two
 * or more characters.
 *
 * Why: Pagefind splits words its dictionary does not know into characters and matches each on its own, so 低保
 * also found the lift notice through 低噪声 and 保留 and ranked a service list (参保, 保险) above notices that say
 * 低保. An exact search finds only pages where the characters stand together, as typed. Single characters are
 * left out: their exact search finds the character only where it is a word of its own (村, not 村民), which says
 * nothing about relevance.
 */
export function wholeWordSearches(request: SearchRequest): { query: string; options: PagefindSearchOptions }[] {
  if (request.sort === 'date') return [];
  const words = [...new Set(request.query.replace(/["“”]/g, ' ').split(/\s+/))].filter((w) => [...w].length >= 2);
  const options = pagefindOptions(request);
  return words.slice(0, MAX_WHOLE_WORDS).map((word) => ({ query: `"${word}"`, options }));
}

/**
 * Pagefind's ranked results, reordered so that pages containing more of the typed words as whole words come first
 * (all of them, then fewer, then none); within each group Pagefind's order is kept. `wholeMatches` holds the
 * results of each word's exact search. With a single word, a page it found is given as that search's result, whose
 * excerpt is centred on the whole word rather than on a stray character.
 */
export function wholeWordsFirst<T extends { id: string }>(
  ranked: readonly T[],
  wholeMatches: readonly (readonly T[])[],
): T[] {
  const found = wholeMatches.map((results) => new Map(results.map((r) => [r.id, r])));
  const count = (id: string) => found.filter((ids) => ids.has(id)).length;
  const only = found.length === 1 ? found[0] : undefined;
  return ranked
    .map((r, i) => ({ r, i, n: count(r.id) }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map(({ r }) => only?.get(r.id) ?? r);
}

/** How a result's date is shown: statistics cover a month (2025年3月), everything else a day. */
export function resultDateLabel(date: string, type: string | undefined): string {
  const month = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (type === '统计' && month) return `${month[1]}年${Number(month[2])}月`;
  return chineseDate(date);
}
