/**
 * The resident-facing pages work in a real Chromium with JavaScript switched off: every template renders its
 * content, the notice badge shows the 公示期 state of the build day, minutes show the computed quorum, filters are
 * links, and the print view carries its QR code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { noticeState, noticeStateLabel } from '../src/lib/record/notice-state.ts';
import { PAGE_SIZE } from '../src/lib/site/pagination.ts';
import { quorumOf } from '../src/lib/matters/quorum.ts';
import { procedureSteps, type ProcedureId } from '../src/schemas/matter.ts';
import type { MeetingBody } from '../src/schemas/meeting.ts';
import { DEMO_OUT_DIR, DEMO_TODAY } from './support/build.ts';
import { demoInBrowser, phoneWithoutJs } from './support/demo-browser.ts';
import { sitemapPaths } from './support/sitemap.ts';

const demo = demoInBrowser();
// A resident's phone with JavaScript off; `open` follows links in its one reading tab.
const phone = phoneWithoutJs(demo);
const open = (pathname: string): Promise<Page> => phone.open(pathname);
let paths: string[];

beforeAll(() => {
  paths = sitemapPaths(DEMO_OUT_DIR);
});

/** Front matter of a built entry, read back from its source file, so no demo facts are hard-coded here. */
function frontMatter<T>(collection: string, id: string): T {
  const text = readFileSync(path.resolve('content', collection, `${id}.md`), 'utf8');
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  if (yaml === undefined) throw new Error(`no front matter in ${collection}/${id}`);
  // Unquoted YAML dates parse as Date objects; the site works on YYYY-MM-DD strings.
  return JSON.parse(JSON.stringify(parse(yaml)), (_key, value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value,
  ) as T;
}
/** A matter's JSON file from the demo content. */
function matterJson(id: string): { procedure: ProcedureId; title: string; place: string; status: string } {
  return JSON.parse(readFileSync(path.resolve('content/matters', `${id}.json`), 'utf8')) as ReturnType<
    typeof matterJson
  >;
}
const demoMatters = () => readdirSync('content/matters').map((f) => f.replace(/\.json$/, ''));
const noticePeriod = (id: string) => frontMatter<{ period: { start: string; end: string } }>('notices', id).period;

const NOTICE = /^\/notices\/(\d{4}-\d{2}-\d{2}-[a-z0-9-]+)\/$/;
const MEETING = /^\/meetings\/(\d{4}-\d{2}-\d{2}-[a-z0-9-]+)\/$/;

describe('the portal without JavaScript', () => {
  it('shows the home page with key figures, notices in their 公示期 and links to every village', async () => {
    const page = await open('/');
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    expect(await page.locator('.figures .figure').count()).toBeGreaterThan(0);
    expect(await page.locator('#active-heading').textContent()).toMatch(/正在公示（\d+）/);
    expect(await page.locator('.place-links a').count()).toBeGreaterThan(1);
    // When the data changed (git), not when the site was built.
    await expect(page.locator('.updated').textContent()).resolves.toMatch(
      /^\s*数据截至 \d{4}年\d{1,2}月，更新于 \d{4}年\d{1,2}月\d{1,2}日\s*$/,
    );
    // The large-text switch needs JavaScript: without it, it must not be shown at all.
    expect(await page.locator('#text-mode').isVisible()).toBe(false);
  });

  it('shows a notice active on the build day as 公示中 with the days left', async () => {
    const active = paths
      .map((p) => NOTICE.exec(p)?.[1])
      .filter((id): id is string => id !== undefined)
      .find((id) => noticeState(noticePeriod(id), DEMO_TODAY).kind === 'active');
    expect(active, 'the demo has a notice in its 公示期 on DEMO_TODAY').toBeDefined();
    const id = active as string;
    const page = await open(`/notices/${id}/`);
    const expected = noticeStateLabel(noticeState(noticePeriod(id), DEMO_TODAY));
    expect(expected).toMatch(/^公示中/);
    await expect(page.locator('.notice-state .badge').textContent()).resolves.toBe(expected);
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await expect(page.locator('#contact-heading').textContent()).resolves.toBe('有疑问找谁');
    await expect(page.locator('body').textContent()).resolves.toContain('第三十一条');
  });

  it('offers filters as links, marking the current one', async () => {
    const category = paths.find((p) => p.startsWith('/notices/category/'));
    expect(category).toBeDefined();
    const page = await open(category as string);
    const current = page.locator('.filter-bar a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe(category);
    expect(await page.locator('.item-list > li').count()).toBeGreaterThan(0);
  });

  it('splits a long filtered list into pages: page 2 exists, holds the older items and links back', async () => {
    // Every notice facet with more notices than a page has a page 2 in the sitemap, and no facet has a /page/1/.
    const facets = paths.filter((p) => /^\/notices\/(place|category|year)\/[^/]+\/$/.test(p));
    const counts = new Map<string, number>();
    for (const facet of facets) {
      const html = readFileSync(path.join(DEMO_OUT_DIR, facet, 'index.html'), 'utf8');
      counts.set(facet, Number(/共 (\d+) 条/.exec(html)?.[1]));
      expect(paths).not.toContain(`${facet}page/1/`);
      expect(paths.includes(`${facet}page/2/`), facet).toBe((counts.get(facet) ?? 0) > PAGE_SIZE.notices);
    }
    const base = facets.find((f) => (counts.get(f) ?? 0) > PAGE_SIZE.notices);
    expect(base, 'the demo has a notice facet with more than one page').toBeDefined();

    const first = await open(base as string);
    const pager = first.locator('nav.pager[aria-label="分页"]');
    expect(await pager.locator('a[aria-current="page"]').textContent()).toBe('1');
    expect(await pager.locator('a[rel="next"]').getAttribute('href')).toBe(`${base}page/2/`);
    expect(await first.locator('.item-list > li').count()).toBe(PAGE_SIZE.notices);
    const firstDays = await first
      .locator('.item-list time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));

    const second = await open(`${base}page/2/`);
    await expect(second.title()).resolves.toContain('第2页');
    await expect(second.locator('h1').textContent()).resolves.toContain('第2页');
    const pager2 = second.locator('nav.pager[aria-label="分页"]');
    expect(await pager2.locator('a[aria-current="page"]').textContent()).toBe('2');
    expect(await pager2.locator('a[rel="prev"]').getAttribute('href')).toBe(base);
    expect(await second.locator('.breadcrumbs a').last().getAttribute('href')).toBe(base);
    const secondDays = await second
      .locator('.item-list time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(secondDays.length).toBe(Math.min(PAGE_SIZE.notices, (counts.get(base as string) ?? 0) - PAGE_SIZE.notices));
    // Newest first across pages: everything on page 2 is no newer than the oldest item on page 1.
    const oldestFirst = [...firstDays].sort()[0] as string;
    for (const day of secondDays) expect((day as string) <= oldestFirst).toBe(true);
    // Pages past the last are not generated.
    const past = await phone.newPage();
    const response = await past.goto(
      `${demo.url}${base}page/${Math.ceil((counts.get(base as string) ?? 0) / PAGE_SIZE.notices) + 1}/`,
    );
    expect(response?.status()).toBe(404);
    await past.close();
  });

  it('prints a notice on A4 with a QR code pointing back to the notice page', async () => {
    const notice = paths.find((p) => NOTICE.test(p)) as string;
    const page = await open(`${notice}print/`);
    const qr = page.locator('.print-qr svg[role="img"]');
    expect(await qr.count()).toBe(1);
    expect(await qr.getAttribute('aria-label')).toContain(notice);
    const css = await page.evaluate(() =>
      [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
    );
    expect(css).toMatch(/@page\s*\{[^}]*size:\s*A4/i);
  });

  it("shows minutes with attendance and the quorum computed from it, and each decision's matter with its procedure's steps", async () => {
    const ids = paths.map((p) => MEETING.exec(p)?.[1]).filter((id): id is string => id !== undefined);
    expect(ids.length, 'the demo has minutes').toBeGreaterThan(0);
    for (const id of ids.slice(0, 3)) {
      const source = frontMatter<{ body: MeetingBody; attendance: { expected: number; present: number } }>(
        'meetings',
        id,
      );
      const page = await open(`/meetings/${id}/`);
      await expect(page.locator('.attendance').textContent()).resolves.toMatch(
        new RegExp(`应到\\s*${source.attendance.expected}\\s*人，实到\\s*${source.attendance.present}\\s*人`),
      );
      const met = quorumOf(source.body, source.attendance).met;
      await expect(page.locator('.quorum .badge').textContent()).resolves.toBe(
        met ? '出席人数符合规定' : '出席人数不足，会议决定无效',
      );
      const decisions = page.locator('.decision');
      const source2 = frontMatter<{ decisions: { matter?: string }[] }>('meetings', id);
      for (let i = 0; i < (await decisions.count()); i += 1) {
        const matterId = source2.decisions[i]?.matter;
        if (matterId === undefined) continue;
        const procedure = matterJson(matterId).procedure;
        // Only the steps the matter's own procedure has (四议两公开 6, 五步议事 5, 一事一议/民生实事 4).
        expect(await decisions.nth(i).locator('.steps > li').count()).toBe(procedureSteps(procedure).length);
        expect(await decisions.nth(i).locator(`a[href="/matters/${matterId}/"]`).count()).toBe(1);
      }
    }
  });

  it('filters minutes by village or community: each place has its own list, with only its minutes', async () => {
    const all = await open('/meetings/');
    const placeLinks = all.locator('.filter-bar a[href^="/meetings/place/"]');
    expect(await placeLinks.count(), 'the demo has minutes from several places').toBeGreaterThan(1);
    const href = (await placeLinks.first().getAttribute('href')) as string;
    const count = Number(/（(\d+)）/.exec((await placeLinks.first().textContent()) ?? '')?.[1]);

    const placeId = /^\/meetings\/place\/([a-z0-9-]+)\/$/.exec(href)?.[1] as string;
    const expected = paths
      .map((p) => MEETING.exec(p)?.[1])
      .filter(
        (id): id is string => id !== undefined && frontMatter<{ place: string }>('meetings', id).place === placeId,
      )
      .map((id) => `/meetings/${id}/`);
    expect(count, "the filter link counts the place's minutes").toBe(expected.length);
    const page = await open(href);
    expect(await page.locator('.filter-bar a[aria-current="page"]').getAttribute('href')).toBe(href);
    const listed = await page
      .locator('.item-list .item-title a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('shows the decisions tracker as a view of matters: one card per matter with its step in its own procedure', async () => {
    const page = await open('/meetings/decisions/');
    const cards = page.locator('.tracker > li');
    expect(await cards.count()).toBe(demoMatters().length);
    const texts = await cards.locator('.matter-step').allTextContents();
    expect(
      texts.some((x) => /第 \d\/6 步/.test(x)),
      '四议两公开 has 6 steps',
    ).toBe(true);
    expect(
      texts.some((x) => /第 \d\/5 步/.test(x)),
      '五步议事 has 5 steps',
    ).toBe(true);
  });

  it('shows a village with its grid workers as tap-to-call links, and a grid page', async () => {
    const grid = paths.find((p) => /^\/places\/[a-z0-9]+-g\d+\/$/.test(p));
    expect(grid, 'the demo has grids').toBeDefined();
    const village = (grid as string).replace(/-g\d+\/$/, '/');
    for (const pathname of [village, grid as string]) {
      const page = await open(pathname);
      await expect(page.locator('#grid-workers-heading').textContent()).resolves.toBe('找网格员');
      const phone = page.locator('.grid-workers a[href^="tel:"]').first();
      expect(await phone.getAttribute('href')).toBe(`tel:${(await phone.textContent())?.trim()}`);
    }
  });

  it('shows 普法 items with statutes written as 《法律》第N条', async () => {
    const item = paths.find((p) => /^\/legal\/[a-z0-9-]+\/$/.test(p) && !/\/(topic|type)\//.test(p));
    expect(item, 'the demo has 普法 items').toBeDefined();
    const page = await open(item as string);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    const statutes = await page.locator('.statute').allTextContents();
    for (const s of statutes) expect(s).toMatch(/^《[^《》]+》(第\d+条)?$/);
  });

  it('answers an unknown address with the 404 page and ways back', async () => {
    const page = await phone.newPage();
    const response = await page.goto(`${demo.url}/no/such/page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('找不到这个页面');
    expect(await page.locator('main a[href="/"]').count()).toBe(1);
    await page.close();
  });
});
