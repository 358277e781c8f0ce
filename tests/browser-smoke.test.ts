/**
 * The built demo opens in a real Chromium, in Chinese, with the demo banner, and Chinese glyphs render with the
 * vendored font (so screenshots taken by other tests are meaningful).
 */
import { describe, expect, it } from 'vitest';
import { demoInBrowser } from './support/demo-browser.ts';

const demo = demoInBrowser();

describe('the demo site in Chromium', () => {
  it('serves the home page in zh-CN with the 示例数据 banner', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.locator('.demo-banner').textContent()).resolves.toContain('示例数据');
    await page.close();
  });

  it('renders Chinese with a real full-width CJK font, not fallback boxes', async () => {
    const page = await demo.browser.newPage();
    await page.setContent('<html lang="zh-CN"><body></body></html>');
    const [cjk, privateUse] = await page.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = '100px sans-serif';
      return ['公', '\uE000'].map((ch) => context.measureText(ch).width);
    });
    // A CJK glyph is one em wide. Without a CJK font Chromium draws the same narrow fallback box it draws for an
    // unassigned private-use character (measured here: 36.5 px for both).
    expect(cjk).toBeCloseTo(100, 0);
    expect(cjk).not.toBeCloseTo(privateUse ?? 0, 0);
    await page.close();
  });
});
