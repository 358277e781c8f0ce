/**
 * Helpers for tests of the real Pagefind index: search it from inside a page in Chromium (the same JS API the
 * search page uses), and read every index file back as text so tests can prove what is *not* in it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface FoundPage {
  url: string;
  title: string;
  excerpt: string;
  meta: Record<string, string>;
}

export interface BrowserSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
  /** How many results to load (their data costs a fetch each). */
  limit?: number;
}

/**
 * Search the index of the site `page` is on, through `/pagefind/pagefind.js` in the browser, and return the top
 * results in rank order. The page must already be on the site's origin.
 */
export async function searchInBrowser(
  page: Page,
  query: string | null,
  { limit = 10, ...options }: BrowserSearchOptions = {},
): Promise<{ total: number; results: FoundPage[] }> {
  // Passed as source text: the test runner rewrites `import()` in functions it compiles, which breaks in a page.
  const script = `(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(query)}, ${JSON.stringify(options)});
    const data = await Promise.all(search.results.slice(0, ${limit}).map((r) => r.data()));
    return {
      total: search.results.length,
      results: data.map((d) => ({ url: d.url, title: d.meta.title ?? '', excerpt: d.excerpt, meta: d.meta })),
    };
  })()`;
  return page.evaluate(script) as Promise<{ total: number; results: FoundPage[] }>;
}

const PAGEFIND_SIGNATURE = 'pagefind_dcd';
/** Pagefind stores segmented Chinese text with a zero-width space between words: 绝\u200b密\u200b测试… */
const WORD_BREAK = /\u200b/g;

/** Text of an excerpt or index file as a reader sees it: no `<mark>` tags, no zero-width word breaks. */
export function plainText(text: string): string {
  return text.replace(/<\/?mark>/g, '').replace(WORD_BREAK, '');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/**
 * Every file of a site's Pagefind index (`<site>/pagefind/`) as text: index, fragment, filter and meta files are
 * gzip with a `pagefind_dcd` signature inside, so they are decompressed first, and word breaks are removed so a
 * phrase can be looked for as written. Returns path → text.
 */
export function readIndexFiles(siteDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of filesUnder(path.join(siteDir, 'pagefind'))) {
    if (!/\.pf_(index|fragment|filter|meta)$/.test(file) && !file.endsWith('.json')) continue;
    const raw = readFileSync(file);
    let text: string;
    if (raw[0] === 0x1f && raw[1] === 0x8b) {
      const unzipped = gunzipSync(raw);
      if (!unzipped.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1').startsWith(PAGEFIND_SIGNATURE)) {
        throw new Error(`${file}: decompressed, but it does not start with the ${PAGEFIND_SIGNATURE} signature`);
      }
      text = unzipped.toString('utf8');
    } else {
      text = raw.toString('utf8');
    }
    files.set(path.relative(siteDir, file), plainText(text));
  }
  return files;
}

/** Index files whose decompressed text contains `word`. */
export function indexFilesContaining(siteDir: string, word: string): string[] {
  return [...readIndexFiles(siteDir)].filter(([, text]) => text.includes(word)).map(([file]) => file);
}
