/**
 * Accessibility of the built demo in a real Chromium: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) reports no
 * violations on one page of every route file of src/pages (every template, the notice print copy and the 404 page
 * included, chosen by tests/support/route-pages.ts), on the same pages in the 大字高对比 mode, and on the print
 * copy as printed; the 大字高对比 mode is remembered across pages and does not break the layout on a 360 px phone
 * at 200% text. The demo is served with the headers of deploy/_headers, and the same visits to every template report
 * no Content Security Policy violation. Every page of the sitemap is swept by `npm run bench -- a11y`
 * (scripts/bench/a11y.bench.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_MODE_CLASS, TEXT_MODE_KEY } from '../src/lib/site/text-mode.ts';
import { axeViolations, axeViolationsHere } from './support/axe.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoHeaders, recordCspViolations } from './support/csp.ts';
import { demoInBrowser } from './support/demo-browser.ts';
import { pagePerRoute } from './support/route-pages.ts';
import { sitemapPaths } from './support/sitemap.ts';

const ROUTES_DIR = 'src/pages';
/** Route files whose pages are not ours to check, and why. A new route file is checked unless listed here. */
const NOT_CHECKED: Record<string, string> = {
  'admin/index.astro': "Decap CMS's own interface (a third-party app); tests/cms.test.ts drives it",
};

/** Route files whose layout has no 大字高对比 mode, and why. */
const NO_TEXT_MODE: Record<string, string> = {
  'notices/[id]/print/index.astro': 'the print copy is large type already and runs no JavaScript (layouts/Print.astro)',
  'finance/[place]/[month]/print/index.astro': 'the ledger print copy uses layouts/Print.astro too',
  'rules/[id]/print/index.astro': 'the rule print copy uses layouts/Print.astro too',
};

// Served as a static host applies deploy/_headers, so the tour also sees the Content Security Policy as shipped.
const demo = demoInBrowser(demoHeaders());
let paths: string[];
let routeFiles: string[];
let templates: Map<string, string>;
let missing: string[];

beforeAll(() => {
  paths = sitemapPaths(DEMO_OUT_DIR);
  routeFiles = readdirSync(ROUTES_DIR, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(astro|ts|js|md)$/.test(f))
    .sort();
  const built = readdirSync(DEMO_OUT_DIR, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html'));
  ({ pages: templates, missing } = pagePerRoute(
    routeFiles.filter((f) => !(f in NOT_CHECKED)),
    built,
  ));
});

/** The template pages, labelled by route file, in route-file order. */
function templatePages(): [string, string][] {
  return [...templates].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('reports violations where there are some (the checker itself, on a page made to fail)', async () => {
    const page = await demo.browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="zh-CN"><title>坏页</title><main><img src="x.png">' +
        '<p style="color:#bbb;background:#fff">浅灰色的字</p><button></button></main></html>',
    );
    const found = await axeViolationsHere(page, 'made to fail');
    await page.close();
    expect(found.map((line) => /^made to fail: ([a-z-]+) /.exec(line)?.[1])).toEqual(
      expect.arrayContaining(['image-alt', 'color-contrast', 'button-name']),
    );
  });

  it('has a page to check in the built demo for every page route of src/pages', () => {
    expect(missing, 'route files without a built page in the demo: add demo content that uses them').toEqual([]);
    expect(
      Object.keys(NOT_CHECKED).filter((f) => !routeFiles.includes(f)),
      'NOT_CHECKED names route files that no longer exist',
    ).toEqual([]);
    // The pages residents rely on most are among them (guards the route-to-page matching itself).
    expect(templates.get('index.astro')).toBe('/');
    expect(templates.get('404.astro')).toBe('/404.html');
    expect(templates.get('notices/[id]/print/index.astro')).toMatch(/^\/notices\/\d{4}-\d{2}-\d{2}-[^/]+\/print\/$/);
    expect(templates.get('notices/[...page].astro')).toBe('/notices/');
    expect(templates.size).toBeGreaterThanOrEqual(20);
  });

  it(
    'finds no violations on one page of every route file, in the default style and after switching to 大字高对比, and no CSP violations',
    { timeout: 300_000 },
    async () => {
      // axe needs a page of a context the test opened itself.
      const context = await demo.browser.newContext();
      const page = await context.newPage();
      // The same visits load every template under the shipped policy, the 大字高对比 switch's inline script included
      // (tests/safety-headers.test.ts checks the policy itself and a Pagefind query).
      const csp = await recordCspViolations(page);
      const failures: string[] = [];
      const notSwitched: string[] = [];
      const toggle = page.locator('#text-mode');
      const large = () => page.evaluate((c) => document.documentElement.classList.contains(c), TEXT_MODE_CLASS);
      for (const [file, pathname] of templatePages()) {
        failures.push(...(await axeViolations(page, `${demo.url}${pathname}`, `${pathname} (${file})`)));
        if (file in NO_TEXT_MODE) continue;
        // The reader presses 大字高对比 on this page: the same page, checked again in the new style.
        await toggle.click();
        if (!(await large()) || (await toggle.getAttribute('aria-pressed')) !== 'true') notSwitched.push(pathname);
        failures.push(...(await axeViolationsHere(page, `${pathname} (${file}, 大字)`)));
        // And back, so the next page opens in the default style (the choice is remembered across pages).
        await toggle.click();
        if (await large()) notSwitched.push(`${pathname} (did not switch back)`);
      }
      await context.close();
      expect(notSwitched, 'pages where the 大字高对比 switch did not switch').toEqual([]);
      expect(failures).toEqual([]);
      expect(csp, 'Content Security Policy violations').toEqual([]);
    },
  );

  it('finds no violations on the print copy of a notice as printed', async () => {
    const printCopy = templates.get('notices/[id]/print/index.astro') as string;
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    const failures = [
      ...(await axeViolations(page, `${demo.url}${printCopy}`, `${printCopy} (print)`)),
      ...(await axeViolations(page, `${demo.url}${printCopy.replace(/print\/$/, '')}`, `${printCopy} (notice, print)`)),
    ];
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
    await page.evaluate((key) => localStorage.setItem(key, 'large'), TEXT_MODE_KEY);
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
