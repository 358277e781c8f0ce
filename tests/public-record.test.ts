/**
 * Issue 18, a durable and findable public record, tried as a resident on a 360 px phone with JavaScript off in a
 * real Chromium: the 联系我们 block in every footer and on /contact/, corrections, withdrawn notices, old URLs that
 * land on the new page. axe-core runs on each changed page type. Facts come from the content files, not from here.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoInBrowser } from './support/demo-browser.ts';

const demo = demoInBrowser();
let context: BrowserContext;

interface SiteFile {
  office: { phone: string; hours?: string };
  feedback: { phone: string; email?: string };
  contacts: { name: string; phone: string }[];
}
const site = JSON.parse(readFileSync('content/site.json', 'utf8')) as SiteFile;

beforeAll(async () => {
  context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
});
afterAll(async () => {
  await context?.close();
});

async function open(pathname: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${demo.url}${pathname}`);
  expect(response?.status(), pathname).toBe(200);
  return page;
}

/** axe-core needs script in the page: it runs in a 360 px context of its own with JavaScript on. */
async function axeViolations(pathname: string): Promise<string[]> {
  const axeContext = await demo.browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await axeContext.newPage();
  await page.goto(`${demo.url}${pathname}`);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  await axeContext.close();
  return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
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
      await page.close();
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
    await page.close();
  });

  it('leaves 找网格员 on the place pages', async () => {
    const page = await open('/places/taoyuan/');
    await expect(page.locator('main').textContent()).resolves.toContain('网格员');
    await page.close();
  });
});
