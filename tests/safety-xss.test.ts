/**
 * Unsafe Markdown cannot reach readers: each payload of tests/fixtures/xss/payloads.txt is refused by content
 * validation, and — should one ever get past it — rendered inert by the Markdown pipeline Astro uses (Sätteri with
 * our sanitizing plugin), proven in a real Chromium with a trap that records any script execution.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { markdownToHtml } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMarkdownProblems } from '../src/lib/content/content-safety.ts';
import { sanitizeMarkdownPlugin } from '../src/lib/content/sanitize-markdown.ts';
import { launchBrowser } from './support/browser.ts';

const payloads = readFileSync('tests/fixtures/xss/payloads.txt', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.replaceAll('\\n', '\n'));

function render(markdown: string, sanitize = true): string {
  const hastPlugins = sanitize ? [sanitizeMarkdownPlugin as never] : [];
  return markdownToHtml(markdown, { hastPlugins, features: { gfm: true, smartPunctuation: true } }).html;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Load `html` as a page and report what executed: trap calls, dialogs, and requests leaving the page. */
async function executions(html: string): Promise<{ calls: string[]; page: Page }> {
  const page = await browser.newPage();
  const calls: string[] = [];
  await page.exposeFunction('__xssReport', (label: string) => calls.push(label));
  await page.addInitScript(() => {
    (window as unknown as { __xss: (l: string) => void }).__xss = (label) =>
      (window as unknown as { __xssReport: (l: string) => void }).__xssReport(String(label));
  });
  page.on('dialog', (dialog) => {
    calls.push(`dialog:${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('http://xss.test/')) return route.fulfill({ contentType: 'text/html', body: html });
    calls.push(`request:${url}`);
    return route.abort();
  });
  await page.goto('http://xss.test/');
  // Give onload/onerror/autofocus handlers and iframes a moment, and try the links a reader would click.
  await page.waitForTimeout(300);
  for (const link of await page.locator('a').all()) await link.click({ timeout: 500 }).catch(() => undefined);
  await page.waitForTimeout(200);
  return { calls, page };
}

describe('the XSS corpus', () => {
  it('has at least 20 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(20);
  });

  it('is refused payload by payload by content validation', () => {
    const accepted = payloads.filter((p) => findMarkdownProblems(p).length === 0);
    expect(accepted).toEqual([]);
  });

  it('executes in Chromium when rendered by plain Markdown (so the trap below can see an attack)', async () => {
    const { calls, page } = await executions(`<!doctype html><body>${render(payloads[0]!, false)}</body>`);
    await page.close();
    expect(calls).toContain('script');
  });

  it("produces no executable output in Chromium when rendered through the site's Markdown pipeline", async () => {
    const body = payloads.map((p) => `<section>${render(p)}</section>`).join('\n');
    const { calls, page } = await executions(`<!doctype html><html lang="zh-CN"><body>${body}</body></html>`);
    const dangerous = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        if (
          ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'META', 'STYLE', 'SVG', 'MATH'].includes(
            el.tagName.toUpperCase(),
          )
        ) {
          found.push(`<${el.tagName.toLowerCase()}>`);
        }
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc')
            found.push(`${el.tagName}@${attr.name}`);
          if (/^\s*(javascript|vbscript|data):/i.test(attr.value))
            found.push(`${el.tagName}@${attr.name}=${attr.value}`);
        }
      }
      return found;
    });
    await page.close();
    expect(calls).toEqual([]);
    expect(dangerous).toEqual([]);
  });
});
