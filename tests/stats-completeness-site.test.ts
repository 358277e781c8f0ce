/**
 * A planted partial month, built for real: tests/fixtures/stats-partial has seven villages/communities with full
 * August and September 2026 and an October in which only 东村 reported (700 demands, far more than a usual month).
 * Built on 2026-11-24, after October's due day (the 10th, site.json statsDueDay). The town's figure must never be
 * 东村's October, and every page must say how complete its figures are. The build is the shared scenario
 * STATS_PARTIAL_CORRECTED (tests/support/scenarios.ts), which tests/stats-revisions-site.test.ts reads too: 西村's
 * September 干部解题 was corrected from 113 to 110, so the town's September 干部解题 is 928.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsHere } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { sharedBuild } from './support/build.ts';
import { STATS_PARTIAL_CORRECTED } from './support/scenarios.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

let out: string;
const html = (file: string) => readFileSync(path.join(out, file), 'utf8');
/** The visible text of a page's <main>, without charts' SVG, whitespace collapsed. */
const text = (file: string) =>
  (/<main[\s\S]*<\/main>/.exec(html(file))?.[0] ?? '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  ({ outDir: out } = await sharedBuild(STATS_PARTIAL_CORRECTED));
}, 240_000);

describe('a month in which 1 of 7 units reported', () => {
  it('is labelled 已报送 1/7 with who reported and who did not, and shows no town total', () => {
    const page = text('stats/2026/10/index.html');
    expect(page).toContain('测试街道2026年10月统计（未报齐）');
    expect(page).toContain('本月已报送 1/7，尚未报齐，因此不显示全街道合计，也不计算环比和同比。');
    expect(page).toContain('已报送：东村');
    expect(page).toContain('未报送：西村、南村、北村、河东社区、河西社区、山前村');
    expect(page).not.toContain('全街道各项指标');
    expect(page).toContain('2026年10月群众说事（受理诉求）只有东村有数据（700 件）。另有 6 个村社区没有数据。');
  });

  it('never becomes the town figure: overview, home and indicator pages speak for September (7/7)', () => {
    const overview = text('stats/index.html');
    expect(overview).toContain('数据截至 2026年9月（已报送 7/7）');
    expect(overview).toContain('2026年10月：已报送 1/7，尚未报齐，不汇总全街道合计，也不与其他月份比较。');
    expect(overview).toContain('测试街道2026年9月全街道各项指标（已报送 7/7）');
    expect(overview).toContain('群众说事（受理诉求） 945 件 +35（+3.8%）');
    // The town trend ends in September: October's 700 is not a town point.
    expect(overview).toMatch(
      /月份 群众说事（受理诉求）（件） 干部解题（已办结）（件） 2026年8月 910 896 2026年9月 945 928 下载/,
    );
    const home = text('index.html');
    expect(home).toContain('数据截至 2026年9月，更新于');
    expect(home).toContain('2026年9月，全街道合计（已报送 7/7） 2026年10月已报送 1/7，报齐后汇总。');
    expect(home).toContain('群众说事（受理诉求） 945 件');
    expect(home).not.toContain('700 件');
    const indicator = text('stats/indicator/demands-received/index.html');
    expect(indicator).toContain('2026年10月 未报齐（已报送 1/7） — —');
    // The compare table covers the complete months only.
    expect(text('stats/compare/index.html')).toContain('2026年8月至2026年9月各村社区主要指标');
  });

  it('names the six units late with October, due on the 10th, like the disclosure badge', () => {
    const overview = text('stats/index.html');
    expect(overview).toContain('逾期 逾期未报送统计');
    for (const name of ['西村', '南村', '北村', '河东社区', '河西社区', '山前村']) {
      expect(overview).toContain(`${name}：2026年10月统计未报送（应于 2026年11月10日 前报送）`);
    }
    expect(overview).not.toContain('东村：2026年10月统计未报送');
    expect(overview).toContain('每月统计数据应在次月 10 日前报送');
    expect(text('places/xicun/index.html')).toContain(
      '逾期 逾期未报送统计 2026年10月统计未报送（应于 2026年11月10日 前报送）',
    );
    expect(text('places/dongcun/index.html')).not.toContain('统计未报送');
  });

  it('shows the 口径 note of a record on every page and file that shows its figures', () => {
    const line = '2026年9月 西村：本月起按新口径统计（含电话受理）。';
    for (const file of [
      'index.html',
      'stats/index.html',
      'stats/2026/09/index.html',
      'stats/place/xicun/index.html',
      'stats/indicator/demands-received/index.html',
      'stats/compare/index.html',
      'places/xicun/index.html',
    ]) {
      expect(text(file), file).toContain(file === 'stats/2026/09/index.html' ? '西村：本月起按新口径统计' : line);
    }
    expect(text('stats/place/dongcun/index.html')).not.toContain('新口径');
    const csv = readFileSync(path.join(out, 'data/stats.csv'), 'utf8');
    expect(csv).toContain(
      'xicun,西村,2026-09,demands.received,群众说事（受理诉求）,115,件,本月起按新口径统计（含电话受理）。',
    );
    // …and in the chart downloads, on the row of the month (a trend) or of the place (a comparison).
    const chart = (id: string) => readFileSync(path.join(out, 'data/charts', `${id}.csv`), 'utf8');
    expect(chart('trend-xicun-demands-received-demands-resolved')).toMatch(
      /2026年9月,.*,2026年9月 西村：本月起按新口径统计（含电话受理）。/,
    );
    expect(chart('compare-demands-received-2026-09')).toMatch(
      /西村,.*,2026年9月 西村：本月起按新口径统计（含电话受理）。/,
    );
  });

  it('dates the data by its last change in git, not by the build', () => {
    expect(text('stats/index.html')).toMatch(/，更新于 \d{4}年\d{1,2}月\d{1,2}日/);
    expect(html('index.html')).toMatch(/<footer[\s\S]*内容更新于 \d{4}年\d{1,2}月\d{1,2}日[\s\S]*<\/footer>/);
    expect(html('index.html')).not.toContain('网页生成于');
  });
});

describe('the partial-month pages in Chromium', () => {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(out);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const pages = ['/', '/stats/', '/stats/2026/10/', '/stats/2026/09/', '/stats/compare/', '/places/xicun/'];

  it('has no axe violations and no horizontal page scroll at 360 px', { timeout: 120_000 }, async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const failures: string[] = [];
    for (const pathname of pages) {
      await page.goto(`${server!.url}${pathname}`);
      failures.push(...(await axeViolationsHere(page, pathname)));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) failures.push(`${pathname}: page scrolls sideways by ${overflow} px`);
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});
