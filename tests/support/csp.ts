/**
 * What a page reports about the Content Security Policy while a test uses it: every `securitypolicyviolation` event
 * and every console message about the policy, with the page's path, from the next page load on. Shared by the tour
 * of every page template (tests/portal-a11y.test.ts) and the Pagefind query (tests/safety-headers.test.ts), both on
 * the demo served with the headers of deploy/_headers (`demoHeaders`).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { headersForPath, parseHeadersFile } from '../../src/lib/site/security-headers.ts';

/** The headers a static host applying deploy/_headers sends for `pathname` (per path: /uploads/, /admin/…). */
export function demoHeaders(): (pathname: string) => Record<string, string> {
  const rules = parseHeadersFile(readFileSync('deploy/_headers', 'utf8'));
  return (pathname) => headersForPath(rules, pathname);
}

/** Start recording CSP violations on `page`; the returned list grows as they happen. */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__cspReport', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspReport: (t: string) => void }).__cspReport(
        `${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text()))
      violations.push(`${new URL(page.url()).pathname}: console: ${message.text()}`);
  });
  return violations;
}
