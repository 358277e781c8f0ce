/**
 * The security policy we ship is the one we test: deploy/_headers and deploy/nginx.conf match
 * src/lib/site/security-headers.ts, and the built demo, served with those headers, runs a real Pagefind query in
 * Chromium (WebAssembly + worker) with zero CSP violations. Every page template, served the same way, is toured with
 * zero CSP violations by tests/portal-a11y.test.ts, in the same visit as its accessibility check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  headersForPath,
  HTTP_HEADERS,
  parseHeadersFile,
  renderHeadersFile,
  UPLOADS_HEADERS,
} from '../src/lib/site/security-headers.ts';
import { DEMO_OUT_DIR } from './support/build.ts';
import { demoHeaders, recordCspViolations } from './support/csp.ts';
import { demoInBrowser } from './support/demo-browser.ts';

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

// Served as a static host applies deploy/_headers: per path, /uploads/ and /admin/ with their own blocks.
const demo = demoInBrowser(demoHeaders());

describe('Content Security Policy in Chromium', () => {
  it('is present as a meta tag with hashes and lets Pagefind run (wasm-unsafe-eval, blob: workers)', () => {
    const home = readFileSync(path.join(DEMO_OUT_DIR, 'index.html'), 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(home)?.[1] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("object-src 'none'");
  });

  it('are recorded when a page breaks the policy (the recorder the template tour relies on)', async () => {
    const page = await demo.browser.newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${demo.url}/notices/`);
    // An inline script the policy has no hash for, as injected markup would carry.
    await page.addScriptTag({ content: 'document.title = "injected";' }).catch(() => undefined);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await page.close();
    expect(violations.join('\n')).toMatch(/^\/notices\/: script-src/m);
  });

  it('reports zero violations while Pagefind answers a query on the search page', async () => {
    // A shared search link runs the query on load: Pagefind's script, WebAssembly and worker all start.
    const page = await demo.browser.newPage();
    const violations = await recordCspViolations(page);
    const response = await page.goto(`${demo.url}/search/?q=${encodeURIComponent('公开')}`, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toBe(HTTP_HEADERS['Content-Security-Policy']);
    await page.waitForSelector('#search-results li', { timeout: 20_000 });
    const results = await page.locator('#search-results li').count();
    // A violation is reported as an event a moment after the blocked load or script.
    await page.waitForTimeout(150);
    await page.close();
    expect(results).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});
