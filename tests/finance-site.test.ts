/**
 * The finance pages of the built demo (DEMO_TODAY): what residents read, from the real build output, and how it
 * reads on a 360 px phone with JavaScript off. Accessibility (axe) of one page per route is in portal-a11y.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/open-data/csv.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoInBrowser } from './support/demo-browser.ts';

const read = (file: string) => readFileSync(path.join(DEMO_OUT_DIR, file), 'utf8');
const text = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('finance pages of the demo', () => {
  it('lists every village and community with its latest month and whether the 24 months are complete', () => {
    const page = text(read('finance/index.html'));
    expect(page).toMatch(/桃源村 2026年10月 期末余额 254,412\.16 元 齐全（24 个月）/);
    expect(page).toMatch(/柳湾村 2026年10月 期末余额 [\d,]+\.\d\d 元 齐全（24 个月）/);
    expect(page).toContain('南岭村 尚未上网公开 尚无台账');
  });

  it('shows a village’s 24 months and its income and expense by account, summed to the 分', () => {
    const html = read('finance/taoyuan/index.html');
    const months = [...html.matchAll(/href="\/finance\/taoyuan\/(\d{4}-\d{2})\/"/g)].map((m) => m[1]);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2026-10');
    expect(months.at(-1)).toBe('2024-11');
    const page = text(html);
    expect(page).toMatch(/2026-08 [\d,]+\.\d\d [\d,]+\.\d\d 242,876\.21/);
    expect(page).toContain('救助及代发补助');
    expect(page).toContain('补助收入');
    expect(text(read('finance/liuwan/index.html'))).toContain('发包及上交收入');
  });

  it('draws income, expense and balance as inline SVG charts with Chinese text and a summary, no script', () => {
    const html = read('finance/taoyuan/index.html');
    const figures = html.match(/<figure class="finance-chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(2);
    for (const figure of figures) {
      expect(figure).toMatch(/<svg [^>]*role="img"/);
      expect(figure).toMatch(/<text[^>]*>[^<]*[\u4e00-\u9fff][^<]*<\/text>/);
      expect(figure).toMatch(/<figcaption[^>]*>2024年11月至2026年10月，桃源村/);
    }
    expect(html).not.toMatch(/<script[^>]*chart/i);
  });

  it('links a village page to its latest ledger and its months', () => {
    const page = read('places/taoyuan/index.html');
    expect(page).toContain('href="/finance/taoyuan/2026-10/"');
    expect(page).toContain('href="/finance/taoyuan/"');
    expect(read('places/nanling/index.html')).not.toContain('href="/finance/nanling/');
  });

  it('prints a month’s ledger: balances, each line with voucher and account, the 低保 line with name and amount', () => {
    const page = text(read('finance/taoyuan/2026-08/index.html'));
    expect(page).toContain('桃源村2026年8月财务收支明细');
    expect(page).toContain('期初余额 259,890.73 元');
    expect(page).toContain('期末余额 242,876.21 元');
    expect(page).toContain('8月9日 代发低保金（五组 陈秀英，三个月） 救助及代发补助 · 凭证 记-003 2,040.00');
    expect(page).toContain('上月：2026年7月');
  });

  it('has an A4 print copy of each ledger with every line and a QR code back to the web page', () => {
    const html = read('finance/taoyuan/2026-08/print/index.html');
    expect(html).toMatch(
      /<svg role="img" aria-label="扫码查看网上原文和修改记录：https:\/\/[^"]+\/finance\/taoyuan\/2026-08\/"/,
    );
    const page = text(html);
    expect(page).toContain('期初余额 259,890.73 元 + 收入 8,840.00 元 − 支出 25,854.52 元 = 期末余额 242,876.21 元');
    expect(page).toContain('08-09 记-003 代发低保金（五组 陈秀英，三个月） 救助及代发补助 2,040.00');
    expect(read('finance/taoyuan/2026-08/index.html')).toContain('href="/finance/taoyuan/2026-08/print/"');
  });
});

describe('finance open data of the demo', () => {
  const descriptor = JSON.parse(read('data/datapackage.json')) as {
    resources: { name: string; path: string; schema?: { fields: { name: string; type: string; title: string }[] } }[];
  };

  it('describes the ledger lines with Chinese field titles and amounts as numbers', () => {
    const ledger = descriptor.resources.find((r) => r.name === 'finance-ledger');
    expect(ledger?.path).toBe('finance-ledger.csv');
    const amount = ledger?.schema?.fields.find((f) => f.name === 'amount');
    expect(amount).toMatchObject({ type: 'number', title: '金额' });
    expect(descriptor.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(['finance-ledger', 'finance-ledger-json', 'finance-balances']),
    );
  });

  it('writes every line, with the 低保 line as name and amount only, and balances that chain', () => {
    const lines = parseCsv(read('data/finance-ledger.csv'))
      .slice(1)
      .map((r) => r.cells);
    const ledgers = JSON.parse(read('data/finance-ledger.json')) as { income: unknown[]; expense: unknown[] }[];
    expect(ledgers).toHaveLength(48);
    expect(lines).toHaveLength(ledgers.reduce((n, l) => n + l.income.length + l.expense.length, 0));
    expect(lines).toContainEqual([
      'taoyuan',
      '桃源村',
      '2026-08',
      'expense',
      '2026-08-09',
      '记-003',
      '代发低保金（五组 陈秀英，三个月）',
      'relief',
      '救助及代发补助',
      '2040.00',
    ]);
    const balances = parseCsv(read('data/finance-balances.csv'))
      .slice(1)
      .map((r) => r.cells);
    const taoyuan = balances.filter((r) => r[0] === 'taoyuan');
    expect(taoyuan).toHaveLength(24);
    for (let i = 1; i < taoyuan.length; i++) expect(taoyuan[i]?.[3]).toBe(taoyuan[i - 1]?.[6]);
    expect(taoyuan.find((r) => r[2] === '2026-08')?.slice(3)).toEqual([
      '259890.73',
      '8840.00',
      '25854.52',
      '242876.21',
    ]);
  });
});

describe('disclosure cadence of the demo (months covered, due on the 10th)', () => {
  it('flags only 南岭村, whose October finances are covered by no notice and no ledger', () => {
    expect(text(read('places/nanling/index.html'))).toContain(
      '2026年10月财务收支未公开（应于 2026年11月10日 前公开，上次公开于 2026年10月10日）',
    );
    for (const place of ['taoyuan', 'liuwan', 'shiqiao', 'xinhua', 'qinghe', 'jinxiu'])
      expect(read(`places/${place}/index.html`), place).not.toContain('财务收支未公开');
  });
});

describe('finance pages on a 360 px phone without JavaScript', () => {
  const demo = demoInBrowser();
  let context: BrowserContext;
  beforeAll(async () => {
    context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  });
  afterAll(async () => context.close());

  it.each(['/finance/', '/finance/liuwan/', '/finance/liuwan/2026-01/'])(
    '%s fits the screen and shows its table',
    async (pathname) => {
      const page = await context.newPage();
      await page.goto(demo.url + pathname);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await page.locator('table').first().isVisible()).toBe(true);
      await page.close();
    },
  );
});
