/**
 * Search quality on the demo's real Pagefind index, through the real search page in Chromium: what the open
 * issue on search quality asked for (docs/search.md, "Result quality"). Which query finds which page in general is
 * search-queries.test.ts; this file checks the rules behind the order and the shape of what is shown.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoInBrowser } from './support/demo-browser.ts';

const demo = demoInBrowser();
let page: Page;

beforeAll(async () => {
  page = await (await demo.browser.newContext()).newPage();
});

interface Shown {
  url: string;
  title: string;
  /** The excerpt's HTML as inserted (with <mark>), zero-width word breaks removed. */
  excerpt: string;
}

/** Open a search link, wait for the count, press 显示更多结果 until every result is shown, and return them in order. */
async function allResults(search: string): Promise<Shown[]> {
  await page.goto(`${demo.url}/search/${search}`);
  await page.waitForFunction(() => /^(找到|没有)/.test(document.querySelector('#search-status')?.textContent ?? ''));
  const items = page.locator('#search-results > li');
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const shown = await items.count();
    await more.click();
    await expect.poll(() => items.count()).toBeGreaterThan(shown);
  }
  return items.evaluateAll((lis) =>
    lis.map((li) => ({
      url: li.querySelector('h3 a')?.getAttribute('href') ?? '',
      title: li.querySelector('h3')?.textContent ?? '',
      excerpt: (li.querySelector('.search-result-excerpt')?.innerHTML ?? '').replace(/\u200b/g, ''),
    })),
  );
}

const q = (query: string) => `?q=${encodeURIComponent(query)}`;

describe('the open-data catalogue (/data/) in search', () => {
  it('is found by its own title and file descriptions', async () => {
    const urls = (await allResults(q('开放数据'))).map((r) => r.url);
    expect(urls.slice(0, 3)).toContain('/data/');
  });

  it.each(['调解成功率', '审核意见', '监督委员会', 'docNumber'])(
    'is not found by “%s”, which only its field lists and rate definitions mention',
    async (query) => {
      const urls = (await allResults(q(query))).map((r) => r.url);
      expect(urls).not.toContain('/data/');
    },
  );
});
