/**
 * A resident follows one 事项 on a 360 px phone with JavaScript off: from the village page to the matter, through
 * its timeline to every meeting and notice, and to the result notice, which links back. Urban 五步议事 matters show
 * their own five steps and never a 四议两公开 step; the late 决议公开 and the over-budget 决算 are shown; filters
 * are plain links; /data/matters.csv and .json are in the data package. Facts are read from content/matters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../src/lib/open-data/csv.ts';
import { PROCEDURES, procedureSteps, type Matter } from '../src/schemas/matter.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoInBrowser, phoneWithoutJs } from './support/demo-browser.ts';

const demo = demoInBrowser();
const phone = phoneWithoutJs(demo);

const matters = readdirSync('content/matters').map((f) => ({
  id: f.replace(/\.json$/, ''),
  data: JSON.parse(readFileSync(path.join('content/matters', f), 'utf8')) as Matter,
}));

const { open } = phone;

async function noSideScroll(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} scrolls sideways at 360 px`).toBeLessThanOrEqual(360);
}

describe('following a matter from the village page to its result', () => {
  // The 道路 story: 四议两公开 in 石桥村, done, with its result notice.
  const road = matters.find((m) => m.id === 'shiqiao-daolu-2026');

  it('walks from the place page to the matter, through each step to the result notice and back', async () => {
    expect(road, 'the demo has the 道路 matter').toBeDefined();
    const { id, data } = road as (typeof matters)[number];
    const place = await open(`/places/${data.place}/`);
    await noSideScroll(place);
    const link = place.locator(`#matters-heading ~ ul a[href="/matters/${id}/"]`);
    expect(await link.count()).toBe(1);
    await link.click();
    await place.waitForURL(`**/matters/${id}/`);
    await expect(place.locator('h1').textContent()).resolves.toBe(data.title);
    await noSideScroll(place);

    // Only the procedure's steps, all done (the matter is done), each linking to what was held for it.
    const steps = place.locator('#steps-heading ~ ol.steps > li');
    expect(await steps.locator('.step-label').allTextContents()).toEqual(
      procedureSteps(data.procedure).map((s) => s.label),
    );
    expect(new Set(await steps.locator('.step-state').allTextContents())).toEqual(new Set(['已完成']));
    const stepHrefs = data.steps.map((s) => (s.meeting ? `/meetings/${s.meeting}/` : `/notices/${s.notice}/`));

    // The timeline lists every step's document, in date order, with milestones between them.
    const timeline = place.locator('ol.timeline > li');
    const dates = await timeline.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(dates).toEqual([...dates].sort());
    const timelineHrefs = await timeline.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(timelineHrefs).toEqual(stepHrefs);
    expect(await place.locator('.timeline-milestone').count()).toBe(data.milestones.length);

    // Each meeting and notice opens, and names the matter it belongs to.
    for (const href of stepHrefs) {
      await place.locator(`ol.timeline a[href="${href}"]`).click();
      await place.waitForURL(`**${href}`);
      await noSideScroll(place);
      expect(await place.locator(`a[href="/matters/${id}/"]`).count(), href).toBeGreaterThan(0);
      await place.goBack();
      await place.waitForURL(`**/matters/${id}/`);
    }

    // The last step is the result notice (实施结果公开); its page shows the matter's steps, all done.
    const result = data.steps.at(-1);
    expect(result?.step).toBe('announce-result');
    const notice = await open(`/notices/${result?.notice}/`);
    await expect(notice.locator('#matters-heading').textContent()).resolves.toBe('所属事项');
    expect(await notice.locator('.matter-section .step-done').count()).toBe(procedureSteps(data.procedure).length);
  });

  it('shows budget against 决算 on the matter page', async () => {
    const { id, data } = road as (typeof matters)[number];
    const page = await open(`/matters/${id}/`);
    await expect(page.locator('.budget-planned').textContent()).resolves.toBe(
      `${(data.budget?.planned ?? 0).toLocaleString('zh-CN')} 元`,
    );
    await expect(page.locator('.budget-actual').textContent()).resolves.toContain(
      `${(data.actual?.amount ?? 0).toLocaleString('zh-CN')} 元`,
    );
  });
});

describe('procedures on the pages', () => {
  it('shows 五步议事 with its own five steps for a 居民议事会 matter, and no 四议两公开 step', async () => {
    const urban = matters.filter((m) => m.data.procedure === 'five-step');
    expect(urban.length).toBeGreaterThan(0);
    const fourTwo = procedureSteps('four-two').map((s) => s.label);
    for (const m of urban) {
      const page = await open(`/matters/${m.id}/`);
      const labels = await page.locator('#steps-heading ~ ol.steps .step-label').allTextContents();
      expect(labels).toEqual(['收集问题', '确定议题', '协商议事', '分流落实', '监督评审']);
      // Step names anywhere on the page (step list and timeline); a notice's own title may still say 结果公开.
      const shown = [
        ...labels,
        ...(await page.locator('.timeline-step strong').allTextContents()),
        ...(await page.locator('.matter-step').allTextContents()),
      ];
      for (const label of fourTwo) expect(shown, `${m.id} shows ${label}`).not.toContain(label);
    }
  });

  it('on the 居民议事会 minutes (电梯), shows the 五步议事 steps and not 党员大会审议', async () => {
    const page = await open('/meetings/2026-04-22-qinghe-dianti-yishi/');
    const labels = await page.locator('.decision .steps .step-label').allTextContents();
    expect(labels).toEqual(procedureSteps('five-step').map((s) => s.label));
    expect((await page.locator('main').textContent()) ?? '').not.toContain('党员大会审议');
  });

  it('covers every procedure and every status in the demo', () => {
    expect(new Set(matters.map((m) => m.data.procedure))).toEqual(new Set(Object.keys(PROCEDURES)));
    expect(new Set(matters.map((m) => m.data.status))).toEqual(
      new Set(['proposed', 'deliberating', 'decided', 'in-progress', 'done', 'suspended']),
    );
  });
});

describe('what is late or over budget', () => {
  it('marks a 决议公开 published after the deadline with the days it was late', async () => {
    const page = await open('/matters/jinxiu-loudao-2026/');
    await expect(page.locator('.matter-late .badge').textContent()).resolves.toBe('公开晚了 1 天');
    await expect(page.locator('.matter-late .muted').textContent()).resolves.toBe(
      '决议于2026年9月16日作出，2026年9月22日才公开，超过规定的 5 天。',
    );
    await expect(page.locator('.budget-actual .badge').textContent()).resolves.toBe('超出预算 3,600 元');
  });

  it('shows no lateness on a matter published in time', async () => {
    const page = await open('/matters/shiqiao-daolu-2026/');
    expect(await page.locator('.matter-late').count()).toBe(0);
  });
});

describe('the matters list', () => {
  it('filters by status with plain links, listing exactly the matters with that status, as cards', async () => {
    const page = await open('/matters/');
    await noSideScroll(page);
    expect(await page.locator('.matter-cards > li').count()).toBe(matters.length);
    const done = page.locator('.filter-bar a[href="/matters/status/done/"]');
    await expect(done.textContent()).resolves.toMatch(/已完成（\d+）/);
    // On a phone the filters are folded under their summary, so the cards start on the first screen.
    await expect(done.isVisible()).resolves.toBe(false);
    await page.locator('.filter-fold > summary').click();
    await done.click();
    await page.waitForURL('**/matters/status/done/');
    const listed = await page
      .locator('.matter-cards .item-title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(
      matters
        .filter((m) => m.data.status === 'done')
        .map((m) => `/matters/${m.id}/`)
        .sort(),
    );
    for (const facet of ['place', 'procedure', 'year'])
      expect(await page.locator(`.filter-bar a[href^="/matters/${facet}/"]`).count(), facet).toBeGreaterThan(0);
  });
});

describe('matters as open data', () => {
  it('writes one row per matter to /data/matters.csv and lists both files in datapackage.json', () => {
    const csv = parseCsv(readFileSync(path.join(DEMO_OUT_DIR, 'data/matters.csv'), 'utf8'));
    expect(
      csv
        .slice(1)
        .map((r) => r.cells[0])
        .sort(),
    ).toEqual(matters.map((m) => m.id).sort());
    const json = JSON.parse(readFileSync(path.join(DEMO_OUT_DIR, 'data/matters.json'), 'utf8')) as { id: string }[];
    expect(json.map((m) => m.id).sort()).toEqual(matters.map((m) => m.id).sort());
    const descriptor = JSON.parse(readFileSync(path.join(DEMO_OUT_DIR, 'data/datapackage.json'), 'utf8')) as {
      resources: { name: string; path: string }[];
    };
    expect(descriptor.resources.filter((r) => r.name.startsWith('matters')).map((r) => r.path)).toEqual([
      'matters.csv',
      'matters.json',
    ]);
  });

  it('publishes an RSS feed per matter with every step and milestone', () => {
    const road = matters.find((m) => m.id === 'shiqiao-daolu-2026') as (typeof matters)[number];
    const xml = readFileSync(path.join(DEMO_OUT_DIR, 'matters/shiqiao-daolu-2026/feed.xml'), 'utf8');
    expect(xml.match(/<item>/g)?.length).toBe(road.data.steps.length + road.data.milestones.length);
  });

  it("adds the matter's milestones to its place's feed", () => {
    const road = matters.find((m) => m.id === 'shiqiao-daolu-2026') as (typeof matters)[number];
    const xml = readFileSync(path.join(DEMO_OUT_DIR, `places/${road.data.place}/feed.xml`), 'utf8');
    for (const ms of road.data.milestones) expect(xml).toContain(`<title>${road.data.title}：${ms.label}</title>`);
  });
});

/** Scheduled meetings of the demo (status: scheduled), read from their files. */
const scheduled = readdirSync('content/meetings')
  .filter((f) => /^status: scheduled$/m.test(readFileSync(path.join('content/meetings', f), 'utf8')))
  .map((f) => {
    const text = readFileSync(path.join('content/meetings', f), 'utf8');
    const field = (name: string) => new RegExp(`^${name}: '?([^'\\n]+)'?$`, 'm').exec(text)?.[1] ?? '';
    return {
      id: f.replace(/\.md$/, ''),
      place: field('place'),
      date: field('date'),
      time: field('time'),
      attend: field('attend'),
    };
  });

describe('meetings announced before they are held', () => {
  it('lists every scheduled meeting on /meetings/ as 即将召开, soonest first, with how residents may attend', async () => {
    expect(scheduled.length).toBeGreaterThanOrEqual(3);
    const page = await open('/meetings/');
    await noSideScroll(page);
    await expect(page.locator('#upcoming-heading').textContent()).resolves.toBe(`即将召开（${scheduled.length}）`);
    const days = await page
      .locator('.upcoming-meeting time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(days).toEqual(
      [...scheduled]
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .map((m) => (m.time ? `${m.date}T${m.time}+08:00` : m.date)),
    );
    const attend = await page.locator('.upcoming-attend').allTextContents();
    for (const m of scheduled) expect(attend.some((a) => a.includes(m.attend))).toBe(true);
    expect(await page.locator('.upcoming a[href="/calendar.ics"]').count()).toBe(1);
  });

  it("shows a place's own scheduled meeting on its page, and has no minutes page for it yet", async () => {
    const meeting = scheduled[0] as (typeof scheduled)[number];
    const page = await open(`/places/${meeting.place}/`);
    const attend = await page.locator('.upcoming-attend').allTextContents();
    expect(attend.some((a) => a.includes(meeting.attend))).toBe(true);
    expect(await page.locator(`.upcoming a[href="/places/${meeting.place}/calendar.ics"]`).count()).toBe(1);
    const minutes = await phone.newPage();
    expect((await minutes.goto(`${demo.url}/meetings/${meeting.id}/`))?.status()).toBe(404);
    await minutes.close();
    const data = JSON.parse(readFileSync(path.join(DEMO_OUT_DIR, 'data/meetings.json'), 'utf8')) as { id: string }[];
    expect(data.map((m) => m.id)).not.toContain(meeting.id);
  });

  it('puts scheduled meetings, 公示期 ends and 征求意见 deadlines in the town and place calendars (.ics)', () => {
    // Lines longer than 75 octets are folded (CRLF + space); read the calendar unfolded, as a calendar app does.
    const unfold = (file: string) => readFileSync(path.join(DEMO_OUT_DIR, file), 'utf8').replace(/\r\n /g, '');
    const town = unfold('calendar.ics');
    expect(town.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    for (const m of scheduled) expect(town).toContain(`UID:meeting-${m.id}@`);
    // 19:30 in China is 11:30 UTC.
    const evening = scheduled.find((m) => m.time === '19:30') as (typeof scheduled)[number];
    expect(town).toContain(`DTSTART:${evening.date.replace(/-/g, '')}T113000Z`);
    expect(town).toContain('SUMMARY:征求意见截止：桃源新村安置小区助餐点建设方案（征求意见）');
    expect(town).toMatch(/SUMMARY:公示期满：/);
    const own = scheduled[0] as (typeof scheduled)[number];
    const place = unfold(`places/${own.place}/calendar.ics`);
    expect(place).toContain(`UID:meeting-${own.id}@`);
    for (const other of scheduled.filter((m) => m.place !== own.place))
      expect(place).not.toContain(`UID:meeting-${other.id}@`);
  });
});

describe('the outcome of a 征求意见 notice', () => {
  it('shows how many opinions came in, which were adopted and which were not, with the reasons', async () => {
    const page = await open('/notices/2026-05-26-xinhua-chongdianzhuang-fangan/');
    await expect(page.locator('.consultation-received').textContent()).resolves.toBe('共收到意见 23 条');
    expect(await page.locator('.consultation-adopted > li').count()).toBe(2);
    await expect(page.locator('.consultation-not-adopted > li').textContent()).resolves.toContain(
      '理由：楼间道路是消防通道，不能占用',
    );
  });

  it('says when the outcome will be published while the consultation is open', async () => {
    const page = await open('/notices/2026-11-21-taoyuan-zhucan-zhengqiu/');
    await expect(page.locator('.consultation').textContent()).resolves.toContain(
      '征求意见截止后公布收到、采纳和未采纳的意见。',
    );
  });
});
