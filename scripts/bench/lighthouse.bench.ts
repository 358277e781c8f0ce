/**
 * Lighthouse (mobile preset: simulated slow 4G and 4× CPU slowdown) on one page of every template of the demo
 * site, in Debian's Chromium started by tests/support/browser.ts; Lighthouse attaches to it through a debugging
 * port and never downloads a browser. Target (issue 8): performance ≥ 98 and TBT ≤ 50 ms on every template.
 *
 *   npm run bench -- lighthouse
 *   BENCH_LIGHTHOUSE_SITE=tests/.output/bench/10000/site npm run bench -- lighthouse     (a 10k site's templates)
 *
 * Scores depend on the machine's load (TBT is simulated from the main-thread tasks Chromium actually ran), so
 * the load average is printed with them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { launchBrowser } from '../../tests/support/browser.ts';
import { buildSite, DEMO_TODAY } from '../../tests/support/build.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { loadAverage } from './lib/measure.ts';
import { groupTemplates } from './lib/templates.ts';

/** BENCH_LIGHTHOUSE_SITE: an already-built site to audit instead (e.g. tests/.output/bench/10000/site). */
const GIVEN_SITE = process.env.BENCH_LIGHTHOUSE_SITE;
const SITE = path.resolve(GIVEN_SITE ?? 'tests/.output/bench/lighthouse-demo');
const PORT = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 9333);

export default async function bench(): Promise<void> {
  process.env.CHROME_PATH = '/usr/bin/chromium';
  if (GIVEN_SITE === undefined) await buildSite({ contentDir: 'content', outDir: SITE, today: DEMO_TODAY });
  const pages = readdirSync(SITE, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('admin/'))
    .sort();
  const templates = groupTemplates(pages);
  // Compressed like any real static host (deploy/nginx.conf): slow 4G is simulated on the bytes really sent.
  const server = await serveStatic(SITE, {}, { gzip: true });
  const browser = await launchBrowser({ args: [`--remote-debugging-port=${PORT}`] });
  const what = GIVEN_SITE ?? 'the demo';
  console.log(`Lighthouse mobile on ${templates.length} templates of ${what}, load ${loadAverage()}`);
  console.log('| template | sample | performance | accessibility | best practices | SEO | TBT | LCP |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  let misses = 0;
  try {
    for (const template of templates) {
      const url = `${server.url}/${template.sample.replace(/index\.html$/, '')}`;
      const result = await lighthouse(url, {
        port: PORT,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const lhr = result?.lhr;
      if (lhr === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const tbt = lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN;
      const lcp = lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN;
      if (score('performance') < 98 || tbt > 50) misses += 1;
      console.log(
        `| \`${template.pattern}\` | /${template.sample.replace(/index\.html$/, '')} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ${tbt.toFixed(0)} ms | ${(lcp / 1000).toFixed(2)} s |`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`templates below target (performance < 98 or TBT > 50 ms): ${misses}; load after: ${loadAverage()}`);
}
