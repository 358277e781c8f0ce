/**
 * Nothing unpublished is ever in the search index. The minimal fixture is built with a notice scheduled after the
 * build day and a draft, each with words found nowhere else; they must not be found in Chromium nor appear in
 * any decompressed index file. Building again after the publish day shows the same checks do find the
 * scheduled notice, so the test would notice a leak.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sharedBuild } from './support/build.ts';
import { indexFilesContaining, plainText, readIndexFiles, searchInBrowser } from './support/pagefind.ts';
import { BEFORE_PUBLISH_DAY, HIDDEN_ITEMS, ON_PUBLISH_DAY } from './support/scenarios.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

// The scenario tests/fixtures/sites/hidden-items, built once per run and read by tests/safety-no-trace.test.ts too.
let BEFORE: string; // built 2026-11-24: the scheduled notice (2026-12-03) is not due yet
let AFTER: string; // built 2026-12-02 16:30 UTC, 3 December in China: it is

/**
 * Phrases that exist only in the scheduled notice (title and body) and in the draft. Pagefind splits Chinese into
 * words, so a search for a phrase also finds pages sharing one of its words (测试 is on the home page): the
 * searches check that no result *contains the phrase*. The Latin tokens are single index words found nowhere else.
 */
const SCHEDULED_TITLE_WORD = '绝密测试词汇甲乙丙';
const SCHEDULED_BODY_WORD = '定时正文词汇子丑寅';
const SCHEDULED_TOKEN = 'qzxvkpwdingshi';
const DRAFT_WORDS = ['草稿专用词汇卯辰巳', '草稿正文词汇午未申'];
const DRAFT_TOKEN = 'wjxqzmbcaogao';

/** Search in Chromium and return the results whose title or excerpt contains the phrase as written. */
async function resultsContaining(page: Page, phrase: string) {
  const { results } = await searchInBrowser(page, phrase, { limit: 50 });
  return results.filter((r) => plainText(`${r.title} ${r.excerpt}`).includes(phrase)).map((r) => r.url);
}

let browser: Browser;
const servers: StaticServer[] = [];

async function openSite(siteDir: string): Promise<Page> {
  const server = await serveStatic(siteDir);
  servers.push(server);
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
  return page;
}

beforeAll(async () => {
  // Both builds at once: the other file that reads them waits for these instead of building them again.
  const [before, after] = await Promise.all([
    sharedBuild({ ...HIDDEN_ITEMS, today: BEFORE_PUBLISH_DAY }),
    sharedBuild({ ...HIDDEN_ITEMS, today: ON_PUBLISH_DAY }),
  ]);
  BEFORE = before.outDir;
  AFTER = after.outDir;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe('unpublished items and the search index', () => {
  it('a notice scheduled after the build day cannot be found by its unique words', async () => {
    const page = await openSite(BEFORE);
    for (const word of [SCHEDULED_TITLE_WORD, SCHEDULED_BODY_WORD]) {
      expect(await resultsContaining(page, word), word).toEqual([]);
    }
    expect((await searchInBrowser(page, SCHEDULED_TOKEN)).total).toBe(0);
    await page.close();
  });

  it('a draft cannot be found by its unique words, before or after its date', async () => {
    for (const site of [BEFORE, AFTER]) {
      const page = await openSite(site);
      for (const word of DRAFT_WORDS) expect(await resultsContaining(page, word), word).toEqual([]);
      expect((await searchInBrowser(page, DRAFT_TOKEN)).total).toBe(0);
      await page.close();
    }
  });

  it('no decompressed index file contains any word of the scheduled notice or the draft', () => {
    expect(readIndexFiles(BEFORE).size).toBeGreaterThan(3);
    for (const word of [SCHEDULED_TITLE_WORD, SCHEDULED_BODY_WORD, SCHEDULED_TOKEN, ...DRAFT_WORDS, DRAFT_TOKEN]) {
      expect(indexFilesContaining(BEFORE, word), word).toEqual([]);
    }
    for (const word of [...DRAFT_WORDS, DRAFT_TOKEN]) expect(indexFilesContaining(AFTER, word), word).toEqual([]);
  });

  it('the scheduled notice is found, and its words are in the index, once its publish day has come', async () => {
    const page = await openSite(AFTER);
    for (const word of [SCHEDULED_TITLE_WORD, SCHEDULED_BODY_WORD]) {
      const { results } = await searchInBrowser(page, word);
      expect(results.map((r) => r.url).slice(0, 3), word).toContain('/notices/2026-12-03-qx7-weilai/');
      expect(indexFilesContaining(AFTER, word), word).not.toEqual([]);
    }
    expect((await searchInBrowser(page, SCHEDULED_TOKEN)).results.map((r) => r.url)).toEqual([
      '/notices/2026-12-03-qx7-weilai/',
    ]);
    await page.close();
  });
});
