/**
 * axe-core in a real Chromium page with the rules the project promises (WCAG 2.0/2.1/2.2 A and AA), shared by the
 * accessibility test (one page per route, tests/portal-a11y.test.ts) and the full sweep of every page
 * (`npm run bench -- a11y`, scripts/bench/a11y.bench.ts), so both hold the site to the same rules.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * One line per axe violation on the page as it is now (`label: rule (n×) first target — help`), none when clean.
 * Legacy mode runs axe in the page itself; the default mode also opens a page of its own to combine the results of
 * frames, which doubled the CPU per check (5 statistics pages: 7.7 → 3.9 CPU-s) for pages that have no frames.
 */
export async function axeViolationsHere(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return result.violations.map(
    (v) => `${label}: ${v.id} (${v.nodes.length}×) ${v.nodes[0]?.target.join(' ') ?? ''} — ${v.help}`,
  );
}

/** Open `url` and return one line per axe violation, as axeViolationsHere. */
export async function axeViolations(page: Page, url: string, label: string): Promise<string[]> {
  await page.goto(url);
  return axeViolationsHere(page, label);
}
