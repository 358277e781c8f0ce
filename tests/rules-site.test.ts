/**
 * Standing rules and lists in the built demo, in Chromium with JavaScript off on a 360 px phone: the current
 * 村规民约 shows its status, adopting meeting, version history and the paragraph diff against the 2019 version as
 * <ins>/<del> with 新增/删除 in words; the 小微权力清单 shows each flowchart as a numbered <ol>; the 服务清单 its
 * items as cards; the list filters by place with links; the feed lists every rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../src/lib/open-data/csv.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoInBrowser, phoneWithoutJs } from './support/demo-browser.ts';

const demo = demoInBrowser();
const phone = phoneWithoutJs(demo);

const { open } = phone;

/** No part of the page is wider than the phone. */
async function fitsPhone(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

describe('a rule page without JavaScript at 360 px', () => {
  it('shows the current 村规民约 with its meeting, versions and the diff against the previous version', async () => {
    const page = await open('/rules/taoyuan-cunguiminyue-2025/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('桃源村村规民约（2025年修订）');
    expect(await page.locator('.badge-large').textContent()).toBe('现行');
    const meeting = page.locator('dt:text-is("通过会议") + dd a');
    expect(await meeting.getAttribute('href')).toBe('/meetings/2025-06-18-taoyuan-cunguiminyue-jueyi/');

    const diff = page.locator('.rule-diff');
    expect(await diff.locator('h2').textContent()).toBe('与上一版本（2019年版）相比');
    const added = await diff.locator('ins').allTextContents();
    const removed = await diff.locator('del').allTextContents();
    expect(added).toContain('新增：第五条 生活垃圾分类投放，不乱倒垃圾、不焚烧秸秆，门前屋后保持整洁。');
    expect(removed).toContain('删除：第五条 村内道路修建按户集资，每户每年不超过100元，由村民小组组长收取。');
    // Unchanged paragraphs are shown plainly, neither inserted nor deleted.
    expect(await diff.locator('p.diff-block:not(.diff-added):not(.diff-removed)').first().textContent()).toContain(
      '为推进村民自治',
    );
    expect(await diff.locator('p').first().textContent()).toMatch(/^新增 \d+ 段，删除 \d+ 段/);

    const versions = page.locator('section[aria-labelledby="versions-heading"] li');
    expect(await versions.allTextContents()).toEqual([
      expect.stringMatching(/^2025年修订版（本页） 现行/),
      expect.stringMatching(/^2019年版 已废止/),
    ]);
    expect(await versions.nth(1).locator('a').getAttribute('href')).toBe('/rules/taoyuan-cunguiminyue-2019/');
    await fitsPhone(page);
  });

  it('says on the old version that it is repealed and links the current one', async () => {
    const page = await open('/rules/taoyuan-cunguiminyue-2019/');
    const note = page.locator('.record-note');
    expect(await note.textContent()).toContain('本版本已废止');
    expect(await note.locator('a').getAttribute('href')).toBe('/rules/taoyuan-cunguiminyue-2025/');
  });

  it('shows each power of the 小微权力清单 with its flowchart as a numbered list', async () => {
    const page = await open('/rules/taoyuan-xiaoweiquanli-2025/');
    const flows = page.locator('#powers-heading ~ section ol.flow');
    expect(await flows.count()).toBeGreaterThanOrEqual(5);
    const first = flows.first();
    expect(await first.getAttribute('aria-labelledby')).toBe('power-1-steps');
    const steps = await first.locator('li').allTextContents();
    expect(steps[0]).toBe('第 1 步村党组织提议');
    expect(steps.at(-1)).toBe('第 7 步实施结果公开');
    await fitsPhone(page);
  });

  it('shows the 服务清单 items as cards with type, materials, time limit, window and phone', async () => {
    const page = await open('/rules/jinxiu-fuwuqingdan-2026/');
    const cards = page.locator('.service-cards > li');
    expect(await cards.count()).toBeGreaterThanOrEqual(10);
    const first = cards.first();
    expect(await first.locator('dt').allTextContents()).toEqual([
      '办理方式',
      '所需材料',
      '办结时限',
      '办理窗口',
      '咨询电话',
    ]);
    expect(await first.locator('a[href^="tel:"]').count()).toBe(1);
    await fitsPhone(page);
  });

  it('shows a 征求意见稿 with its deadline', async () => {
    const page = await open('/rules/xinhua-jumingongyue-2026/');
    expect(await page.locator('.badge-large').textContent()).toBe('征求意见稿');
    expect(await page.locator('.record-note').textContent()).toBe('这是征求意见稿，2026年12月20日前可以提出意见。');
  });
});

describe('the print copy', () => {
  it('prints the flowcharts and a QR code back to the page', async () => {
    const page = await open('/rules/taoyuan-xiaoweiquanli-2025/print/');
    expect(await page.locator('ol.flow').count()).toBe(6);
    const qr = page.locator('.print-qr svg');
    expect(await qr.getAttribute('aria-label')).toMatch(/\/rules\/taoyuan-xiaoweiquanli-2025\/$/);
  });
});

describe('the rules list', () => {
  it('groups by kind and filters by place with plain links', async () => {
    const page = await open('/rules/');
    expect(await page.locator('main h2').allTextContents()).toEqual(
      expect.arrayContaining(['村规民约', '居民公约', '小微权力清单', '服务清单']),
    );
    await page.locator('.filter-fold summary').click();
    await page.locator('.filter-bar a', { hasText: '桃源村' }).click();
    expect(new URL(page.url()).pathname).toBe('/rules/place/taoyuan/');
    expect(await page.locator('.rule-list a').allTextContents()).toEqual([
      '桃源村村规民约（2025年修订）',
      '桃源村村规民约（2019年版）',
      '桃源村小微权力清单',
    ]);
    await fitsPhone(page);
  });

  it('lists the current rules on the place page', async () => {
    const page = await open('/places/taoyuan/');
    const section = page.locator('section[aria-labelledby="rules-heading"]');
    expect(await section.locator('.rule-list a').allTextContents()).toEqual([
      '桃源村村规民约（2025年修订）',
      '桃源村小微权力清单',
    ]);
  });

  it('has a feed with every public rule', () => {
    const feed = readFileSync(path.join(DEMO_OUT_DIR, 'rules/feed.xml'), 'utf8');
    expect(feed.match(/<item>/g)).toHaveLength(5);
    expect(feed).toContain('【征求意见稿】新华社区居民公约（征求意见稿）');
  });
});

describe('rules as open data', () => {
  const read = (file: string) => parseCsv(readFileSync(path.join(DEMO_OUT_DIR, 'data', file), 'utf8'));
  const column = (rows: ReturnType<typeof read>, name: string) => {
    const i = rows[0]?.cells.indexOf(name) ?? -1;
    expect(i, name).toBeGreaterThanOrEqual(0);
    return rows.slice(1).map((r) => r.cells[i]);
  };

  it('writes one row per rule to rules.csv, with Chinese labels beside the codes', () => {
    const rows = read('rules.csv');
    expect(column(rows, 'id').sort()).toEqual([
      'jinxiu-fuwuqingdan-2026',
      'taoyuan-cunguiminyue-2019',
      'taoyuan-cunguiminyue-2025',
      'taoyuan-xiaoweiquanli-2025',
      'xinhua-jumingongyue-2026',
    ]);
    const byId = new Map(rows.slice(1).map((r) => [r.cells[0], r.cells]));
    const header = rows[0]?.cells ?? [];
    const cell = (id: string, name: string) => byId.get(id)?.[header.indexOf(name)];
    expect(cell('taoyuan-cunguiminyue-2025', 'kind_label')).toBe('村规民约');
    expect(cell('taoyuan-cunguiminyue-2025', 'status_label')).toBe('现行');
    expect(cell('taoyuan-cunguiminyue-2025', 'previous')).toBe('taoyuan-cunguiminyue-2019');
    expect(cell('taoyuan-cunguiminyue-2025', 'meeting')).toBe('2025-06-18-taoyuan-cunguiminyue-jueyi');
    expect(cell('taoyuan-cunguiminyue-2025', 'place_name')).toBe('桃源村');
    expect(cell('taoyuan-xiaoweiquanli-2025', 'item_count')).toBe('6');
    expect(header).not.toContain('powers');
  });

  it('writes one row per service item to service-items.csv', () => {
    const rows = read('service-items.csv');
    expect(rows.length - 1).toBe(12);
    expect(new Set(column(rows, 'rule'))).toEqual(new Set(['jinxiu-fuwuqingdan-2026']));
    expect(column(rows, 'type_label')).toContain('直接办结');
    expect(column(rows, 'steps')[0]).toBe('提交材料→窗口核对信息→录入系统并告知缴费方式');
  });

  it('describes both files in datapackage.json with Chinese titles', () => {
    const descriptor = JSON.parse(readFileSync(path.join(DEMO_OUT_DIR, 'data/datapackage.json'), 'utf8')) as {
      resources: {
        name: string;
        path: string;
        title: string;
        schema?: { fields: { name: string; title: string }[] };
      }[];
    };
    const rules = descriptor.resources.find((r) => r.name === 'rules');
    const items = descriptor.resources.find((r) => r.name === 'service-items');
    expect(rules?.path).toBe('rules.csv');
    expect(items?.path).toBe('service-items.csv');
    const titles = new Map(rules?.schema?.fields.map((f) => [f.name, f.title]));
    expect(titles.get('kind')).toBe('类型');
    expect(titles.get('kind_label')).toBe('类型（中文）');
    expect(titles.get('commentDeadline')).toBe('征求意见截止日期');
    expect(items?.schema?.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['name', 'type', 'type_label', 'materials', 'time_limit', 'window', 'phone', 'steps']),
    );
  });
});
