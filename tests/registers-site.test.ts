/**
 * The 三资 registers of the built demo (DEMO_TODAY 2026-11-24): the contract, asset and resource pages as residents
 * read them, the open-data rows against the demo files, and the three pages on a 360 px phone without JavaScript
 * with axe (portal-a11y.test.ts also checks one page of each route).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/open-data/csv.ts';
import { axeViolations } from './support/axe.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoInBrowser } from './support/demo-browser.ts';

const read = (file: string) => readFileSync(path.join(DEMO_OUT_DIR, file), 'utf8');
const text = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const rows = (file: string) =>
  parseCsv(read(`data/${file}`))
    .slice(1)
    .map((r) => r.cells);
const demo = (place: string) =>
  JSON.parse(readFileSync(`content/registers/${place}.json`, 'utf8')) as {
    assets: unknown[];
    resources: unknown[];
    contracts: { id: string }[];
  };

describe('register pages of the demo', () => {
  it('shows each contract with its term, money and status in words, linked to its 决议', () => {
    const html = read('finance/liuwan/contracts/index.html');
    const page = text(html);
    expect(page).toContain(
      '柳湾丰禾粮食种植专业合作社 七至九组812亩耕地经营权委托流转（每亩每年650元，只能种粮） LW-2027-001 2027-01-01 至 2036-12-31 5,278,000.00 0.00 0.00 决议： 七至九组土地经营权委托流转',
    );
    expect(html).toContain('href="/matters/liuwan-tudi-2026/"');
    expect(page).toMatch(
      /LW-2024-002 2024-01-01 至 2026-12-31 226,800.00 226,800.00 226,800.00 即将到期（还有 37 天） 无决议/,
    );
    expect(page).toContain('逾期未付 4,824.00 元 无决议');
    expect(text(read('finance/taoyuan/contracts/index.html'))).toContain('决议： 桃源路主干道路灯改造');
  });

  it('lists assets with category, value, status and a total, and resources linked to their contracts', () => {
    const assets = text(read('finance/taoyuan/assets/index.html'));
    expect(assets).toContain('桃源文化礼堂 房屋及建筑物，村部西侧，2019年购建 860,000.00 在用');
    expect(assets).toContain('旧路灯（96盏）');
    expect(assets).toContain('报废');
    expect(assets).toContain('合计 3,210,570.50');
    const resources = read('finance/liuwan/resources/index.html');
    expect(text(resources)).toContain(
      '七至九组委托流转耕地 耕地，七组、八组、九组 812 农户委托村集体统一流转，种植粮食',
    );
    expect(resources).toContain('href="/finance/liuwan/contracts/#contract-LW-2027-001"');
  });

  it('is linked from /finance/ and from the village’s finance page', () => {
    for (const file of ['finance/index.html', 'finance/liuwan/index.html']) {
      for (const part of ['contracts', 'assets', 'resources'])
        expect(read(file)).toContain(`href="/finance/liuwan/${part}/"`);
    }
    expect(read('finance/index.html')).not.toContain('href="/finance/nanling/contracts/"');
  });
});

describe('register open data of the demo', () => {
  const descriptor = JSON.parse(read('data/datapackage.json')) as {
    resources: {
      name: string;
      path: string;
      schema?: { fields: { name: string; type: string; title: string; description?: string }[] };
    }[];
  };

  it('describes the three tables with Chinese titles, descriptions and amounts as numbers', () => {
    const contracts = descriptor.resources.find((r) => r.name === 'contracts');
    expect(contracts?.path).toBe('contracts.csv');
    expect(contracts?.schema?.fields.find((f) => f.name === 'amount')).toMatchObject({
      type: 'number',
      title: '合同总金额',
    });
    expect(contracts?.schema?.fields.find((f) => f.name === 'counterparty')?.description).toContain('不写身份证号');
    const assets = descriptor.resources.find((r) => r.name === 'assets');
    expect(assets?.schema?.fields.map((f) => f.name)).toContain('category_label');
    expect(descriptor.resources.find((r) => r.name === 'resources')?.schema?.fields.map((f) => f.name)).toContain(
      'kind_label',
    );
    const catalogue = read('data/index.html');
    for (const file of ['contracts.csv', 'assets.csv', 'resources.csv'])
      expect(catalogue).toContain(`href="/data/${file}"`);
  });

  it('writes one row per contract, asset and resource of the demo files, paid and due as of the build day', () => {
    const contracts = rows('contracts.csv');
    const files = ['liuwan', 'taoyuan'].map(demo);
    expect(contracts.map((r) => r[2])).toEqual(files.flatMap((f) => f.contracts.map((c) => c.id)));
    expect(rows('assets.csv')).toHaveLength(files.reduce((n, f) => n + f.assets.length, 0));
    expect(rows('resources.csv')).toHaveLength(files.reduce((n, f) => n + f.resources.length, 0));
    expect(contracts.find((r) => r[2] === 'LW-2027-001')).toEqual([
      'liuwan',
      '柳湾村',
      'LW-2027-001',
      '柳湾丰禾粮食种植专业合作社',
      '七至九组812亩耕地经营权委托流转（每亩每年650元，只能种粮）',
      '2027-01-01',
      '2036-12-31',
      '5278000.00',
      '0.00',
      '0.00',
      '0.00',
      'liuwan-tudi-2026',
      '2026-11-24',
    ]);
    expect(contracts.find((r) => r[2] === 'LW-2026-004')?.slice(7, 12)).toEqual([
      '48240.00',
      '0.00',
      '4824.00',
      '4824.00',
      '',
    ]);
    expect(contracts.find((r) => r[2] === 'TY-2024-001')?.slice(7, 11)).toEqual([
      '408000.00',
      '238000.00',
      '238000.00',
      '0.00',
    ]);
    expect(rows('assets.csv')).toContainEqual([
      'taoyuan',
      '桃源村',
      '会议桌椅',
      'furniture',
      '办公家具及用品',
      '12650.50',
      '村部二楼会议室',
      'inUse',
      '在用',
      '2012-08-15',
    ]);
    expect(rows('resources.csv')).toContainEqual([
      'liuwan',
      '柳湾村',
      'water',
      '水面',
      '沙洲鱼塘',
      '42.5',
      '沙洲排涝站南侧',
      '发包水产养殖',
      'LW-2025-003',
    ]);
  });
});

describe('register pages on a 360 px phone without JavaScript', () => {
  const demo = demoInBrowser();
  const pages = ['/finance/liuwan/contracts/', '/finance/taoyuan/assets/', '/finance/liuwan/resources/'];
  let context: BrowserContext;
  beforeAll(async () => {
    context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  });
  afterAll(async () => context.close());

  it.each(pages)('%s fits the screen and shows its table', async (pathname) => {
    const page = await context.newPage();
    await page.goto(demo.url + pathname);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('table').first().isVisible()).toBe(true);
    await page.close();
  });

  it('has no axe violations (WCAG 2.2 AA) on the three pages', { timeout: 120_000 }, async () => {
    // axe runs as a script: a context of its own, with JavaScript (as portal-a11y.test.ts does).
    const axeContext = await demo.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await axeContext.newPage();
    const failures: string[] = [];
    for (const pathname of pages) failures.push(...(await axeViolations(page, demo.url + pathname, pathname)));
    await axeContext.close();
    expect(failures).toEqual([]);
  });
});
