/**
 * Issue 18, a durable and findable public record, tried as a resident on a 360 px phone with JavaScript off in a
 * real Chromium: the 联系我们 block in every footer and on /contact/, corrections, withdrawn notices, old URLs that
 * land on the new page. axe-core runs on each changed page type. Facts come from the content files, not from here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEXT_MODE_KEY } from '../src/lib/site/text-mode.ts';
import { axeViolationsHere } from './support/axe.ts';
import { demoInBrowser, phoneWithoutJs } from './support/demo-browser.ts';

const demo = demoInBrowser();
const phone = phoneWithoutJs(demo);

interface SiteFile {
  office: { phone: string; hours?: string };
  feedback: { phone: string; email?: string };
  contacts: { name: string; phone: string }[];
}
const site = JSON.parse(readFileSync('content/site.json', 'utf8')) as SiteFile;

const { open } = phone;

/** axe-core needs script in the page: it runs in a 360 px context of its own with JavaScript on. */
async function axeViolations(pathname: string): Promise<string[]> {
  const axeContext = await demo.browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await axeContext.newPage();
  await page.goto(`${demo.url}${pathname}`);
  const violations = await axeViolationsHere(page, pathname);
  await axeContext.close();
  return violations;
}

/** No horizontal scroll at 360 px. */
async function fitsPhone(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('联系我们', () => {
  const phones = [site.office.phone, site.feedback.phone, ...site.contacts.map((c) => c.phone)];

  for (const pathname of ['/', '/notices/', '/places/']) {
    it(`is in the footer of ${pathname}: every phone a tel: link on one line, the law cited once`, async () => {
      const page = await open(pathname);
      const footer = page.locator('footer .contact-block');
      await expect(footer.locator('h2').textContent()).resolves.toBe('联系我们');
      for (const phone of phones) {
        const link = footer.locator(`a[href="tel:${phone}"]`);
        expect(await link.count(), phone).toBe(1);
        await expect(link.textContent()).resolves.toBe(phone);
        // One line box: the number is never broken at its hyphen, even at 360 px.
        expect(await link.evaluate((a) => a.getClientRects().length), phone).toBe(1);
      }
      expect(await footer.locator('a[href="tel:12345"]').count()).toBe(1);
      if (site.feedback.email) expect(await footer.locator(`a[href="mailto:${site.feedback.email}"]`).count()).toBe(1);
      if (site.office.hours) await expect(footer.textContent()).resolves.toContain(site.office.hours);
      const footerText = (await page.locator('footer').textContent()) ?? '';
      expect(footerText.split('第三十一条').length - 1).toBe(1);
      await expect(footer.locator('a[href="/contact/"]').textContent()).resolves.toBe('联系方式一览');
      expect(await fitsPhone(page)).toBe(true);
    });
  }

  it('has its own page, which sends residents to the place pages for grid workers', async () => {
    const page = await open('/contact/');
    await expect(page.locator('h1').textContent()).resolves.toBe('联系我们');
    for (const phone of phones) expect(await page.locator(`main a[href="tel:${phone}"]`).count(), phone).toBe(1);
    await expect(page.locator('#grid-heading').textContent()).resolves.toBe('找网格员：请到各村社区页面查看');
    expect(await page.locator('main .place-links a[href^="/places/"]').count()).toBeGreaterThan(1);
    expect(await fitsPhone(page)).toBe(true);
    expect(await axeViolations('/contact/')).toEqual([]);
  });

  it('leaves 找网格员 on the place pages', async () => {
    const page = await open('/places/taoyuan/');
    await expect(page.locator('main').textContent()).resolves.toContain('网格员');
  });
});

/** Front matter of a demo notice, read from its file, so the test follows the demo content. */
function notice(id: string): string {
  return readFileSync(`content/notices/${id}.md`, 'utf8');
}

describe('corrections (更正说明)', () => {
  const ID = '2026-11-20-nanling-gaoling-jintie';

  it('shows a major change as a dated 更正说明 at the top, moves 更新于, and lists minor ones only in 修改记录', async () => {
    const source = notice(ID);
    expect(source).toMatch(/major: true/);
    const page = await open(`/notices/${ID}/`);
    const note = page.locator('.record-correction');
    await expect(note.locator('h2').textContent()).resolves.toBe('更正说明');
    const noteText = (await note.textContent()) ?? '';
    expect(noteText).toContain('2026年11月21日');
    expect(noteText).toContain('更正第 4 号马*才的起发月份');
    // The minor change (a typo) is not announced at the top…
    expect(noteText).not.toContain('错别字');
    // …but 修改记录 lists both, newest first, with their kind.
    const history = await page.locator('.change-notes li').allTextContents();
    expect(history.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      '2026年11月22日 修改 修改表格标题中的错别字，内容不变。',
      '2026年11月21日 更正 更正第 4 号马*才的起发月份：原写 2027年2月，核对户籍后应为 2027年3月。',
      '2026年11月20日 首次发布',
    ]);
    // 更新于 is the major change's day, not the minor one's.
    await expect(page.locator('.facts').first().textContent()).resolves.toMatch(/更新于\s*2026年11月21日/);
    // The correction comes before the body: the note's box is above the contact panel and the text.
    const noteTop = await note.evaluate((el) => el.getBoundingClientRect().top);
    const bodyTop = await page.locator('.prose').evaluate((el) => el.getBoundingClientRect().top);
    expect(noteTop).toBeLessThan(bodyTop);
    expect(await fitsPhone(page)).toBe(true);
    expect(await axeViolations(`/notices/${ID}/`)).toEqual([]);
  });

  it('updates the feed item: 【更正】, dated the correction, with the note', async () => {
    const feed = await (await fetch(`${demo.url}/notices/feed.xml`)).text();
    const item = feed.split('<item>').find((i) => i.includes(`/notices/${ID}/`)) ?? '';
    expect(item).toContain('<title>【更正】南岭村：南岭村2027年第一季度新增高龄津贴人员名单公示</title>');
    expect(item).toContain(
      `<guid isPermaLink="false">https://gongkai.example.org/notices/${ID}/#changed-2026-11-21</guid>`,
    );
    expect(item).toContain('<pubDate>Fri, 20 Nov 2026 16:00:00 GMT</pubDate>');
    expect(item).toContain('更正说明（2026-11-21）：更正第 4 号马*才的起发月份');
  });

  it('shows 修改记录 on minutes and 普法 pages too', async () => {
    for (const pathname of ['/meetings/', '/legal/']) {
      const list = await open(pathname);
      const href = await list
        .locator('main a[href^="' + pathname + '"][href$="/"]')
        .evaluateAll((as) =>
          as
            .map((a) => a.getAttribute('href'))
            .find(
              (h) =>
                h !== null &&
                /^\/(meetings|legal)\/[a-z0-9-]+\/$/.test(h) &&
                !/\/(page|topic|type|place|decisions)\//.test(h),
            ),
        );
      expect(href, pathname).toBeTruthy();
      const page = await open(href as string);
      await expect(page.locator('#history-heading').textContent()).resolves.toBe('修改记录');
      expect(await page.locator('.change-notes li').last().textContent()).toMatch(/首次发布/);
    }
  });
});

describe('withdrawal (已撤回)', () => {
  const ID = '2026-11-20-yunxi-zhengbing-2027';
  const NEW = '2026-11-23-yunxi-zhengbing-2027-chongfa';

  it('keeps the page with a 已撤回 banner, the reason and a link to the replacement', async () => {
    expect(notice(ID)).toContain(`supersededBy: ${NEW}`);
    const page = await open(`/notices/${ID}/`);
    await expect(page.locator('.notice-state .badge').textContent()).resolves.toBe('已撤回');
    const banner = page.locator('.record-withdrawn');
    await expect(banner.locator('h2').textContent()).resolves.toBe('本公告已撤回');
    await expect(banner.textContent()).resolves.toContain('撤回原因：通告中柳湾村、南岭村咨询点的地点有误');
    await expect(banner.locator(`a[href="/notices/${NEW}/"]`).textContent()).resolves.toBe(
      '云溪街道2027年度征兵宣传和网上报名工作通告（重发）',
    );
    // The original text stays for the record.
    await expect(page.locator('.prose').textContent()).resolves.toContain('一人参军，全家光荣');
    expect(await fitsPhone(page)).toBe(true);
    expect(await axeViolations(`/notices/${ID}/`)).toEqual([]);
  });

  it('takes it out of 正在公示 on the home page while its replacement is there', async () => {
    const page = await open('/');
    const active = page.locator('#active-heading').locator('xpath=..');
    expect(await active.locator(`a[href="/notices/${ID}/"]`).count()).toBe(0);
    expect(await active.locator(`a[href="/notices/${NEW}/"]`).count()).toBe(1);
  });

  it('marks it 已撤回 in lists and in the feed, with the reason', async () => {
    const page = await open('/notices/place/yunxi/');
    const item = page.locator('.item-list li', { has: page.locator(`a[href="/notices/${ID}/"]`) });
    await expect(item.locator('.badge').textContent()).resolves.toBe('已撤回');
    const feed = await (await fetch(`${demo.url}/notices/feed.xml`)).text();
    const entry = feed.split('<item>').find((i) => i.includes(`/notices/${ID}/`)) ?? '';
    expect(entry).toContain('<title>【已撤回】云溪街道：云溪街道2027年度征兵宣传和网上报名工作通告</title>');
    expect(entry).toContain('已撤回（2026-11-23）：通告中柳湾村、南岭村咨询点的地点有误');
  });
});

describe('a moved notice', () => {
  it('lands on the new page from its old address, without JavaScript', async () => {
    const source = readFileSync('content/notices/2024-12-10-yunxi-zhengbing-tonggao-2025.md', 'utf8');
    const old = /movedFrom: \[([a-z0-9-]+)\]/.exec(source)?.[1];
    expect(old).toBe('2024-12-10-yunxi-zhengbing-2025');
    const page = await phone.newPage();
    await page.goto(`${demo.url}/notices/${old}/`);
    await page.waitForURL('**/notices/2024-12-10-yunxi-zhengbing-tonggao-2025/');
    await expect(page.locator('h1').textContent()).resolves.toBe('云溪街道关于做好2025年度征兵报名工作的通告');
    // The print copy, where the QR code was printed, redirects to the new print copy.
    await page.goto(`${demo.url}/notices/${old}/print/`);
    await page.waitForURL('**/notices/2024-12-10-yunxi-zhengbing-tonggao-2025/print/');
    await page.close();
  });
});

describe('the notice page', () => {
  const ID = '2025-01-08-taoyuan-caiwu-2024q4';

  it('puts 有疑问找谁 right after the summary, before the text, and offers the print view as a plain link', async () => {
    const page = await open(`/notices/${ID}/`);
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('.lead')).toBeLessThan(await top('#contact-heading'));
    expect(await top('#contact-heading')).toBeLessThan(await top('.prose'));
    const print = page.locator('.notice-actions a');
    await expect(print.textContent()).resolves.toBe('打印本公告（张贴版）');
    expect(await print.getAttribute('href')).toBe(`/notices/${ID}/print/`);
    expect(await top('.notice-actions')).toBeLessThan(await top('.prose'));
  });

  it('gives each attachment its type, size and PDF page count, read from the uploaded file', async () => {
    const page = await open(`/notices/${ID}/`);
    const item = page.locator('.attachments li').first();
    await expect(item.locator('a').getAttribute('href')).resolves.toMatch(/^\/uploads\/.+\.pdf$/);
    await expect(item.locator('.item-meta').textContent()).resolves.toMatch(/^（PDF，[\d.]+ (KB|字节)，\d+ 页）$/);
  });

  it('shows a stable 索引号 generated from the id', async () => {
    const { indexNumber } = await import('../src/lib/record/public-record.ts');
    const page = await open(`/notices/${ID}/`);
    const facts = (await page.locator('.facts').first().textContent()) ?? '';
    expect(facts).toContain(`索引号${indexNumber(ID, 'taoyuan')}`);
  });

  it('keeps a right-aligned table column (---:) right-aligned', async () => {
    const page = await open('/notices/2026-11-20-nanling-gaoling-jintie/');
    const th = page.locator('.prose th.align-right');
    expect(await th.count()).toBe(1);
    await expect(th.textContent()).resolves.toBe('津贴标准（元/月）');
    expect(await th.evaluate((el) => getComputedStyle(el).textAlign)).toBe('right');
    expect(
      await page
        .locator('.prose td.align-right')
        .first()
        .evaluate((el) => getComputedStyle(el).textAlign),
    ).toBe('right');
  });

  it('prints with the address under the QR code on one line', async () => {
    const page = await phone.newPage();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.goto(`${demo.url}/notices/${ID}/print/`);
    await page.emulateMedia({ media: 'print' });
    const url = page.locator('.print-url');
    await expect(url.textContent()).resolves.toBe(`https://gongkai.example.org/notices/${ID}/`);
    expect(await url.evaluate((el) => el.getClientRects().length)).toBe(1);
    // And it fits the sheet: no part of it is cut off on the right.
    const right = await url.evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(794);
    await page.close();
  });
});

describe('the 大字 switch', () => {
  it('names its current effect: 恢复标准字号 once large text is on', async () => {
    const withJs = await demo.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await withJs.newPage();
    await page.goto(`${demo.url}/`);
    const toggle = page.locator('#text-mode');
    expect((await toggle.innerText()).trim()).toBe('大字高对比');
    await toggle.click();
    expect((await toggle.innerText()).trim()).toBe('恢复标准字号');
    await page.goto(`${demo.url}/notices/`);
    expect((await page.locator('#text-mode').innerText()).trim()).toBe('恢复标准字号');
    await withJs.close();
  });
});

describe('what is on the board now', () => {
  it('is the first thing on the home page on a phone', async () => {
    const page = await open('/');
    const active = await page.locator('#active-heading').evaluate((el) => el.getBoundingClientRect().top);
    const figures = await page.locator('#figures-heading').evaluate((el) => el.getBoundingClientRect().top);
    expect(active).toBeLessThan(figures);
    expect(active).toBeLessThan(800);
  });

  it('has a 公示中 list of its own, with each item’s 公示 dates, and the filter folds on a phone', async () => {
    const list = await open('/notices/');
    const link = list.locator('.filter-bar a[href="/notices/status/active/"]');
    await expect(link.textContent()).resolves.toMatch(/^公示中（\d+）$/);
    // On a 360 px phone the filters are folded behind one line, so the list starts on the first screen…
    expect(await list.locator('.filter-fold > summary').isVisible()).toBe(true);
    expect(await link.isVisible()).toBe(false);
    const firstItem = await list
      .locator('.item-list li')
      .first()
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(firstItem).toBeLessThan(800);

    const page = await open('/notices/status/active/');
    await expect(page.locator('h1').textContent()).resolves.toBe('村务公开：公示中');
    await expect(page.locator('.filter-fold > summary').textContent()).resolves.toContain('当前：公示中');
    const badges = await page.locator('.item-list .badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(badge).toMatch(/^公示中/);
    expect(await page.locator('a[href="/notices/2026-11-20-yunxi-zhengbing-2027/"]').count()).toBe(0);
    const meta = await page.locator('.item-list .item-meta').first().textContent();
    expect(meta).toMatch(/公示期 \d{4}年\d{1,2}月\d{1,2}日至/);
    expect(await fitsPhone(page)).toBe(true);
    expect(await axeViolations('/notices/status/active/')).toEqual([]);

    // …and on a wide screen they are simply shown.
    const wide = await demo.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const widePage = await wide.newPage();
    await widePage.goto(`${demo.url}/notices/`);
    expect(await widePage.locator('.filter-bar a[href="/notices/status/active/"]').isVisible()).toBe(true);
    expect(await widePage.locator('.filter-fold > summary').isVisible()).toBe(false);
    await wide.close();
  });

  it('lists the withdrawn notice under 已结束', async () => {
    const page = await open('/notices/status/ended/');
    expect(await page.locator('a[href="/notices/2026-11-20-yunxi-zhengbing-2027/"]').count()).toBe(1);
  });
});

describe('search', () => {
  it('filters by 公示中 and keeps a withdrawn notice findable, marked 已撤回', async () => {
    const { searchInBrowser } = await import('./support/pagefind.ts');
    const withJs = await demo.browser.newContext();
    const page = await withJs.newPage();
    await page.goto(`${demo.url}/search/`);
    const active = await searchInBrowser(page, '征兵', { filters: { state: '公示中' } });
    const activeUrls = active.results.map((r) => r.url);
    expect(activeUrls).toContain('/notices/2026-11-23-yunxi-zhengbing-2027-chongfa/');
    expect(activeUrls).not.toContain('/notices/2026-11-20-yunxi-zhengbing-2027/');
    const all = await searchInBrowser(page, '征兵');
    const withdrawn = all.results.find((r) => r.url === '/notices/2026-11-20-yunxi-zhengbing-2027/');
    expect(withdrawn?.title).toBe('【已撤回】云溪街道2027年度征兵宣传和网上报名工作通告');
    // The search page offers the filter.
    expect(await page.locator('select[data-filter="state"] option').allTextContents()).toEqual(
      expect.arrayContaining(['公示中', '已撤回']),
    );
    await withJs.close();
  });
});

describe('200% text on a 360 px phone', () => {
  it('does not push the new blocks sideways: footer phones, 索引号, notes, status lists', async () => {
    // bypassCSP: the test injects a style to zoom text, as tests/portal-a11y.test.ts does for other pages.
    const zoomed = await demo.browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
    const page = await zoomed.newPage();
    await page.goto(`${demo.url}/`);
    await page.evaluate((key) => localStorage.setItem(key, 'large'), TEXT_MODE_KEY);
    const overflowing: string[] = [];
    for (const pathname of [
      '/contact/',
      '/notices/2026-11-20-nanling-gaoling-jintie/',
      '/notices/2026-11-20-yunxi-zhengbing-2027/',
      '/notices/status/active/',
    ]) {
      await page.goto(`${demo.url}${pathname}`);
      await page.addStyleTag({ content: 'html { font-size: 225% !important; }' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) overflowing.push(`${pathname}: ${width}px`);
    }
    await zoomed.close();
    expect(overflowing).toEqual([]);
  });
});
