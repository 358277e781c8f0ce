/**
 * Accessibility of the built demo in a real Chromium: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) reports no
 * violations on the pages of the sitemap, and the 大字高对比 mode is remembered across pages and does not break
 * the layout on a 360 px phone at 200% text.
 */
import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoInBrowser } from './support/demo-browser.ts';
import { sitemapPaths } from './support/sitemap.ts';

const demo = demoInBrowser();
let paths: string[];

beforeAll(() => {
  paths = sitemapPaths(DEMO_OUT_DIR);
});

/** Every page of the sitemap, plus pages residents reach that the sitemap leaves out. */
function pagesToCheck(all: string[]): string[] {
  const printCopy = all.find((p) => /^\/notices\/\d{4}-\d{2}-\d{2}-[^/]+\/$/.test(p));
  // Print copies are not in the sitemap (their canonical is the notice page) but residents open them too.
  return [...new Set([...all, ...(printCopy ? [`${printCopy}print/`] : []), '/404/'])];
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  // Every URL, not a sample: ~0.5 s a page, a few minutes for the demo; the suite stays well under its budget.
  it('finds no violations on any page of the sitemap', { timeout: 600_000 }, async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const failures: string[] = [];
    for (const pathname of pagesToCheck(paths)) {
      await page.goto(`${demo.url}${pathname}`);
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      for (const v of result.violations) {
        failures.push(`${pathname}: ${v.id} (${v.nodes.length}×) ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});

describe('大字高对比 mode', () => {
  it('is remembered when the reader moves to another page', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${demo.url}/`);
    const toggle = page.locator('#text-mode');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${demo.url}/notices/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThan(before);
    expect(await page.locator('#text-mode').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('keeps base text at 16 px or more and touch targets at 44 px in the default style', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${demo.url}/`);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(16);
    const small = await page.evaluate(
      () =>
        [...document.querySelectorAll('.nav-list a, .place-links a, .filter-bar a, .breadcrumbs a')]
          .map((a) => a.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height < 44).length,
    );
    expect(small).toBe(0);
    await page.close();
  });

  it('does not overflow sideways on a 360 px phone with text at 200%', async () => {
    // bypassCSP: the test injects a style to zoom text; the site's CSP rightly refuses unknown inline styles.
    const context = await demo.browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${demo.url}/`);
    await page.evaluate(() => localStorage.setItem('gkl-text-mode', 'large'));
    const notice = paths.find((p) => /^\/notices\/\d{4}/.test(p)) as string;
    const meeting = paths.find((p) => /^\/meetings\/\d{4}/.test(p));
    const place = paths.find((p) => /^\/places\/[a-z0-9]+\/$/.test(p)) as string;
    const overflowing: string[] = [];
    for (const pathname of ['/', notice, place, ...(meeting ? [meeting] : []), '/notices/', '/meetings/decisions/']) {
      await page.goto(`${demo.url}${pathname}`);
      // 200% of the default text size (WCAG 1.4.4), on top of the large-text mode's own enlargement.
      await page.addStyleTag({ content: 'html { font-size: 225% !important; }' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) overflowing.push(`${pathname}: ${width}px`);
    }
    await context.close();
    expect(overflowing).toEqual([]);
  });
});
