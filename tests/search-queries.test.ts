/**
 * Chinese queries against the demo's real Pagefind index, typed into the real search page in Chromium, each
 * expecting a specific page near the top. They cover what Chinese segmentation makes hard: words inside longer
 * phrases (解题 in 群众说事、干部解题), place names and village groups, statute names and article numbers,
 * amounts and counts, synonyms that only exist as editors' keywords (医保/新农合), and months (2025年3月).
 * docs/search.md explains the limits these guard and how we mitigate them.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoInBrowser } from './support/demo-browser.ts';

interface QueryCase {
  query: string;
  /** What the resident is looking for, in words (goes into the test name). */
  looksFor: string;
  url: string;
  /** The page must be among the first `top` results shown. */
  top: number;
}

const CASES: QueryCase[] = [
  // Notices: everyday words residents type.
  {
    query: '低保',
    looksFor: 'the 桃源村 低保 review notice',
    url: '/notices/2026-11-22-taoyuan-dibao-2026q4/',
    top: 3,
  },
  {
    query: '最低生活保障',
    looksFor: 'the 清河社区 低保 notice by its full name',
    url: '/notices/2025-01-20-qinghe-dibao-2025q1/',
    top: 3,
  },
  {
    query: '宅基地',
    looksFor: 'the current homestead application notice',
    url: '/notices/2026-11-23-shiqiao-zhaijidi-2026/',
    top: 3,
  },
  {
    query: '征兵',
    looksFor: 'the current conscription notice',
    url: '/notices/2026-11-20-yunxi-zhengbing-2027/',
    top: 3,
  },
  {
    query: '美丽庭院',
    looksFor: 'the 美丽庭院 award notice',
    url: '/notices/2025-06-12-liuwan-renju-huanjing-jiangbu/',
    top: 1,
  },
  {
    query: '护林员',
    looksFor: 'the forest ranger selection notice',
    url: '/notices/2025-05-20-nanling-huilinyuan-xuanpin/',
    top: 1,
  },
  {
    query: '预备党员',
    looksFor: 'the probationary party member notice',
    url: '/notices/2026-11-21-qinghe-yubei-dangyuan-jieshou/',
    top: 1,
  },
  { query: '党费', looksFor: 'a party dues notice', url: '/notices/2025-03-18-liuwan-dangfei-2024/', top: 3 },
  {
    query: '加装电梯',
    looksFor: 'the lift installation notice',
    url: '/notices/2026-04-27-qinghe-dianti-gongshi/',
    top: 3,
  },
  // Synonyms only in the editors' keywords (indexed with extra weight from Base.astro).
  {
    query: '医保',
    looksFor: 'the medical insurance notice by its short name',
    url: '/notices/2025-11-18-yunxi-yibao-jiaofei-2026/',
    top: 1,
  },
  {
    query: '新农合',
    looksFor: 'the medical insurance notice by its old name (keyword only)',
    url: '/notices/2025-11-18-yunxi-yibao-jiaofei-2026/',
    top: 5,
  },
  // Place names, village groups and housing estates inside longer text.
  { query: '桃花坞', looksFor: '桃源村, whose area lists the 桃花坞 group', url: '/places/taoyuan/', top: 3 },
  {
    query: '竹山坳',
    looksFor: 'the 竹山坳 irrigation 一事一议 notice',
    url: '/notices/2025-10-20-nanling-yishiyiyi-chouzi/',
    top: 3,
  },
  { query: '金桂园', looksFor: 'the 金桂园 grid page', url: '/places/xinhua-g3/', top: 3 },
  { query: '清河社区', looksFor: 'the 清河社区 page', url: '/places/qinghe/', top: 5 },
  // Words inside longer phrases and meeting vocabulary.
  { query: '解题', looksFor: 'the statistics overview (群众说事、干部解题)', url: '/stats/', top: 3 },
  {
    query: '飞线充电',
    looksFor: 'the 锦绣社区 residents’ council on hallway charging',
    url: '/meetings/2026-09-16-jinxiu-loudao-duiwu-yishi/',
    top: 3,
  },
  {
    query: '停车难',
    looksFor: 'the parking residents’ council',
    url: '/meetings/2026-10-28-jinxiu-tingchewei-yishi/',
    top: 1,
  },
  {
    query: '一事一议',
    looksFor: 'the 一事一议 representatives’ meeting',
    url: '/meetings/2025-10-15-nanling-shuiqu-yishiyiyi/',
    top: 3,
  },
  {
    query: '路灯改造 决议',
    looksFor: 'the street-light resolution meeting',
    url: '/meetings/2025-09-02-taoyuan-ludeng-jueyi/',
    top: 3,
  },
  {
    query: '土地流转',
    looksFor: 'the land transfer resolution notice',
    url: '/notices/2026-10-22-liuwan-tudi-liuzhuan-jueyi/',
    top: 3,
  },
  {
    query: '法定人数',
    looksFor: 'the meeting that lacked a quorum',
    url: '/meetings/2026-10-09-liuwan-tudi-daibiao-weiman/',
    top: 1,
  },
  {
    query: '青苗补偿',
    looksFor: 'the road resolution that settled crop compensation',
    url: '/meetings/2026-07-03-shiqiao-daolu-jueyi/',
    top: 3,
  },
  {
    query: '老年助餐',
    looksFor: 'the 2027 projects proposal meeting',
    url: '/meetings/2026-11-12-taoyuan-2027-xiangmu-tiyi/',
    top: 1,
  },
  // Statutes and articles.
  {
    query: '民法典 第1032条',
    looksFor: 'the privacy Q&A citing 民法典 Art. 1032',
    url: '/legal/cunwu-gongkai-yinsi/',
    top: 1,
  },
  { query: '隐私权', looksFor: 'the privacy Q&A', url: '/legal/cunwu-gongkai-yinsi/', top: 1 },
  { query: '身份证号', looksFor: 'why 低保 lists hide ID numbers', url: '/legal/cunwu-gongkai-yinsi/', top: 3 },
  {
    query: '村民委员会组织法',
    looksFor: 'the guide to supervising 村务公开',
    url: '/legal/cunwu-gongkai-jiandu/',
    top: 1,
  },
  { query: '彩礼', looksFor: 'the bride price Q&A', url: '/legal/caili-fanhuan/', top: 1 },
  { query: '离婚冷静期', looksFor: 'the divorce cooling-off Q&A', url: '/legal/lihun-lengjingqi/', top: 1 },
  { query: '赡养', looksFor: 'the Q&A on supporting parents after 分家', url: '/legal/shanyang-laoren/', top: 3 },
  {
    query: '欠薪',
    looksFor: 'the unpaid wages case by its short word (keyword)',
    url: '/legal/tuoqian-gongzi-anli/',
    top: 1,
  },
  // Standing rules and lists (/rules/).
  { query: '村规民约', looksFor: 'the current 桃源村 village rules', url: '/rules/taoyuan-cunguiminyue-2025/', top: 3 },
  {
    query: '小微权力清单',
    looksFor: 'the 桃源村 list of small powers',
    url: '/rules/taoyuan-xiaoweiquanli-2025/',
    top: 3,
  },
  {
    query: '居民公约',
    looksFor: 'the 新华社区 convention open for comment',
    url: '/rules/xinhua-jumingongyue-2026/',
    top: 3,
  },
  { query: '养老保险参保', looksFor: 'the 锦绣社区 service list', url: '/rules/jinxiu-fuwuqingdan-2026/', top: 3 },
  { query: '高空抛物', looksFor: 'the falling flowerpot case', url: '/legal/gaokong-paowu-anli/', top: 1 },
  {
    query: '民法典 第1067条',
    looksFor: 'the support Q&A citing 民法典 Art. 1067',
    url: '/legal/shanyang-laoren/',
    top: 3,
  },
  // Numbers: counts, amounts with thousands separators, article numbers.
  {
    query: '96盏',
    looksFor: 'the street-light result notice (96 lamps replaced)',
    url: '/notices/2026-01-15-taoyuan-ludeng-jieguo/',
    top: 3,
  },
  {
    query: '10,230',
    looksFor: 'the 一事一议 fund-raising notice (10,230 元)',
    url: '/notices/2025-10-20-nanling-yishiyiyi-chouzi/',
    top: 3,
  },
  { query: '1032', looksFor: 'the privacy Q&A by article number alone', url: '/legal/cunwu-gongkai-yinsi/', top: 3 },
  {
    query: '96110',
    looksFor: 'the anti-fraud guide by its hotline number',
    url: '/legal/fangfan-dianxin-zhapian/',
    top: 1,
  },
  {
    query: '3.6万',
    looksFor: 'the health-supplement fraud case (3.6万元)',
    url: '/legal/baojianpin-zhapian-anli/',
    top: 3,
  },
  // Statistics by indicator, place and month.
  { query: '矛盾纠纷 2025年3月', looksFor: 'the March 2025 statistics', url: '/stats/2025/03/', top: 1 },
  { query: '信访 2026年9月', looksFor: 'the September 2026 statistics', url: '/stats/2026/09/', top: 1 },
  { query: '2025年3月', looksFor: 'the March 2025 statistics by month alone', url: '/stats/2025/03/', top: 1 },
  {
    query: '调解成功率',
    looksFor: 'the mediation success rate indicator (/data/ lists every indicator too)',
    url: '/stats/indicator/mediation-rate/',
    top: 3,
  },
  { query: '满意率', looksFor: 'the satisfaction rate indicator', url: '/stats/indicator/satisfaction-rate/', top: 3 },
];

const demo = demoInBrowser();
let page: Page;

beforeAll(async () => {
  page = await (await demo.browser.newContext()).newPage();
});

/**
 * Type `query` into the search box and press Enter, as a resident does, then return the result links in order. The
 * page is opened once: it searches in place (search-page.ts), so each query costs a search, not a new page with
 * Pagefind started again. Opening /search/?q=… from a shared link is tested in tests/search-page.test.ts.
 */
async function resultsFor(query: string): Promise<string[]> {
  if (!page.url().startsWith(`${demo.url}/search/`)) {
    await page.goto(`${demo.url}/search/`);
    await page.locator('[data-search-filters]').waitFor({ state: 'visible' });
  }
  // The status line is emptied first, so the wait below sees this query's answer, not the last one's.
  await page.locator('#search-status').evaluate((status) => (status.textContent = ''));
  await page.getByLabel('搜索关键词').fill(query);
  await page.getByLabel('搜索关键词').press('Enter');
  await page.waitForFunction(() => /^(找到|没有)/.test(document.querySelector('#search-status')?.textContent ?? ''));
  expect(new URL(page.url()).searchParams.get('q'), 'the address follows the query').toBe(query);
  return page
    .locator('#search-results > li h3 a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('Chinese queries on the demo site', () => {
  it('has at least 30 query cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('searching “$query” finds $looksFor in the top $top', async ({ query, url, top }) => {
    const urls = await resultsFor(query);
    expect(urls.slice(0, top), `results for ${query}: ${urls.join(' ')}`).toContain(url);
  });

  it('never finds the notice scheduled after the build day, only the published one on the same subject', async () => {
    // The demo has a 2027 medical insurance notice published 2026-12-01, after DEMO_TODAY (2026-11-24).
    const urls = await resultsFor('城乡居民基本医疗保险费');
    expect(urls).toContain('/notices/2025-11-18-yunxi-yibao-jiaofei-2026/');
    expect(urls).not.toContain('/notices/2026-12-01-yunxi-yibao-jiaofei-2027/');
  });
});
