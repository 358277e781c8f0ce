/**
 * The search page in a real Chromium against the demo's real index: what a resident does (type words, press
 * Enter, narrow by type, sort by date, share the link, use only the keyboard) and what they get without
 * JavaScript. Which query finds which page is tested in search-queries.test.ts.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolationsHere } from './support/axe.ts';
import { demoInBrowser, openInTab } from './support/demo-browser.ts';

const demo = demoInBrowser();

let context: BrowserContext | undefined;
let tab: Page | undefined;

/**
 * Open the search page in the file's one tab (openInTab) and wait until the script has loaded the index (the
 * filters appear then). Each open is a new page load, as when a resident opens a link.
 */
async function openSearch(query = ''): Promise<Page> {
  context ??= await demo.browser.newContext();
  tab = await openInTab(context, tab, `${demo.url}/search/${query}`);
  await tab.locator('[data-search-filters]').waitFor({ state: 'visible' });
  return tab;
}

const status = (page: Page) => page.locator('#search-status');
const results = (page: Page) => page.locator('#search-results > li');

describe('the search page', () => {
  it('finds notices for words typed and submitted with Enter, showing type, place, date and excerpt', async () => {
    const page = await openSearch();
    await page.getByLabel('搜索关键词').fill('财务收支');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent()).toMatch(/^找到 \d+ 条结果。$/);
    const first = results(page).first();
    await expect(first.locator('h3 a').getAttribute('href')).resolves.toMatch(/^\/notices\/[^/]+-caiwu-/);
    await expect(first.locator('.search-result-type').textContent()).resolves.toBe('公告');
    await expect(first.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(first.locator('.search-result-meta').textContent()).resolves.toMatch(/[村区道]/);
    await expect(first.locator('.search-result-excerpt mark').count()).resolves.toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('财务收支');
  });

  it('runs the search in a shared link on opening it, with its filter and order preselected', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('公示')}&type=${encodeURIComponent('公告')}&sort=date`);
    await expect.poll(() => status(page).textContent()).toMatch(/^找到 \d+ 条结果。$/);
    await expect(page.getByLabel('搜索关键词').inputValue()).resolves.toBe('公示');
    await expect(page.getByLabel('类型').inputValue()).resolves.toBe('公告');
    await expect(page.getByLabel('排序').inputValue()).resolves.toBe('date');
  });

  it('shows a filter value from an old shared link as chosen instead of pretending 全部 is selected', async () => {
    const page = await openSearch(`?q=${encodeURIComponent('公示')}&place=${encodeURIComponent('已撤并村')}`);
    await expect.poll(() => status(page).textContent()).toBe('没有找到相关内容。可以换一个词，或减少筛选条件。');
    await expect(page.getByLabel('村社区').inputValue()).resolves.toBe('已撤并村');
  });

  it('narrows results to one type when the type filter is chosen', async () => {
    const page = await openSearch('?q=' + encodeURIComponent('桃源村'));
    const count = async () => Number(/找到 (\d+) 条/.exec((await status(page).textContent()) ?? '')?.[1] ?? NaN);
    await expect.poll(count).toBeGreaterThan(0);
    const all = await count();
    await page.getByLabel('类型').selectOption('地点');
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('地点');
    await expect.poll(count).toBeLessThan(all);
    const types = await results(page).locator('.search-result-type').allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['地点']));
  });

  it('lists results newest first when sorted by date', async () => {
    const page = await openSearch('?q=' + encodeURIComponent('公示') + '&sort=date');
    await expect.poll(() => status(page).textContent()).toMatch(/^找到/);
    const dates = await results(page)
      .locator('time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('says so when nothing matches', async () => {
    // A word in no page at all; Pagefind drops such words from longer queries, so it stands alone here.
    const page = await openSearch('?q=xyzzyqv');
    await expect.poll(() => status(page).textContent()).toBe('没有找到相关内容。可以换一个词，或减少筛选条件。');
    await expect(results(page).count()).resolves.toBe(0);
  });

  it('can be used with the keyboard alone, and "显示更多结果" moves focus to the first new result', async () => {
    const page = await openSearch();
    await page.getByLabel('搜索关键词').focus();
    await page.keyboard.type('公示');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('搜索');
    await page.keyboard.press('Enter');
    await expect.poll(() => results(page).count()).toBe(10);
    const more = page.getByRole('button', { name: '显示更多结果' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => results(page).count()).toBeGreaterThan(10);
    const eleventh = await results(page).nth(10).locator('a').getAttribute('href');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(eleventh);
  });

  it('has no WCAG 2.2 AA violations with results shown', async () => {
    const page = await openSearch('?q=' + encodeURIComponent('低保'));
    await expect.poll(() => status(page).textContent()).toMatch(/^找到/);
    expect(await axeViolationsHere(page, 'search page with results')).toEqual([]);
  });

  it('without JavaScript, explains that search needs it and links to every list page', async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.url}/search/?q=${encodeURIComponent('低保')}`);
    // Playwright's text locators skip <noscript>, so find the notice by its class.
    const notice = page.locator('.search-notice');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toContain('搜索功能需要浏览器开启 JavaScript');
    await expect(page.locator('[data-search-filters]').isVisible()).resolves.toBe(false);
    const links = await page
      .locator('.search-browse a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links).toEqual(['/notices/', '/meetings/', '/stats/', '/legal/', '/places/']);
    for (const href of links) {
      const response = await page.request.get(`${demo.url}${href}`);
      expect(response.status(), href).toBe(200);
    }
    await context.close();
  });
});
