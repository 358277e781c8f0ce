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
  /** Open a path of the demo in a new tab; the response must be 200. */
  open(pathname: string): Promise<Page>;
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
  const newPage = (): Promise<Page> => {
    if (context === undefined) throw new Error('phoneWithoutJs() is used before its beforeAll hook ran');
    return context.newPage();
  };
  return {
    newPage,
    async open(pathname) {
      const page = await newPage();
      const response = await page.goto(`${demo.url}${pathname}`);
      expect(response?.status(), pathname).toBe(200);
      return page;
    },
  };
}
