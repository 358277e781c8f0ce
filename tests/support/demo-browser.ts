/**
 * The setup every browser test of the built demo shares: serve DEMO_OUT_DIR (the demo built once by the global
 * setup) and launch Debian Chromium before the file's tests, close both after. Call once at the top of a test
 * file; its own beforeAll hooks run after these, so they can already open pages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser.ts';
import { DEMO_OUT_DIR } from './build.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface DemoInBrowser {
  readonly browser: Browser;
  /** Origin of the served demo, e.g. http://127.0.0.1:40123 */
  readonly url: string;
}

export function demoInBrowser(
  headers: Record<string, string> | ((pathname: string) => Record<string, string>) = {},
): DemoInBrowser {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(DEMO_OUT_DIR, headers);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('demoInBrowser() is used before its beforeAll hook ran');
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get url() {
      return ready(server).url;
    },
  };
}

export interface PhoneWithoutJs {
  /** A new tab of the phone. */
  newPage(): Promise<Page>;
  /**
   * Open a path of the demo in the phone's one reading tab (the response must be 200): each call moves that tab to
   * the new page, as a resident follows links, so a page from an earlier open() is gone. Use newPage() for a second
   * tab. A new tab costs Chromium about 0.45 CPU-seconds more than a navigation (0.63 against 0.19 for a demo page,
   * measured on this machine), and the suite is CPU-bound.
   */
  open(pathname: string): Promise<Page>;
}

/** Go to `url` in `tab`, or in a new tab of `context` if there is none or it was closed; the response must be 200. */
export async function openInTab(context: BrowserContext, tab: Page | undefined, url: string): Promise<Page> {
  const page = tab === undefined || tab.isClosed() ? await context.newPage() : tab;
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  return page;
}

/**
 * A resident's phone with JavaScript off (360 × 800) on the served demo, for the no-JS page tests: one browser
 * context for the file, opened before its tests and closed after. Call after {@link demoInBrowser}.
 */
export function phoneWithoutJs(demo: DemoInBrowser): PhoneWithoutJs {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  });
  afterAll(async () => {
    await context?.close();
  });
  const phone = (): BrowserContext => {
    if (context === undefined) throw new Error('phoneWithoutJs() is used before its beforeAll hook ran');
    return context;
  };
  let tab: Page | undefined;
  return {
    newPage: () => phone().newPage(),
    async open(pathname) {
      tab = await openInTab(phone(), tab, `${demo.url}${pathname}`);
      return tab;
    },
  };
}
