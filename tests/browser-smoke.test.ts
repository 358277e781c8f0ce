/**
 * The built demo opens in a real Chromium, in Chinese, with the demo banner, and Chinese glyphs render with the
 * vendored font (so screenshots taken by other tests are meaningful).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(DEMO_OUT_DIR);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo site in Chromium', () => {
  it('serves the home page in zh-CN with the 示例数据 banner', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.locator('.demo-banner').textContent()).resolves.toContain('示例数据');
    await page.close();
  });

  it('renders Chinese with a real CJK font, not identical boxes', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<html lang="zh-CN"><body style="font:40px sans-serif"><span id="a">公</span> <span id="b">开</span></body></html>',
    );
    // Without a CJK font every character is the same "tofu" box, so two different characters look identical.
    const a = await page.locator('#a').screenshot();
    const b = await page.locator('#b').screenshot();
    expect(a.equals(b)).toBe(false);
    await page.close();
  });
});
