/**
 * Incremental builds (issue 19) through `npm run build` (scripts/build.ts) on the demo, in a git repository as in
 * production. Astro copies a page from the last build when its cacheKey (src/data/cache-keys.ts) is unchanged, so a
 * key that leaves out something the page shows leaves that page stale. After one notice is edited, most pages are
 * copied; after an edit to every other kind of content and three days passing, the incremental build is compared
 * with a full build of the same content, file by file and byte for byte: a stale page fails here, by name.
 *
 * The builds split the search index by year (GONGKAILAN_SEARCH_PART_PAGES=60, as a town of more than 4000 pages
 * gets it, src/lib/search/search-parts.ts), so the same builds prove the index in parts: a part whose pages did not
 * change is copied from the cache, the copied parts equal freshly indexed ones byte for byte, and in Chromium the
 * search page answers like the demo's one-index search (same counts, same newest-first dates, same filter values).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { DEMO_OUT_DIR, DEMO_TODAY, OUTPUT_ROOT, buildSite, pageReuse } from './support/build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const ROOT = path.join(OUTPUT_ROOT, 'incremental');
const LATER = '2026-11-27';
let content: string;
let first: string;
let afterNotice: string;
let incremental: string;
let full: string;

/**
 * One build of the content as it is now (`npm run build`): `cache` is the Astro cache folder the daily build keeps
 * between runs (scripts/deploy.ts). The build instant is fixed: the home page and the calendar files state it.
 */
const build = (name: string, today: string, cache: string) =>
  buildSite({
    contentDir: content,
    outDir: path.join(ROOT, name),
    today,
    env: {
      ASTRO_CACHE_DIR: path.join(ROOT, cache),
      GONGKAILAN_BUILT_AT: '2026-11-23T16:10:00Z',
      GONGKAILAN_SEARCH_PART_PAGES: '60',
    },
  });

function git(...args: string[]): void {
  execFileSync('git', args, {
    cwd: content,
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: '2026-11-20T10:00:00+08:00',
      GIT_COMMITTER_DATE: '2026-11-20T10:00:00+08:00',
    },
  });
}

/** Replace `from` by `to` in a content file (it must be there) and commit, as the CMS does. */
function edit(file: string, from: string, to: string): void {
  const full = path.join(content, file);
  const text = readFileSync(full, 'utf8');
  expect(text, `${file} has ${from}`).toContain(from);
  writeFileSync(full, text.replace(from, to));
  git('commit', '-qam', `edit ${file}`);
}

interface Report {
  checks: { scope: string; filesScanned: number };
}

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  content = mkdtempSync(path.join(os.tmpdir(), 'gkl-incremental-'));
  cpSync('content', content, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'office@example.invalid');
  git('config', 'user.name', '村委会电脑');
  git('add', '.');
  git('commit', '-qm', 'demo');
  first = await build('first', DEMO_TODAY, 'cache');

  // A clerk corrects the title of a notice that minutes and a matter link to.
  edit('notices/2025-10-10-taoyuan-ludeng-bixuan-jieguo.md', '\ntitle: ', '\ntitle: （更正）');
  afterNotice = await build('after-notice', DEMO_TODAY, 'cache');

  // Then every other kind of content changes once, and three days pass (公示 badges count down, periods end).
  edit('meetings/2025-09-02-taoyuan-ludeng-jueyi.md', '（路灯改造决议）', '（路灯改造项目决议）');
  edit('matters/taoyuan-ludeng-2025.json', '"title": "桃源路主干道路灯改造"', '"title": "桃源路主干道路灯改造工程"');
  edit('legal/caili-fanhuan.md', '彩礼能要回来吗', '彩礼能不能要回来');
  edit('rules/taoyuan-cunguiminyue-2025.md', '（2025年修订）', '（2025年修订本）');
  edit('stats/jinxiu-2025-01.json', '"received": 71', '"received": 72');
  edit('finance/liuwan-2025-01.json', '柳湾农贸市场摊位租金', '柳湾农贸市场摊位租金（1月）');
  edit('registers/liuwan.json', '柳湾农贸市场摊位棚', '柳湾农贸市场钢构摊位棚');
  incremental = await build('incremental', LATER, 'cache');
  full = await build('full', LATER, 'cache-full');
}, 400_000);

afterAll(() => {
  if (content !== undefined) rmSync(content, { recursive: true, force: true });
});

/** The part bundles the search page is told of (its `data-search-parts`). */
function searchParts(build: string): string[] {
  const html = readFileSync(path.join(ROOT, build, 'search', 'index.html'), 'utf8');
  return JSON.parse((/data-search-parts="([^"]*)"/.exec(html)?.[1] ?? '[]').replaceAll('&quot;', '"')) as string[];
}

describe('incremental build', () => {
  it('after one notice is edited, copies at least 80 % of the pages from the last build', () => {
    const { restored, rendered } = pageReuse(afterNotice);
    expect(restored + rendered).toBeGreaterThan(400);
    expect(restored / (restored + rendered)).toBeGreaterThanOrEqual(0.8);
  });

  it('renders again what changed: the edited notice and the pages that list or link it', () => {
    const page = (route: string) => readFileSync(path.join(ROOT, 'after-notice', route, 'index.html'), 'utf8');
    expect(page('notices/2025-10-10-taoyuan-ludeng-bixuan-jieguo')).toContain('（更正）');
    expect(page('meetings/2025-09-02-taoyuan-ludeng-jueyi')).toContain('（更正）');
    expect(page('notices/place/taoyuan')).toContain('（更正）');
  });

  it('after edits to every kind of content and three days passing, equals a full build byte for byte', () => {
    const { restored } = pageReuse(full);
    expect(restored, 'the full build started from an empty cache').toBe(0);
    expect(pageReuse(incremental).restored).toBeGreaterThan(0);
    const a = path.join(ROOT, 'incremental');
    const b = path.join(ROOT, 'full');
    const names = files(b);
    expect(files(a)).toEqual(names);
    // build-info.json is the build's report: what its checks read (only changed files, here) differs by design.
    const differing = names.filter(
      (f) => f !== 'build-info.json' && !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))),
    );
    expect(differing).toEqual([]);
    const report = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'build-info.json'), 'utf8')) as Report;
    expect(report(a).checks.scope).toMatch(/^changed/);
    expect(report(a).checks.filesScanned).toBeLessThan(report(b).checks.filesScanned);
    expect(report(b).checks.scope).toBe('full');
  });
});

describe('the search index in parts', () => {
  let parts: StaticServer;
  let whole: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    [parts, whole, browser] = await Promise.all([
      serveStatic(path.join(ROOT, 'first')),
      serveStatic(DEMO_OUT_DIR),
      launchBrowser(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await parts?.close();
    await whole?.close();
  });

  /** One tab per site, each search a new page load in it (a new tab per search costs Chromium a new renderer). */
  const tabs = new Map<StaticServer, Page>();

  /** What the search page shows for `query`: its status line, the result dates in order, the type filter's values. */
  async function answer(
    site: StaticServer,
    query: string,
  ): Promise<{ status: string; dates: string[]; types: string[] }> {
    const page = tabs.get(site) ?? (await browser.newPage());
    tabs.set(site, page);
    await page.goto(`${site.url}/search/${query}`);
    await page.locator('[data-search-filters]').waitFor({ state: 'visible' });
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent()).toMatch(/^(找到|没有)/);
    const dates = await page
      .locator('#search-results > li time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    const types = await page.getByLabel('类型').locator('option').allTextContents();
    return { status: (await status.textContent()) ?? '', dates, types };
  }

  it('is split by year, newest first, and the search page is told the parts', () => {
    expect(first).toMatch(/indexed 257 of 257 pages in 5 parts by year \(0 unchanged, copied\)/);
    expect(searchParts('first')).toEqual([
      '/pagefind/',
      '/pagefind/parts/2025/',
      '/pagefind/parts/2024/',
      '/pagefind/parts/2019/',
      '/pagefind/parts/undated/',
    ]);
  });

  it('indexes again only the parts whose pages changed: after one 2025 notice, 2024 and 2019 are copied', () => {
    const copied = Number(/in 5 parts by year \((\d+) unchanged, copied\)/.exec(afterNotice)?.[1]);
    expect(copied).toBeGreaterThanOrEqual(2);
    expect(copied).toBeLessThan(5);
    for (const year of ['2024', '2019']) {
      const bundle = (build: string) =>
        files(path.join(ROOT, build, 'pagefind', 'parts', year)).map((f) =>
          readFileSync(path.join(ROOT, build, 'pagefind', 'parts', year, f)).toString('base64'),
        );
      expect(bundle('after-notice'), `part ${year}`).toEqual(bundle('first'));
    }
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
