/**
 * County scale trial (docs/scaling.md): generated towns, each built by our real pipeline (`npm run build`'s
 * scripts/build.ts) as a site of its own, then the county portal (`npm run build:county`) merging every part of
 * every town's index. Each site is served from its own origin, as towns would publish them, with CORS on the town
 * servers so the county page can read their indexes. Chromium loads the county page with a query and measures
 * the time until every index is merged and the first query is answered, the bytes, and the page's memory.
 *
 *   npm run bench -- county
 *     BENCH_COUNTY_TOWNS    towns (default 2, at most the 25 of county/simulation-towns.json)
 *     BENCH_COUNTY_ENTRIES  entries per town (default 300)
 *     GONGKAILAN_SEARCH_PART_PAGES  indexed pages above which a town's index is split by year (default 4,000):
 *                           set it low (e.g. 100) to have small towns in parts too
 *     BENCH_COUNTY_REUSE=1  keep the towns a previous run built (same sizes) and measure only the county side;
 *                           their rows then say "reused" instead of a build time
 *
 * Throws when a town, or a part of a town whose pages have the query in their title, is missing from the results.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic, type StaticServer } from '../../tests/support/static-server.ts';
import { writeCorpus, type Town } from './corpus.ts';
import type { PartList } from '../../src/lib/search/search-parts.ts';
import { describePage, searchParts, DEFAULT_PART_PAGES, PART_PAGES_ENV } from '../../src/lib/search/search-parts.ts';
import { folderSize, kb, loadAverage, mb, processTree, runPhase } from './lib/measure.ts';

const TOWN_COUNT = Number(process.env.BENCH_COUNTY_TOWNS ?? 2);
const ENTRIES = Number(process.env.BENCH_COUNTY_ENTRIES ?? 300);
const PART_PAGES = Number(process.env[PART_PAGES_ENV] ?? DEFAULT_PART_PAGES);
const TODAY = '2026-11-24';
const WORK = path.resolve('tests/.output/bench/county');
/** In notices of every year of the generated corpus (低保 公示), so every year's part has pages to find. */
const QUERY = '低保';
const REUSE = process.env.BENCH_COUNTY_REUSE === '1';

interface SimulatedTown extends Town {
  seed: number;
  /** The county list's name, e.g. 云溪街道. */
  fullName: string;
}

/** The first `count` towns of the simulated county, as the CI workflow builds them (same ids, names and seeds). */
function simulatedTowns(count: number): SimulatedTown[] {
  const list = JSON.parse(readFileSync('county/simulation-towns.json', 'utf8')) as { name: string; url: string }[];
  if (!Number.isInteger(count) || count < 1 || count > list.length) {
    throw new Error(`BENCH_COUNTY_TOWNS must be 1 to ${list.length}, got ${count}`);
  }
  return list.slice(0, count).map((town, i) => ({
    id: new URL(town.url).hostname.split('.')[0] ?? '',
    name: town.name.replace(/街道$/, ''),
    fullName: town.name,
    seed: i + 1,
  }));
}

/** Resident memory of Chromium's renderer processes under this one (the county page and its Pagefind worker). */
function rendererRss(): number {
  const renderers = processTree(process.pid).filter((p) => p.commandLine.includes('--type=renderer'));
  return Math.max(0, ...renderers.map((p) => p.rss));
}

interface BuiltTown {
  town: SimulatedTown;
  siteDir: string;
  parts: PartList['parts'];
  /** For each page URL path, the part whose bundle indexed it (the split of src/lib/search/search-parts.ts). */
  partOf: Map<string, string>;
  /** Parts with at least one page whose title has QUERY: each must give results. */
  expected: Set<string>;
}

/** Which part indexed each page, from the built site (the same split the build made, with the same limit). */
function pagesByPart(siteDir: string): { partOf: Map<string, string>; expected: Set<string> } {
  const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'));
  const html = new Map(files.map((f) => [f, readFileSync(path.join(siteDir, f), 'utf8')]));
  const pages = files.map((f) => describePage(f, html.get(f) ?? ''));
  const parts = searchParts(pages, PART_PAGES) ?? [{ name: 'all', pages: pages.filter((p) => p.indexed) }];
  const partOf = new Map<string, string>();
  const expected = new Set<string>();
  for (const part of parts) {
    for (const page of part.pages) {
      partOf.set(`/${page.file.replace(/index\.html$/, '')}`, part.name);
      if ((/<title>([^<]*)<\/title>/.exec(html.get(page.file) ?? '')?.[1] ?? '').includes(QUERY))
        expected.add(part.name);
    }
  }
  return { partOf, expected };
}

export default async function bench(): Promise<void> {
  if (!REUSE) rmSync(WORK, { recursive: true, force: true });
  const towns = simulatedTowns(TOWN_COUNT);
  console.log(
    `${towns.length} towns × ${ENTRIES} entries, index in parts above ${PART_PAGES} pages, load ${loadAverage()}`,
  );
  console.log('| town | build (npm run build) | peak RSS | indexed pages | index | parts |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const servers: StaticServer[] = [];
  try {
    const built: BuiltTown[] = [];
    const listed: { name: string; url: string; dist: string }[] = [];
    for (const town of towns) {
      const contentDir = path.join(WORK, town.id, 'content');
      const siteDir = path.join(WORK, town.id, 'site');
      const reused = REUSE && existsSync(path.join(siteDir, 'pagefind', 'parts.json'));
      if (!reused) writeCorpus(contentDir, { entries: ENTRIES, today: TODAY, town, seed: town.seed });
      const run = async () =>
        await runPhase(`build ${town.id}`, process.execPath, ['scripts/build.ts'], {
          env: {
            CONTENT_DIR: contentDir,
            OUT_DIR: siteDir,
            BUILD_DATE: TODAY,
            // As in .github/workflows/county-build.yml: the URL the county's list gives the town.
            SITE_URL: `https://${town.id}.example/`,
            ASTRO_CACHE_DIR: path.join(WORK, town.id, 'astro-cache'),
            CHART_CACHE_DIR: path.join(WORK, town.id, 'chart-cache'),
          },
        });
      const result = reused ? undefined : await run();
      const { parts } = JSON.parse(readFileSync(path.join(siteDir, 'pagefind', 'parts.json'), 'utf8')) as PartList;
      const indexed = /indexed (\d+) of/.exec(result?.output ?? '')?.[1] ?? '?';
      const index = folderSize(path.join(siteDir, 'pagefind'));
      console.log(
        `| ${town.fullName} | ${result === undefined ? 'reused' : `${result.seconds.toFixed(1)} s`} | ${result === undefined ? '—' : mb(result.peakRss)} | ${indexed} | ${mb(index.bytes)} | ${parts.length} |`,
      );
      built.push({ town, siteDir, parts, ...pagesByPart(siteDir) });
      // Each town is its own origin; CORS lets the county page fetch the index (and nothing else changes).
      const server = await serveStatic(siteDir, { 'Access-Control-Allow-Origin': '*' });
      servers.push(server);
      listed.push({ name: town.fullName, url: `${server.url}/`, dist: siteDir });
    }

    const countyDir = path.join(WORK, 'county-site');
    const list = path.join(WORK, 'towns.json');
    writeFileSync(list, JSON.stringify(listed));
    const county = await runPhase('county build', process.execPath, [
      'scripts/build-county.ts',
      '--county',
      '溪山区',
      '--out',
      countyDir,
      list,
    ]);
    const bundles = built.reduce((sum, t) => sum + t.parts.length, 0);
    console.log(
      `| county build (npm run build:county), ${bundles} bundles | ${county.seconds.toFixed(1)} s | ${mb(county.peakRss)} | | ${mb(folderSize(countyDir).bytes)} | |`,
    );
    const countyServer = await serveStatic(countyDir);
    servers.push(countyServer);

    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const bytesByOrigin = new Map<string, number>();
      context.on('requestfinished', (request) => {
        void request.sizes().then((s) => {
          const origin = new URL(request.url()).origin;
          bytesByOrigin.set(origin, (bytesByOrigin.get(origin) ?? 0) + s.responseHeadersSize + s.responseBodySize);
        });
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${countyServer.url}/?q=${encodeURIComponent(QUERY)}`);
      await page.waitForFunction(() => performance.getEntriesByName('county-answered').length > 0, undefined, {
        timeout: 600_000,
      });
      const marks = (await page.evaluate(() =>
        ['county-merged', 'county-answered'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? 0),
      )) as [number, number];
      await page.waitForTimeout(300); // the last responses' sizes
      const bytes = [...bytesByOrigin.values()].reduce((a, b) => a + b, 0);
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      const renderer = rendererRss();
      const status = (await page.getByRole('status').textContent()) ?? '';

      console.log('\n| county page, query on load | value |');
      console.log('| --- | ---: |');
      console.log(`| every index merged (from navigation start) | ${(marks[0] / 1000).toFixed(2)} s |`);
      console.log(`| first query answered, 20 results shown | ${(marks[1] / 1000).toFixed(2)} s |`);
      console.log(`| bytes fetched, county + towns | ${kb(bytes)} |`);
      console.log(`| of which from the county origin | ${kb(bytesByOrigin.get(countyServer.url) ?? 0)} |`);
      console.log(`| JS heap of the page (main thread; Pagefind searches in a worker) | ${mb(heap)} |`);
      console.log(`| renderer process RSS (page + Pagefind worker and its WebAssembly) | ${mb(renderer)} |`);
      console.log(`| status line | ${status} |`);

      // Every result's page: which town and which part answered (loads every result's fragment, after timing). In
      // batches: 25 towns give >12,000 results, and as many fetches at once fail in the browser ("Failed to fetch").
      const urls = (await page.evaluate(`(async () => {
        const county = window.gongkailanCounty;
        const search = await county.pagefind.search(${JSON.stringify(QUERY)}, { filters: { town: { any: county.towns } } });
        const urls = [];
        for (let i = 0; i < search.results.length; i += 200) {
          const batch = search.results.slice(i, i + 200);
          urls.push(...(await Promise.all(batch.map(async (r) => (await r.data()).url))));
        }
        return urls;
      })()`)) as string[];
      const failed = (await page.evaluate('window.gongkailanCounty.failed')) as string[];
      const problems: string[] = failed.map((town) => `${town}: an index did not load`);
      console.log(`\n| results for ${QUERY} | ${urls.length} |`);
      console.log('| --- | --- |');
      for (const { town, parts, partOf, expected } of built) {
        const origin = listed.find((t) => t.name === town.fullName)?.url ?? '';
        const mine = urls.filter((u) => u.startsWith(origin));
        const byPart = new Map<string, number>();
        for (const url of mine) {
          const part = partOf.get(new URL(url).pathname) ?? '(unknown page)';
          byPart.set(part, (byPart.get(part) ?? 0) + 1);
        }
        console.log(
          `| ${town.fullName} | ${mine.length}: ${parts.map((p) => `${p.name} ${byPart.get(p.name) ?? 0}`).join(', ')} |`,
        );
        if (mine.length === 0) problems.push(`${town.fullName}: no results`);
        for (const part of expected) {
          if ((byPart.get(part) ?? 0) === 0) problems.push(`${town.fullName}: no results from part ${part}`);
        }
        if (parts.length > 1 && [...byPart.keys()].length < 2) {
          problems.push(`${town.fullName}: index in ${parts.length} parts but results from one only`);
        }
        if (byPart.has('(unknown page)')) problems.push(`${town.fullName}: results that are no page of the town`);
      }
      if (problems.length > 0) throw new Error(`county search is missing results:\n${problems.join('\n')}`);
    } finally {
      await browser.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
