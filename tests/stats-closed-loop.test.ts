/**
 * The closed loop in depth, the per-capita comparison and phone-first statistics tables, on the built demo
 * (DEMO_TODAY). Figures are checked against sums computed here straight from content/stats/*.json, so the page
 * cannot agree with itself and be wrong. Then Chromium at 360 px: no sideways page scroll, axe 0.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Stats } from '../src/schemas/stats.ts';
import { axeViolationsHere } from './support/axe.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoInBrowser } from './support/demo-browser.ts';

const text = (file: string) =>
  (/<main[\s\S]*<\/main>/.exec(readFileSync(path.join(DEMO_OUT_DIR, file), 'utf8'))?.[0] ?? '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const records = (month: string): Stats[] =>
  readdirSync('content/stats')
    .filter((f) => f.endsWith(`-${month}.json`))
    .map((f) => JSON.parse(readFileSync(path.join('content/stats', f), 'utf8')) as Stats);
const place = (id: string) =>
  JSON.parse(readFileSync(`content/places/${id}.json`, 'utf8')) as {
    name: string;
    population: number;
    households: number;
    populationYear: number;
  };

describe('the 12345-style bulletin of the demo', () => {
  it('adds up every unit of the latest complete month as filed, and names the late units', () => {
    const units = new Map<string, number[]>();
    for (const r of records('2026-10')) {
      for (const u of r.closedLoop?.units ?? []) {
        const sum = units.get(u.unit) ?? [0, 0, 0, 0, 0];
        [u.assigned, u.onTime, u.late, u.open, u.dissatisfied].forEach((v, i) => (sum[i]! += v));
        units.set(u.unit, sum);
      }
    }
    const page = text('stats/closed-loop/index.html');
    expect(page).toContain(
      '2026年10月各承办单位办理情况（件） 承办单位 交办 按时办结 超时办结 未办结 不满意 按时办结率',
    );
    for (const [unit, [assigned, onTime, late, open, dissatisfied]] of units) {
      const rate = `${((onTime! / (onTime! + late!)) * 100).toFixed(1)}%`;
      expect(page).toContain(` ${unit} ${assigned} ${onTime} ${late} ${open} ${dissatisfied} ${rate} `);
    }
    const zhujian = units.get('区住建局')!;
    expect(page).toContain(`区住建局超时 ${zhujian[2]} 件、未办结 ${zhujian[3]} 件`);
    expect(page).toMatch(/超时通报：[^。]+。/);
    // The same month's received demands, split by category, add up to the demands received.
    const received = records('2026-10').reduce((a, r) => a + r.demands.received, 0);
    const categories = records('2026-10').reduce((a, r) => a + (r.closedLoop?.byCategory?.livelihood ?? 0), 0);
    expect(page).toContain(`民生服务 ${categories}（${((categories / received) * 100).toFixed(1)}%）`);
  });

  it('publishes the service standards with the time limit per category', () => {
    const page = text('stats/standards/index.html');
    expect(page).toContain('民生服务 3 个工作日内 2 小时内联系群众，3 个工作日内办结');
    expect(page).toContain('政策咨询 当天 政策咨询当场或当天答复');
  });
});

describe('the per-capita comparison of the demo', () => {
  it('shows each village per 1,000 residents and per 100 households, with the population year', () => {
    const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'].concat(
      ['05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`),
    );
    const received = months
      .flatMap(records)
      .filter((r) => r.place === 'taoyuan')
      .reduce((a, r) => a + r.demands.received, 0);
    const taoyuan = place('taoyuan');
    const perThousand = ((received / taoyuan.population) * 1000).toFixed(1);
    const perHundred = ((received / taoyuan.households) * 100).toFixed(1);
    const page = text('stats/compare/index.html');
    expect(page).toContain('2025年11月至2026年10月各村社区每千人、每百户件数');
    expect(page).toContain(
      `桃源村 ${taoyuan.population.toLocaleString('en-US')} 人（${taoyuan.households.toLocaleString('en-US')} 户，2025年） ` +
        `${received.toLocaleString('en-US')} 件；每千人 ${perThousand}；每百户 ${perHundred}`,
    );
  });
});

describe('one period selector on every statistics page', () => {
  const html = (file: string) => readFileSync(path.join(DEMO_OUT_DIR, file), 'utf8');
  const selector = (file: string) =>
    (/<nav class="period-selector"[\s\S]*?<\/nav>/.exec(html(file))?.[0] ?? '')
      .replace(/ data-astro-cid-\w+/g, '')
      .replace(/\s+/g, ' ');

  it('links 近12个月, 今年 and each earlier year as static pages, the current one marked', () => {
    const pages = [
      'stats/index.html',
      'stats/2026/10/index.html',
      'stats/place/taoyuan/index.html',
      'stats/indicator/demands-received/index.html',
      'stats/compare/index.html',
      'stats/closed-loop/index.html',
    ];
    const reference = selector('stats/index.html');
    expect(reference).toContain('<a href="/stats/period/last-12/" aria-current="page">近12个月</a>');
    expect(reference).toContain('<a href="/stats/period/this-year/">今年</a>');
    expect(reference).toContain('<a href="/stats/period/2025/">2025年</a>');
    expect(reference).toContain('<a href="/stats/period/2024/">2024年</a>');
    for (const page of pages) expect(selector(page), page).toBe(reference);
    const year = text('stats/period/2025/index.html');
    expect(selector('stats/period/2025/index.html')).toContain('aria-current="page">2025年</a>');
    expect(year).toContain('云溪街道2025年治理数据');
    expect(year).toContain('共 12 个报齐的月份。');
    const received = readdirSync('content/stats')
      .filter((f) => /-2025-\d\d\.json$/.test(f))
      .map((f) => (JSON.parse(readFileSync(path.join('content/stats', f), 'utf8')) as Stats).demands.received)
      .reduce((a, b) => a + b, 0);
    expect(year).toContain(`群众说事（受理诉求） ${received.toLocaleString('en-US')} 件`);
    expect(text('stats/period/this-year/index.html')).toContain('今年：2026年（1–10 月）');
  });
});

describe('statistics pages on a 360 px phone', () => {
  const demo = demoInBrowser();
  const pages = [
    '/stats/closed-loop/',
    '/stats/standards/',
    '/stats/compare/',
    '/stats/compare/by-resolution-rate/',
    '/stats/',
    '/stats/2026/10/',
    '/stats/indicator/demands-received/',
    '/stats/place/taoyuan/',
    '/stats/period/last-12/',
    '/stats/period/2025/',
    '/stats/2026/09/',
    '/data/',
    '/',
    '/places/taoyuan/',
  ];

  it(
    'never scrolls the page sideways, marks wide tables as scroll regions, and has no axe violations',
    { timeout: 180_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const failures: string[] = [];
      for (const pathname of pages) {
        await page.goto(`${demo.url}${pathname}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) failures.push(`${pathname}: page scrolls sideways by ${overflow} px`);
        // Every table either fits (card tables) or sits in a focusable, labelled scroll box with a visible cue.
        const unmarked = await page.evaluate(
          () =>
            [...document.querySelectorAll('main table')]
              .filter((table) => table.getBoundingClientRect().width > window.innerWidth)
              .filter((table) => {
                const box = table.closest('.table-scroll');
                const cue = box?.previousElementSibling;
                return !(
                  box?.getAttribute('tabindex') === '0' &&
                  cue?.classList.contains('scroll-cue') &&
                  getComputedStyle(cue).display !== 'none'
                );
              }).length,
        );
        if (unmarked > 0) failures.push(`${pathname}: ${unmarked} wide table(s) in an unmarked scroll box`);
        failures.push(...(await axeViolationsHere(page, pathname)));
      }
      // The bulletin reads as cards: each number with its column name, inside the screen.
      await page.goto(`${demo.url}/stats/closed-loop/`);
      const cell = page.locator('.card-table tbody tr').first().locator('td').nth(2);
      expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"超时办结"');
      const box = await page.locator('.card-table').first().boundingBox();
      expect(box!.width).toBeLessThanOrEqual(360);
      await context.close();
      expect(failures).toEqual([]);
    },
  );
});

describe('open data of the demo for a journalist', () => {
  const data = (file: string) => readFileSync(path.join(DEMO_OUT_DIR, 'data', file), 'utf8');

  it('publishes places.csv and decisions.csv as real tables with Chinese labels beside codes', () => {
    const places = data('places.csv').trim().split('\r\n');
    expect(data('places.csv').startsWith('\uFEFF')).toBe(true);
    // (trim() also removed the BOM)
    expect(places[0]).toBe('id,name,level,level_label,parent,parent_name,households,population,population_year');
    expect(places).toHaveLength(1 + readdirSync('content/places').length);
    expect(places).toContain(
      `taoyuan,桃源村,village,村,yunxi,云溪街道,${place('taoyuan').households},${place('taoyuan').population},2025`,
    );
    const decisions = data('decisions.csv');
    expect(decisions).toMatch(/^\uFEFFmeeting,meeting_date,place,place_name,number,title,votes_for,/);
    expect(decisions).not.toMatch(/[{[]"/); // no JSON inside a cell
    expect(data('meetings.csv').split('\r\n')[0]).not.toContain('decisions');
    expect(data('notices.csv').split('\r\n')[0]).toContain(',category,category_label,');
  });

  it('writes every month with its year in chart CSVs and rates with one decimal in stats.csv', () => {
    const chart = data('charts/trend-yunxi-response-rate-resolution-rate-satisfaction-rate.csv');
    const months = chart
      .trim()
      .split('\r\n')
      .slice(1)
      .map((row) => row.split(',')[0]);
    expect(months.length).toBe(24);
    for (const m of months) expect(m).toMatch(/^\d{4}年\d{1,2}月$/);
    const rates = data('stats.csv')
      .split('\r\n')
      .filter((row) => row.includes(',responseRate,'))
      .map((row) => row.split(',')[5]);
    expect(rates.length).toBeGreaterThan(100);
    for (const r of rates) expect(r).toMatch(/^(\d{1,3}\.\d)?$/);
    expect(rates).toContain('100.0');
  });

  it('lists size, rows, last change and licence on /data/', () => {
    const page = text('data/index.html');
    expect(page).toContain('许可协议：知识共享署名 4.0（CC BY 4.0）');
    const rows = data('places.csv').trim().split('\r\n').length - 1;
    expect(page).toMatch(
      new RegExp(
        `地点（街道、村社区、网格）（places\\.csv） .*? 大小 [\\d.]+ KB，${rows} 行数据，内容最后更新于 \\d{4}年`,
      ),
    );
  });
});
