/**
 * The county portal (scripts/build-county.ts, docs/scaling.md) over two small towns, each on its own origin: 云溪
 * with its index split by year (as a town of more than 4,000 pages has it), 枫溪 with one index. Their pages are
 * hand-written HTML indexed by our real Pagefind step, so the test needs no Astro build; the county bench
 * (scripts/bench/county.bench.ts) does the same with towns built by the whole pipeline. In Chromium the county
 * page must find pages of both towns and of every part of 云溪, and a town with a part missing must stop the build.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../src/lib/search/search-index.ts';
import { launchBrowser } from './support/browser.ts';
import { OUTPUT_ROOT } from './support/build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const root = path.join(OUTPUT_ROOT, 'county-build');
const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
const notice = (title: string, date: string) =>
  page(`<main data-pagefind-body><h1>${title}</h1><p>${title}，公示期七天。</p>
<div hidden><span data-pagefind-sort="date">${date}</span></div></main>`);

/** A town site with dated notices, as our build writes them, indexed by our search step. */
async function town(id: string, notices: Record<string, [string, string]>, partPages?: string): Promise<string> {
  const dir = path.join(root, id);
  const files: Record<string, string> = {
    'index.html': page('<main>首页</main>'),
    'search/index.html': page('<div data-search-parts="[]"></div>'),
  };
  for (const [slug, [title, date]] of Object.entries(notices))
    files[`notices/${slug}/index.html`] = notice(title, date);
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  await buildSearchIndex(dir, { env: partPages === undefined ? {} : { GONGKAILAN_SEARCH_PART_PAGES: partPages } });
  return dir;
}

function buildCounty(towns: { name: string; url: string; dist: string }[], out: string) {
  const list = path.join(root, `${path.basename(out)}.json`);
  writeFileSync(list, JSON.stringify(towns));
  return spawnSync(process.execPath, ['scripts/build-county.ts', '--county', '溪山区', '--out', out, list], {
    encoding: 'utf8',
  });
}

let yunxi: StaticServer;
let fengxi: StaticServer;
let county: StaticServer;
let browser: Browser;
let built: ReturnType<typeof buildCounty>;
let towns: { name: string; url: string; dist: string }[];

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  const yunxiDir = await town(
    'yunxi',
    {
      a: ['桃源村低保公示', '2026-03-01'],
      b: ['清河社区低保复核', '2025-06-30'],
      c: ['桃源村修路公示', '2025-02-01'],
    },
    '1',
  );
  const fengxiDir = await town('fengxi', { d: ['石桥村低保公示', '2026-05-01'] });
  // CORS as a town must add for /pagefind/ (docs/scaling.md): the county page reads the index from its own origin.
  const cors = { 'Access-Control-Allow-Origin': '*' };
  [yunxi, fengxi, browser] = await Promise.all([
    serveStatic(yunxiDir, cors),
    serveStatic(fengxiDir, cors),
    launchBrowser(),
  ]);
  towns = [
    { name: '云溪街道', url: `${yunxi.url}/`, dist: yunxiDir },
    { name: '枫溪街道', url: `${fengxi.url}/`, dist: fengxiDir },
  ];
  built = buildCounty(towns, path.join(root, 'county'));
  county = await serveStatic(path.join(root, 'county'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([yunxi?.close(), fengxi?.close(), county?.close()]);
});

/** The county page after it answered `query`: the status line and each result's link and town. */
async function answer(
  query: string,
  javaScriptEnabled = true,
): Promise<{ page: Page; status: string; results: string[][] }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${county.url}/${query}`);
  if (!javaScriptEnabled) return { page, status: '', results: [] };
  await page.waitForFunction(() => performance.getEntriesByName('county-answered').length > 0);
  const status = (await page.getByRole('status').textContent()) ?? '';
  const results = await page
    .locator('[data-county-search] ol li')
    .evaluateAll((items) =>
      items.map((li) => [li.querySelector('a')?.href ?? '', li.querySelector('span')?.textContent ?? '']),
    );
  return { page, status, results };
}

describe('the county portal', () => {
  it('merges every part of every town', () => {
    expect(built.stderr).toBe('');
    expect(built.stdout).toMatch(/county: 2 towns, 3 bundles to merge \(云溪街道 2, 枫溪街道 1\)/);
    const plan = JSON.parse(readFileSync(path.join(root, 'county', 'county-plan.json'), 'utf8')) as {
      plan: { town: string; part: string; bundle: string }[];
    };
    expect(plan.plan.map((s) => [s.town, s.part, s.bundle])).toEqual([
      ['云溪街道', '2026', `${yunxi.url}/pagefind/`],
      ['云溪街道', '2025', `${yunxi.url}/pagefind/parts/2025/`],
      ['枫溪街道', 'all', `${fengxi.url}/pagefind/`],
    ]);
  });

  it('finds pages of both towns and of each year of the town in parts, linked to the town’s own site', async () => {
    const { page, status, results } = await answer('?q=低保');
    expect(status).toBe('找到 3 条结果。');
    // Relevance order is not asserted (equal scores across towns); the set of results is. Compared as a set, not by
    // sorting the URLs: each town's server gets a random port, so their string order changes from run to run.
    expect(results).toHaveLength(3);
    expect(results).toEqual(
      expect.arrayContaining([
        [`${fengxi.url}/notices/d/`, '（枫溪街道）'],
        [`${yunxi.url}/notices/a/`, '（云溪街道）'],
        [`${yunxi.url}/notices/b/`, '（云溪街道）'],
      ]),
    );
    await page.context().close();
  });

  it('narrows the results to one town, and never lists the county’s own page', async () => {
    const one = await answer(`?q=${encodeURIComponent('公示')}&town=${encodeURIComponent('枫溪街道')}`);
    expect(one.results).toEqual([[`${fengxi.url}/notices/d/`, '（枫溪街道）']]);
    await one.page.context().close();
    // 乡镇 is on the county page (its list of towns) and on no town page.
    const county = await answer(`?q=${encodeURIComponent('乡镇')}`);
    expect(county.status).toBe('没有找到结果。');
    await county.page.context().close();
  });

  it('lists the towns with links, and shows no search form, without JavaScript', async () => {
    const { page } = await answer('', false);
    await expect
      .poll(() => page.locator('main ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      .toEqual(towns.map((t) => t.url));
    expect(await page.locator('[data-county-search]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('refuses to build when a town lists a part it does not have', () => {
    rmSync(path.join(towns[0]?.dist ?? '', 'pagefind', 'parts', '2025'), { recursive: true });
    const broken = buildCounty(towns, path.join(root, 'county-broken'));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/云溪街道: part 2025 \(\/pagefind\/parts\/2025\/\) is missing/);
  });
});
