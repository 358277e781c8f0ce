/**
 * Screenshots of the main templates at phone (360 px) and desktop (1280 px) width, for a human to look at before
 * a release: `node scripts/take-screenshots.ts [builtSiteDir] [outDir]`. Picks the first notice, minutes, village and statistics place page
 * from the built sitemap, so it needs no knowledge of the content.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { DEMO_OUT_DIR, OUTPUT_ROOT } from '../tests/support/build.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const siteDir = path.resolve(process.argv[2] ?? DEMO_OUT_DIR);
const outDir = path.resolve(process.argv[3] ?? path.join(OUTPUT_ROOT, 'screenshots'));
mkdirSync(outDir, { recursive: true });

const paths = [...readFileSync(path.join(siteDir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
  (m) => new URL(m[1] as string).pathname,
);
const first = (pattern: RegExp) => paths.find((p) => pattern.test(p));
const pages: Record<string, string | undefined> = {
  home: '/',
  place: first(/^\/places\/[a-z0-9]+\/$/) && paths.filter((p) => /^\/places\/[a-z0-9]+\/$/.test(p))[1],
  notice: first(/^\/notices\/\d{4}-\d{2}-\d{2}-[^/]+\/$/),
  minutes: first(/^\/meetings\/\d{4}-\d{2}-\d{2}-[^/]+\/$/),
  'minutes-list': first(/^\/meetings\/$/),
  'minutes-place': first(/^\/meetings\/place\/[a-z0-9-]+\/$/),
  // Charts: a phone gets the narrow layout, a desktop the wide one (src/components/stats/StatsChart.astro).
  stats: first(/^\/stats\/$/),
  'stats-place': first(/^\/stats\/place\/[a-z0-9-]+\/$/),
};

const server = await serveStatic(siteDir);
const browser = await launchBrowser();
try {
  for (const [name, pathname] of Object.entries(pages)) {
    if (pathname === undefined) {
      console.log(`${name}: no such page in the sitemap`);
      continue;
    }
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${server.url}${pathname}`);
      const file = path.join(outDir, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${name} ${width}px ${pathname} → ${path.relative(process.cwd(), file)}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
