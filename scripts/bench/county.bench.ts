/**
 * County scale trial (docs/scaling.md): two generated towns, each built by our real pipeline as a site of its
 * own, and a county page that searches both with Pagefind multisite (`mergeIndex`). Each site is served from its
 * own origin, as towns would publish them, with CORS on the town servers so the county page can read their
 * indexes. Chromium checks that one query returns results from both towns and prints what it cost.
 *
 *   npm run bench -- county        (BENCH_COUNTY_ENTRIES sets entries per town, default 300)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic, type StaticServer } from '../../tests/support/static-server.ts';
import { writeCorpus, type Town } from './corpus.ts';
import { buildSearchIndex } from '../../src/lib/search/search-index.ts';
import { kb, loadAverage, mb, runPhase, folderSize } from './lib/measure.ts';

const ENTRIES = Number(process.env.BENCH_COUNTY_ENTRIES ?? 300);
const TODAY = '2026-11-24';
const WORK = path.resolve('tests/.output/bench/county');
const TOWNS: (Town & { seed: number })[] = [
  { id: 'yunxi', name: '云溪', seed: 1 },
  { id: 'fengxi', name: '枫溪', seed: 2 },
];
const QUERY = '低保';

/** The county portal's search page: its own (tiny) Pagefind bundle, plus every town's index merged in. */
function countyPage(townBundles: readonly string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>县级村务公开检索</title></head>
<body><main data-pagefind-body><h1>县级村务公开检索</h1><p>本页检索全县各街道、乡镇公开栏。</p></main>
<script type="module">
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ excerptLength: 20 });
  // baseUrl: result links must point at the town's own site, not at the county portal.
  ${townBundles.map((url) => `await pagefind.mergeIndex(${JSON.stringify(url)}, { baseUrl: ${JSON.stringify(new URL('/', url).href)} });`).join('\n  ')}
  window.countySearch = pagefind;
</script></body></html>`;
}

export default async function bench(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  console.log(`two towns × ${ENTRIES} entries, load ${loadAverage()}`);
  const servers: StaticServer[] = [];
  try {
    const townUrls: string[] = [];
    for (const town of TOWNS) {
      const contentDir = path.join(WORK, town.id, 'content');
      const siteDir = path.join(WORK, town.id, 'site');
      writeCorpus(contentDir, { entries: ENTRIES, today: TODAY, town, seed: town.seed });
      const built = await runPhase(
        `build ${town.id}`,
        process.execPath,
        ['node_modules/astro/bin/astro.mjs', 'build'],
        {
          env: {
            CONTENT_DIR: contentDir,
            OUT_DIR: siteDir,
            BUILD_DATE: TODAY,
            ASTRO_CACHE_DIR: path.join(WORK, town.id, 'astro-cache'),
            CHART_CACHE_DIR: path.join(WORK, town.id, 'chart-cache'),
          },
        },
      );
      const index = folderSize(path.join(siteDir, 'pagefind'));
      console.log(
        `| ${town.name}街道 | build ${built.seconds.toFixed(1)} s, ${mb(built.peakRss)} | index ${mb(index.bytes)} |`,
      );
      // Each town is its own origin; CORS lets the county page fetch the index (and nothing else changes).
      const server = await serveStatic(siteDir, { 'Access-Control-Allow-Origin': '*' });
      servers.push(server);
      townUrls.push(`${server.url}/pagefind/`);
    }

    const countyDir = path.join(WORK, 'county-site');
    mkdirSync(countyDir, { recursive: true });
    writeFileSync(path.join(countyDir, 'index.html'), countyPage(townUrls));
    await buildSearchIndex(countyDir);
    const county = await serveStatic(countyDir);
    servers.push(county);

    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      let bytes = 0;
      context.on('requestfinished', (request) => {
        void request.sizes().then((s) => (bytes += s.responseHeadersSize + s.responseBodySize));
      });
      const page = await context.newPage();
      await page.goto(`${county.url}/`);
      await page.waitForFunction(() => 'countySearch' in window);
      const beforeQuery = bytes;
      const found = (await page.evaluate(`(async () => {
        const search = await window.countySearch.search(${JSON.stringify(QUERY)});
        const data = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
        return { total: search.results.length, urls: data.map((d) => d.url) };
      })()`)) as { total: number; urls: string[] };
      await page.waitForTimeout(300);
      const byTown = townUrls.map((bundle) => {
        const origin = new URL(bundle).origin;
        return found.urls.filter((url) => url.startsWith(origin)).length;
      });
      console.log(`| query "${QUERY}" on the county page | ${found.total} results |`);
      TOWNS.forEach((town, i) =>
        console.log(`| of the first ${found.urls.length}, from ${town.name}街道 | ${byTown[i] ?? 0} |`),
      );
      console.log(`| bytes: county page + Pagefind start | ${kb(beforeQuery)} |`);
      console.log(`| bytes: first query across both towns (top 50 loaded) | ${kb(bytes - beforeQuery)} |`);
      console.log(`| sample result URLs | ${found.urls.slice(0, 2).join(', ')} |`);
      if (byTown.some((n) => n === 0)) throw new Error(`county search missed a town: ${JSON.stringify(found.urls)}`);
    } finally {
      await browser.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
