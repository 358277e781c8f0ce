/**
 * The full accessibility sweep: axe-core (WCAG 2.0/2.1/2.2 A and AA, tests/support/axe.ts) on every page of the
 * built demo in Debian's Chromium: every sitemap URL plus the pages residents reach that the sitemap leaves out
 * (print copies, the 404 page). `npm test` checks one page per route file (tests/portal-a11y.test.ts); this sweep
 * finds what only some content triggers (a long title, an empty list, a chart with one month), so run it before a
 * release and when templates change. Unlike the other benches it fails: it prints every violation and exits 1.
 *
 *   npm run bench -- a11y
 *   BENCH_A11Y_SITE=tests/.output/demo npm run bench -- a11y     (an already-built site, e.g. the tests' demo)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations } from '../../tests/support/axe.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { buildSite, DEMO_TODAY } from '../../tests/support/build.ts';
import { urlPath } from '../../tests/support/route-pages.ts';
import { sitemapPaths } from '../../tests/support/sitemap.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { loadAverage } from './lib/measure.ts';

const GIVEN_SITE = process.env.BENCH_A11Y_SITE;
const SITE = path.resolve(GIVEN_SITE ?? 'tests/.output/bench/a11y-demo');

/** Sitemap URLs first (in sitemap order), then every other built page except the CMS (Decap's own interface). */
export function pagesToSweep(siteDir: string): string[] {
  const built = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith('admin/') && !f.startsWith('pagefind/'))
    .sort()
    .map(urlPath);
  return [...new Set([...sitemapPaths(siteDir), ...built])];
}

/**
 * Whether the built page is a moved page's stub (an old address kept by `movedFrom`): it sends the browser on at once
 * with a meta refresh, so axe would be checking a page that is already being replaced. Its target is swept itself.
 */
function redirectsAtOnce(siteDir: string, pathname: string): boolean {
  const file = path.join(siteDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  return existsSync(file) && /<meta http-equiv="refresh" content="0;/i.test(readFileSync(file, 'utf8'));
}

export default async function bench(): Promise<void> {
  if (GIVEN_SITE === undefined) await buildSite({ contentDir: 'content', outDir: SITE, today: DEMO_TODAY });
  if (!existsSync(path.join(SITE, 'sitemap.xml'))) throw new Error(`${SITE} has no sitemap.xml: is it a built site?`);
  const pages: string[] = [];
  let stubs = 0;
  for (const pathname of pagesToSweep(SITE)) {
    if (redirectsAtOnce(SITE, pathname)) stubs += 1;
    else pages.push(pathname);
  }
  const server = await serveStatic(SITE);
  const browser = await launchBrowser();
  const loadBefore = loadAverage();
  const started = performance.now();
  const failures: string[] = [];
  let failingPages = 0;
  try {
    // axe needs a page of a context opened here.
    const page = await (await browser.newContext()).newPage();
    for (const pathname of pages) {
      const found = await axeViolations(page, `${server.url}${pathname}`, pathname);
      if (found.length > 0) failingPages += 1;
      failures.push(...found);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`axe-core (WCAG 2.2 AA) on every page of ${GIVEN_SITE ?? 'the demo'}`);
  console.log(`moved-page stubs left out (they redirect at once to a page that is swept): ${stubs}`);
  console.log('| pages | with violations | violations | time | per page | load before | load after |');
  console.log('| ---: | ---: | ---: | ---: | ---: | --- | --- |');
  console.log(
    `| ${pages.length} | ${failingPages} | ${failures.length} | ${seconds.toFixed(1)} s | ${(seconds / pages.length).toFixed(2)} s | ${loadBefore} | ${loadAverage()} |`,
  );
  if (failures.length > 0) {
    console.error(`\n${failures.length} accessibility violations:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}
