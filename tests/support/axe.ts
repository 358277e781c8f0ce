/**
 * axe-core in a real Chromium page with the rules the project promises (WCAG 2.0/2.1/2.2 A and AA), shared by the
 * accessibility tests (one page per route, tests/portal-a11y.test.ts, and the pages other tests change) and the full
 * sweep of every page (`npm run bench -- a11y`, scripts/bench/a11y.bench.ts), so all hold the site to the same rules.
 *
 * axe-core's own script is put into the page once and run there as often as the page changes (e.g. once in the
 * default style and once after the reader switches to 大字高对比). @axe-core/playwright, used before, put the
 * script in again on every check and added its own steps: 0.54 s per page against 0.29 s this way (48 demo pages,
 * measured on this machine). Our pages have no frames, so axe's frame handling is not needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: string | undefined;

/** The minified axe-core script, read once per test file. */
function axeScript(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * One line per axe violation on the page as it is now (`label: rule (n×) first target — help`), none when clean.
 * The script is added to the page the first time; a navigation starts a new page, which gets it again.
 */
export async function axeViolationsHere(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeScript());
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };
  const violations = await page.evaluate(async (runOptions) => {
    const { axe } = window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } };
    const result = await axe.run(document, runOptions);
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      count: v.nodes.length,
      target: v.nodes[0]?.target.join(' ') ?? '',
    }));
  }, options);
  return violations.map((v) => `${label}: ${v.id} (${v.count}×) ${v.target} — ${v.help}`);
}

/** Open `url` and return one line per axe violation, as axeViolationsHere. */
export async function axeViolations(page: Page, url: string, label: string): Promise<string[]> {
  await page.goto(url);
  return axeViolationsHere(page, label);
}
