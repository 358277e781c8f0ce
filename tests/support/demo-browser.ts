/**
 * The setup every browser test of the built demo shares: serve DEMO_OUT_DIR (the demo built once by the global
 * setup) and launch Debian Chromium before the file's tests, close both after. Call once at the top of a test
 * file; its own beforeAll hooks run after these, so they can already open pages.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
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
