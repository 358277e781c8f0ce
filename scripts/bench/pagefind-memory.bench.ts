/**
 * Pagefind memory at scale (issue 8 target: ≤ 3 GB peak for the whole pipeline at 10k entries). Indexes a site
 * the pipeline benchmark has built, in two ways, each in a child process with its tree's peak RSS:
 *
 * - whole: one index over every page, as `src/integrations/pagefind.ts` does today;
 * - parts: one index per section (notices, meetings, stats, legal, the rest), the Pagefind binary restarted
 *   between parts; the browser merges them with `mergeIndex` (measured: results and bytes of a query).
 *
 *   BENCH_PAGEFIND_SITE=tests/.output/bench/10000/site npm run bench -- pagefind-memory
 *
 * Default site: the largest tests/.output/bench/<N>/site present. Skipped when there is none.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { folderSize, kb, loadAverage, mb, runPhase } from './lib/measure.ts';

const ROOT = path.resolve('tests/.output/bench');
const PARTS = [
  'notices=notices/**/*.html',
  'meetings=meetings/**/*.html',
  'stats=stats/**/*.html',
  'legal=legal/**/*.html',
  'rest={index.html,places/**/*.html,search/**/*.html}',
];
const QUERY = '低保 公示';

function defaultSite(): string | undefined {
  if (!existsSync(ROOT)) return undefined;
  const sizes = readdirSync(ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(path.join(ROOT, name, 'site', 'index.html')))
    .map(Number)
    .sort((a, b) => b - a);
  return sizes[0] === undefined ? undefined : path.join(ROOT, String(sizes[0]), 'site');
}

/** Results and bytes of one query in Chromium, with the given bundles merged into the first. */
async function queryCost(siteDir: string, bundles: readonly string[]): Promise<{ results: number; bytes: number }> {
  writeFileSync(
    path.join(siteDir, 'bench-merged-search.html'),
    `<!doctype html><html lang="zh-CN"><body><script type="module">
      const pagefind = await import('${bundles[0]}pagefind.js');
      ${bundles
        .slice(1)
        .map((b) => `await pagefind.mergeIndex('${b}');`)
        .join('\n')}
      window.pf = pagefind;
    </script></body></html>`,
  );
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    let bytes = 0;
    context.on('requestfinished', (request) => {
      void request.sizes().then((s) => (bytes += s.responseHeadersSize + s.responseBodySize));
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/bench-merged-search.html`);
    await page.waitForFunction(() => 'pf' in window);
    const results = (await page.evaluate(`(async () => {
      const search = await window.pf.search(${JSON.stringify(QUERY)});
      await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return search.results.length;
    })()`)) as number;
    await page.waitForTimeout(300);
    return { results, bytes };
  } finally {
    await browser.close();
    await server.close();
    rmSync(path.join(siteDir, 'bench-merged-search.html'), { force: true });
  }
}

export default async function bench(): Promise<void> {
  const siteDir = process.env.BENCH_PAGEFIND_SITE ?? defaultSite();
  if (siteDir === undefined) {
    console.log('no built benchmark site: run `npm run bench -- pipeline` first');
    return;
  }
  const script = path.resolve('scripts/bench/lib/index-in-parts.ts');
  const variants = [
    { name: 'whole site, one index (today)', out: 'bench-pf-whole', args: [] as string[] },
    { name: 'one index per section, binary restarted between', out: 'bench-pf-parts', args: PARTS },
  ];
  console.log(`site ${path.relative('.', siteDir)}, load ${loadAverage()}`);
  console.log(`| variant | time | peak RSS | index size | query "${QUERY}" (first, in Chromium) |`);
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const variant of variants) {
    const out = path.join(siteDir, variant.out);
    rmSync(out, { recursive: true, force: true });
    const run = await runPhase(variant.name, process.execPath, [script, siteDir, out, ...variant.args]);
    const bundles =
      variant.args.length === 0
        ? [`/${variant.out}/`]
        : variant.args.map((part) => `/${variant.out}/${part.split('=')[0] ?? ''}/`);
    const cost = await queryCost(siteDir, bundles);
    const files = run.output.trim().split('\n').at(-1) ?? '';
    console.log(
      `| ${variant.name} (HTML files seen: ${files}) | ${run.seconds.toFixed(1)} s | ${mb(run.peakRss)} | ${mb(folderSize(out).bytes)} | ${cost.results} results, ${kb(cost.bytes)} |`,
    );
    rmSync(out, { recursive: true, force: true });
  }
  console.log(`load after: ${loadAverage()}`);
}
