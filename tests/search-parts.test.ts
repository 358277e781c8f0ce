/**
 * The search index in parts (src/lib/search/search-parts.ts), as a large town gets it: the demo built with
 * `npm run build` and GONGKAILAN_SEARCH_PART_PAGES=60, so its 257 indexed pages are split by year. In Chromium, the
 * search page must answer like the demo's one-index search: the same number of results, the same newest-first dates
 * under 按日期排序, the same filter values. A second build with nothing changed copies every part from the cache.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { buildSite, DEMO_OUT_DIR, DEMO_TODAY, OUTPUT_ROOT } from './support/build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const outDir = path.join(OUTPUT_ROOT, 'search-parts');
const build = () =>
  buildSite({ contentDir: 'content', outDir, today: DEMO_TODAY, env: { GONGKAILAN_SEARCH_PART_PAGES: '60' } });

let first: string;
let second: string;
let parts: StaticServer;
let whole: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // A cold start: no parts in the build cache from an earlier run (tests/support/build.ts names the cache folder).
  rmSync(path.join(OUTPUT_ROOT, '.cache-search-parts'), { recursive: true, force: true });
  first = await build();
  second = await build();
  [parts, whole, browser] = await Promise.all([serveStatic(outDir), serveStatic(DEMO_OUT_DIR), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await parts?.close();
  await whole?.close();
});

/** What the search page shows for `query`: its status line, the result dates in order, the type filter's values. */
async function answer(
  site: StaticServer,
  query: string,
): Promise<{ status: string; dates: string[]; types: string[] }> {
  const page: Page = await browser.newPage();
  await page.goto(`${site.url}/search/${query}`);
  await page.locator('[data-search-filters]').waitFor({ state: 'visible' });
  const status = page.locator('#search-status');
  await expect.poll(() => status.textContent()).toMatch(/^(找到|没有)/);
  const dates = await page
    .locator('#search-results > li time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  const types = await page.getByLabel('类型').locator('option').allTextContents();
  const result = { status: (await status.textContent()) ?? '', dates, types };
  await page.close();
  return result;
}

describe('the search index in parts', () => {
  it('is split by year, newest first, and the search page is told the parts', () => {
    expect(first).toMatch(/indexed 257 of 257 pages in 5 parts by year \(0 unchanged, copied\)/);
    const html = readFileSync(path.join(outDir, 'search', 'index.html'), 'utf8');
    const bundles = JSON.parse(
      (/data-search-parts="([^"]*)"/.exec(html)?.[1] ?? '[]').replaceAll('&quot;', '"'),
    ) as string[];
    expect(bundles).toEqual([
      '/pagefind/',
      '/pagefind/parts/2025/',
      '/pagefind/parts/2024/',
      '/pagefind/parts/2019/',
      '/pagefind/parts/undated/',
    ]);
  });

  it('copies every part from the cache when no page changed', () => {
    expect(second).toMatch(/in 5 parts by year \(5 unchanged, copied\)/);
  });

  for (const query of ['?q=公示&sort=date', '?q=低保&sort=date', '?q=桃源村', '?q=公示&type=公告&sort=date']) {
    it(`answers ${decodeURIComponent(query)} as the one-index search does`, async () => {
      const [split, one] = await Promise.all([answer(parts, encodeURI(query)), answer(whole, encodeURI(query))]);
      expect(split.status).toBe(one.status);
      expect(split.types).toEqual(one.types);
      if (query.includes('sort=date')) {
        expect(split.dates.length).toBeGreaterThan(2);
        expect(split.dates).toEqual(one.dates);
      }
    });
  }
});
