/**
 * The security policy we ship is the one we test: deploy/_headers and deploy/nginx.conf match
 * src/lib/site/security-headers.ts, and every page template of the built demo, served with those headers, loads in
 * Chromium with zero CSP violations — the search page included, with a real Pagefind query (WebAssembly + worker).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  headersForPath,
  HTTP_HEADERS,
  parseHeadersFile,
  renderHeadersFile,
  UPLOADS_HEADERS,
} from '../src/lib/site/security-headers.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoInBrowser } from './support/demo-browser.ts';
import { pagePerRoute } from './support/route-pages.ts';

const headersFile = readFileSync('deploy/_headers', 'utf8');

describe('deployment header snippets', () => {
  it('deploy/_headers is exactly what src/lib/site/security-headers.ts defines', () => {
    expect(headersFile).toBe(renderHeadersFile());
  });

  it('deploy/nginx.conf sends every header, frame-ancestors none included', () => {
    const nginx = readFileSync('deploy/nginx.conf', 'utf8');
    for (const [name, value] of Object.entries(HTTP_HEADERS)) {
      expect(nginx, name).toContain(`add_header ${name} "${value}" always;`);
    }
    expect(HTTP_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  it('give pages a header script-src and uploads a policy that allows nothing, in _headers and nginx', () => {
    expect(HTTP_HEADERS['Content-Security-Policy']).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    const rules = parseHeadersFile(headersFile);
    expect(headersForPath(rules, '/uploads/2026-10-taoyuan-caiwu.csv')['Content-Security-Policy']).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'none'",
    );
    expect(headersForPath(rules, '/notices/')['Content-Security-Policy']).toBe(HTTP_HEADERS['Content-Security-Policy']);
    const nginx = readFileSync('deploy/nginx.conf', 'utf8');
    const uploads = /location \/uploads\/ \{([\s\S]*?)\n {4}\}/.exec(nginx)?.[1] ?? '';
    for (const [name, value] of Object.entries(UPLOADS_HEADERS)) {
      expect(uploads, name).toContain(`add_header ${name} "${value}" always;`);
    }
  });
});

/**
 * One page per route file of src/pages (the same choice as the accessibility test), the admin excepted: it has
 * its own policy for Decap and is driven by the CMS tests.
 */
function templatePages(root: string): string[] {
  const routeFiles = readdirSync('src/pages', { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => !f.startsWith('admin/'));
  const built = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html'));
  return [...pagePerRoute(routeFiles, built).pages.values()].sort();
}

// Served as a static host applies deploy/_headers: per path, /uploads/ and /admin/ with their own blocks.
const headerRules = parseHeadersFile(headersFile);
const demo = demoInBrowser((pathname) => headersForPath(headerRules, pathname));

/** A page that records every CSP violation of whatever it loads (one page serves many URLs). */
async function cspPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await demo.browser.newPage();
  const violations: string[] = [];
  await page.exposeFunction('__cspReport', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspReport: (t: string) => void }).__cspReport(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return { page, violations };
}

async function violationsOn(
  target: { page: Page; violations: string[] },
  url: string,
  act?: (page: Page) => Promise<void>,
): Promise<string[]> {
  const before = target.violations.length;
  const response = await target.page.goto(`${demo.url}${url}`, { waitUntil: 'load' });
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  if (act !== undefined) await act(target.page);
  await target.page.waitForTimeout(150);
  return target.violations.slice(before).map((v) => `${url}: ${v}`);
}

describe('Content Security Policy in Chromium', () => {
  it('is present as a meta tag with hashes and lets Pagefind run (wasm-unsafe-eval, blob: workers)', () => {
    const home = readFileSync(path.join(DEMO_OUT_DIR, 'index.html'), 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(home)?.[1] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("object-src 'none'");
  });

  it('reports zero violations on every page template', async () => {
    const urls = templatePages(DEMO_OUT_DIR);
    expect(urls.length).toBeGreaterThan(20);
    const target = await cspPage();
    const violations: string[] = [];
    for (const url of urls) violations.push(...(await violationsOn(target, url)));
    await target.page.close();
    expect(violations).toEqual([]);
  }, 240_000);

  it('reports zero violations while Pagefind answers a query on the search page', async () => {
    let results = 0;
    // A shared search link runs the query on load: Pagefind's script, WebAssembly and worker all start.
    const target = await cspPage();
    const violations = await violationsOn(target, `/search/?q=${encodeURIComponent('公开')}`, async (page) => {
      await page.waitForSelector('#search-results li', { timeout: 20_000 });
      results = await page.locator('#search-results li').count();
    });
    await target.page.close();
    expect(results).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});
