/**
 * Pipeline benchmark (issue 8): for each corpus size, every phase of our build timed alone with its peak memory,
 * the real one-command build, three incremental rebuilds (one notice edited; the next day with no edit; a month of
 * statistics re-imported) with the pages Astro copied and the seconds per step, and two references built from the
 * same entries in the same run (Hugo, plain Astro), so results are ratios, not absolute times.
 *
 *   npm run bench -- pipeline                                   (1,000 entries, a couple of minutes)
 *   BENCH_SIZES=1000,10000,30000 npm run bench -- pipeline      (the full table of docs/performance.md)
 *
 * Needs Hugo (`apt-get install -y hugo`; the Hugo column is skipped without it) and /usr/bin/chromium.
 * Everything is written under tests/.output/bench/<size>/ and kept (BENCH_CLEAN=1 removes it after each size).
 * Phases run one after another in child processes: never run two benchmarks at once on a shared machine.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { addDays } from '../../src/lib/site/dates.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { pageReuse } from '../../tests/support/build.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { writeCorpus, type CorpusPlan } from './corpus.ts';
import {
  folderSize,
  kb,
  loadAverage,
  mb,
  peaksByKind,
  runMeasured,
  runPhase,
  type PhaseResult,
} from './lib/measure.ts';
import { prepareHugoContent } from './lib/reference-sites.ts';
import { goalTable, goalVerdicts } from './lib/goals.ts';
import { groupTemplates } from './lib/templates.ts';
import { bytesPerQuery } from './search.bench.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000').split(',').map(Number);
const TODAY = '2026-11-24';
const ROOT = path.resolve('tests/.output/bench');
const ASTRO = path.resolve('node_modules/astro/bin/astro.mjs');
const HOOK = path.resolve('scripts/bench/lib/run-integration-hook.ts');
const NODE = process.execPath;
/**
 * The real one-command pipeline: `npm run build` (scripts/build.ts: astro build, then Pagefind and the checks
 * after Astro's process has exited) when it exists, else `astro build` with every integration inside.
 */
const BUILD_SCRIPT = path.resolve('scripts/build.ts');
const ONE_COMMAND = existsSync(BUILD_SCRIPT) ? [BUILD_SCRIPT] : [ASTRO, 'build'];
const ONE_COMMAND_LABEL = existsSync(BUILD_SCRIPT) ? '`npm run build`' : '`astro build`';

/**
 * Our integrations that are phases of their own. `astro build` runs without them (GONGKAILAN_SKIP_INTEGRATIONS,
 * read in astro.config.mjs) and each is then run alone on the output by run-integration-hook.ts.
 */
const SEPARATE_PHASES = [
  { phase: 'pagefind', integration: 'gongkailan:pagefind', module: 'src/integrations/pagefind.ts' },
  { phase: 'checks', integration: 'gongkailan:post-build-checks', module: 'src/integrations/post-build-checks.ts' },
] as const;

interface SizeResult {
  plan: CorpusPlan;
  load: { start: string; end: string };
  phases: { name: string; result: PhaseResult }[];
  full: PhaseResult;
  /** Integrations left out of the one-command build because their phase failed alone (reported, never hidden). */
  fullWithout: string[];
  /** Rebuilds with the same cache: after one notice edit, after a day passes, after a month of statistics. */
  rebuilds: Rebuild[];
  hugo: PhaseResult | undefined;
  plainAstro: PhaseResult;
  htmlPages: number;
  distBytes: number;
  indexBytes: number;
  indexFiles: number;
  chartBytes: number;
  chartCount: number;
  templates: { pattern: string; pages: number; sample: string; htmlGzip: number; transferred: number }[];
  search: { query: string; bytes: number; requests: number; results: number; parts: number }[];
}

interface Rebuild {
  name: string;
  result: PhaseResult;
  /** Pages Astro copied from the last build ("(restored)") and pages it rendered. */
  restored: number;
  rendered: number;
  /** scripts/build.ts's "build steps:" line: seconds per step (astro, pagefind, post-build-checks). */
  steps: string;
}

/** What a one-command build's output says about page reuse and its steps. */
function rebuildOf(name: string, result: PhaseResult): Rebuild {
  const steps = /build steps: (.*)/.exec(result.output)?.[1] ?? '';
  return { name, result, ...pageReuse(result.output), steps };
}

/** Every statistics record of the latest month gets one more demand received: a month re-imported. */
function reimportLatestStatsMonth(contentDir: string): void {
  const folder = path.join(contentDir, 'stats');
  const files = readdirSync(folder).sort();
  const latest =
    files
      .map((f) => f.replace(/^.*-(\d{4}-\d{2})\.json$/, '$1'))
      .sort()
      .at(-1) ?? '';
  for (const file of files.filter((f) => f.endsWith(`-${latest}.json`))) {
    const full = path.join(folder, file);
    const record = JSON.parse(readFileSync(full, 'utf8')) as { demands?: { received?: number } };
    if (record.demands?.received !== undefined) record.demands.received += 1;
    writeFileSync(full, `${JSON.stringify(record, null, 2)}\n`);
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** Inline `<svg>` charts in pages plus any standalone .svg files: what charts cost the site on disk. */
function chartBytes(dir: string, pages: readonly string[]): { bytes: number; count: number } {
  let bytes = folderSize(dir, /\.svg$/).bytes;
  let count = folderSize(dir, /\.svg$/).files;
  for (const page of pages) {
    for (const match of readFileSync(path.join(dir, page), 'utf8').matchAll(/<svg[\s\S]*?<\/svg>/g)) {
      // Icons are small; charts have axes and text. Count only SVGs big enough to be charts.
      if (match[0].length > 2000) {
        bytes += Buffer.byteLength(match[0]);
        count += 1;
      }
    }
  }
  return { bytes, count };
}

/** One sample page per template, loaded in Chromium: bytes on the wire for the page and everything it loads. */
async function weighTemplates(siteDir: string, pages: readonly string[]): Promise<SizeResult['templates']> {
  const templates = groupTemplates(pages).slice(0, 20);
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const out: SizeResult['templates'] = [];
    for (const template of templates) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let transferred = 0;
      const sizes: Promise<void>[] = [];
      context.on('requestfinished', (request) => {
        sizes.push(
          request.sizes().then((s) => {
            transferred += s.responseHeadersSize + s.responseBodySize;
          }),
        );
      });
      const url = `/${template.sample.replace(/index\.html$/, '')}`;
      await page.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
      await Promise.all(sizes);
      await context.close();
      const html = readFileSync(path.join(siteDir, template.sample));
      out.push({ ...template, sample: url, htmlGzip: gzipSync(html).length, transferred });
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Append a sentence to the oldest notice: the edit a clerk makes most often (a correction). */
function editOneNotice(contentDir: string): string {
  const folder = path.join(contentDir, 'notices');
  const file = path.join(folder, readdirSync(folder).sort()[0] as string);
  appendFileSync(file, '\n更正：本公告联系人办公时间调整为工作日 8:30–17:30。\n');
  return file;
}

async function benchSize(entries: number): Promise<SizeResult> {
  const work = path.join(ROOT, String(entries));
  const contentDir = path.join(work, 'content');
  const siteDir = path.join(work, 'site');
  const base = {
    CONTENT_DIR: contentDir,
    BUILD_DATE: TODAY,
    OUT_DIR: siteDir,
    ASTRO_CACHE_DIR: path.join(work, 'astro-cache'),
    CHART_CACHE_DIR: path.join(work, 'chart-cache'),
  };
  const cold = () => {
    for (const dir of [siteDir, base.ASTRO_CACHE_DIR, base.CHART_CACHE_DIR])
      rmSync(dir, { recursive: true, force: true });
  };
  const plan = writeCorpus(contentDir, { entries, today: TODAY });
  const load = { start: loadAverage(), end: '' };
  console.log(`\n### ${entries.toLocaleString('en')} entries — ${JSON.stringify(plan)} — load ${load.start}`);

  // 1. Each phase alone, cold caches.
  cold();
  const phases: SizeResult['phases'] = [];
  phases.push({ name: 'validate', result: await runPhase('validate', NODE, ['scripts/validate.ts'], { env: base }) });
  const skip = ['gongkailan:validate-content', ...SEPARATE_PHASES.map((p) => p.integration)].join(',');
  phases.push({
    name: 'astro build (incl. charts)',
    result: await runPhase('astro build', NODE, [ASTRO, 'build'], {
      env: { ...base, GONGKAILAN_SKIP_INTEGRATIONS: skip },
    }),
  });
  // A phase that rejects the site (post-build checks finding a broken link) still has a time; the one-command
  // build below then runs without it, since that integration would delete the output, and the report says so.
  const failed: string[] = [];
  for (const separate of SEPARATE_PHASES) {
    const result = await runMeasured(NODE, [HOOK, separate.module, siteDir], { env: base });
    if (result.code !== 0) {
      failed.push(separate.integration);
      console.log(`${separate.phase} FAILED (exit ${result.code}):\n${result.output.slice(-1500)}`);
    }
    phases.push({ name: result.code === 0 ? separate.phase : `${separate.phase} (FAILED: site rejected)`, result });
  }
  console.log(phases.map((p) => `${p.name} ${p.result.seconds.toFixed(1)} s ${mb(p.result.peakRss)}`).join(', '));

  // 2. The real one-command build, cold caches; its output is what gets measured below.
  cold();
  const fullEnv = failed.length === 0 ? base : { ...base, GONGKAILAN_SKIP_INTEGRATIONS: failed.join(',') };
  const full = await runPhase('full build', NODE, ONE_COMMAND, { env: fullEnv });
  console.log(`full build ${full.seconds.toFixed(1)} s ${mb(full.peakRss)} (peaks: ${peaksByKind(full)})`);
  const pages = htmlFiles(siteDir);
  const charts = chartBytes(siteDir, pages);
  const index = folderSize(path.join(siteDir, 'pagefind'));
  const templates = await weighTemplates(siteDir, pages);
  const search = await bytesPerQuery(siteDir);
  const distBytes = folderSize(siteDir).bytes;

  // 3. Rebuilds with everything as the last build left it (Astro's incremental cache, data store, chart cache):
  // one notice edited; then a day passing with no edit (公示 states only); then a month of statistics re-imported.
  const rebuilds: Rebuild[] = [];
  const rebuild = async (name: string, env: Record<string, string>) => {
    const result = rebuildOf(name, await runPhase(name, NODE, ONE_COMMAND, { env }));
    rebuilds.push(result);
    console.log(
      `${name} ${result.result.seconds.toFixed(1)} s ${mb(result.result.peakRss)}, ${result.restored} pages copied, ${result.rendered} rendered (${result.steps}; peaks: ${peaksByKind(result.result)})`,
    );
  };
  editOneNotice(contentDir);
  await rebuild('rebuild after editing one notice', fullEnv);
  // What an editor waits for after 发布 in the CMS, on the server: the one-command build ends by swapping the new site
  // in (scripts/build.ts). The CI runner's start, checkout and `npm ci` are not in it.
  const published = rebuilds[0]?.result.seconds ?? 0;
  console.log(
    `CMS publish → live (build, checks and atomic switch; runner start, checkout, npm ci not included): ${published.toFixed(1)} s`,
  );
  const nextDay = { ...fullEnv, BUILD_DATE: addDays(TODAY, 1) };
  await rebuild('rebuild the next day, no edit', nextDay);
  reimportLatestStatsMonth(contentDir);
  await rebuild('rebuild after a month of statistics', nextDay);

  // 4. References from the same entries.
  let hugo: PhaseResult | undefined;
  const hugoSite = path.join(work, 'hugo');
  if (hugoAvailable()) {
    prepareHugoContent(contentDir, hugoSite);
    const config = path.resolve('scripts/bench/hugo');
    hugo = await runPhase('hugo', 'hugo', [
      '--quiet',
      '--source',
      hugoSite,
      '--config',
      path.join(config, 'hugo.toml'),
      '--layoutDir',
      path.join(config, 'layouts'),
      '--destination',
      path.join(hugoSite, 'public'),
      '--cacheDir',
      path.join(hugoSite, 'cache'),
    ]);
    console.log(`hugo ${hugo.seconds.toFixed(1)} s ${mb(hugo.peakRss)}`);
  } else {
    console.log('hugo: not installed (apt-get install -y hugo); reference skipped');
  }
  const plainDir = path.join(work, 'plain-astro');
  rmSync(plainDir, { recursive: true, force: true });
  // Built from a copy: Astro writes generated types into <root>/.astro, which must not land in scripts/.
  const plainRoot = path.join(plainDir, 'project');
  cpSync(path.resolve('scripts/bench/plain-astro'), plainRoot, { recursive: true });
  const plainAstro = await runPhase('plain astro', NODE, [ASTRO, 'build', '--root', plainRoot], {
    env: {
      CONTENT_DIR: contentDir,
      OUT_DIR: path.join(plainDir, 'dist'),
      ASTRO_CACHE_DIR: path.join(plainDir, 'cache'),
    },
  });
  console.log(`plain astro ${plainAstro.seconds.toFixed(1)} s ${mb(plainAstro.peakRss)}`);
  load.end = loadAverage();
  // Each phase's own log (Astro's per-step timings, Pagefind's page count) next to the figures, for diagnosis.
  for (const [name, result] of [
    ...phases.map((p) => [p.name, p.result] as const),
    ['full', full] as const,
    ...rebuilds.map((r) => [r.name, r.result] as const),
  ]) {
    writeFileSync(path.join(work, `${name.replace(/\W+/g, '-')}.log`), result.output);
  }

  return {
    plan,
    load,
    phases,
    full,
    fullWithout: failed,
    rebuilds,
    hugo,
    plainAstro,
    htmlPages: pages.length,
    distBytes,
    indexBytes: index.bytes,
    indexFiles: index.files,
    chartBytes: charts.bytes,
    chartCount: charts.count,
    templates,
    search,
  };
}

function hugoAvailable(): boolean {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function report(entries: number, r: SizeResult): void {
  const s = (p: PhaseResult) => `${p.seconds.toFixed(1)} s`;
  const ratio = (a: PhaseResult, b: PhaseResult | undefined) =>
    b === undefined ? '—' : `${(a.seconds / b.seconds).toFixed(2)}×`;
  const lines = [
    '',
    `#### ${entries.toLocaleString('en')} entries (${r.plan.notices} notices, ${r.plan.meetings} meetings, ${r.plan.legal} legal, ${r.plan.places} places × ${r.plan.months} months = ${r.plan.stats} stats); load average ${r.load.start} → ${r.load.end}`,
    '',
    '| phase | wall time | peak RSS (process tree) |',
    '| --- | ---: | ---: |',
    ...r.phases.map((p) => `| ${p.name} | ${s(p.result)} | ${mb(p.result.peakRss)} |`),
    `| sum of phases | ${r.phases.reduce((sum, p) => sum + p.result.seconds, 0).toFixed(1)} s | ${mb(Math.max(...r.phases.map((p) => p.result.peakRss)))} (max) |`,
    `| **full pipeline, one command (${ONE_COMMAND_LABEL})${r.fullWithout.length > 0 ? ` WITHOUT ${r.fullWithout.join(', ')}` : ''}** | **${s(r.full)}** | **${mb(r.full.peakRss)}** (${peaksByKind(r.full)}) |`,
    ...r.rebuilds.map(
      (b) =>
        `| ${b.name}: ${b.restored} pages copied, ${b.rendered} rendered; ${b.steps} | ${s(b.result)} (${((100 * b.result.seconds) / r.full.seconds).toFixed(0)} % of full, ${ratio(b.result, r.hugo)} Hugo) | ${mb(b.result.peakRss)} (${peaksByKind(b.result)}) |`,
    ),
    `| reference: Hugo ${r.hugo === undefined ? '(not installed)' : ''} | ${r.hugo === undefined ? '—' : s(r.hugo)} | ${r.hugo === undefined ? '—' : mb(r.hugo.peakRss)} |`,
    `| reference: plain Astro, same entries | ${s(r.plainAstro)} | ${mb(r.plainAstro.peakRss)} |`,
    `| **full pipeline ÷ Hugo** | **${ratio(r.full, r.hugo)}** | |`,
    `| full pipeline ÷ plain Astro | ${ratio(r.full, r.plainAstro)} | |`,
    '',
    ...goalTable(
      goalVerdicts({
        entries,
        full: { ...r.full, steps: /build steps: (.*)/.exec(r.full.output)?.[1] ?? '' },
        rebuilds: r.rebuilds.map((b) => ({ name: b.name, build: { ...b.result, steps: b.steps } })),
        hugoSeconds: r.hugo?.seconds,
      }),
    ),
    '',
    '| output | value |',
    '| --- | ---: |',
    `| HTML pages | ${r.htmlPages.toLocaleString('en')} |`,
    `| pages/s (full pipeline) | ${(r.htmlPages / r.full.seconds).toFixed(0)} |`,
    `| dist size | ${mb(r.distBytes)} |`,
    `| Pagefind index | ${mb(r.indexBytes)} in ${r.indexFiles.toLocaleString('en')} files |`,
    `| charts (inline SVG + .svg files) | ${mb(r.chartBytes)} in ${r.chartCount.toLocaleString('en')} charts |`,
    ...r.search.map(
      (q, i) =>
        `| search bytes, ${i === 0 ? 'first' : 'second'} query "${q.query}" in Chromium (${q.results} results over ${q.parts} index part(s), top 10 loaded) | ${kb(q.bytes)} in ${q.requests} requests |`,
    ),
    '',
    '| template | pages | sample | HTML gzip | transferred (page + assets, uncompressed) |',
    '| --- | ---: | --- | ---: | ---: |',
    ...r.templates.map(
      (t) => `| \`${t.pattern}\` | ${t.pages} | ${t.sample} | ${kb(t.htmlGzip)} | ${kb(t.transferred)} |`,
    ),
  ];
  console.log(lines.join('\n'));
}

export default async function bench(): Promise<void> {
  for (const entries of SIZES) {
    const result = await benchSize(entries);
    report(entries, result);
    writeFileSync(
      path.join(ROOT, `pipeline-${entries}.json`),
      `${JSON.stringify(result, (k, v) => (k === 'output' ? undefined : v), 2)}\n`,
    );
    if (process.env.BENCH_CLEAN === '1') rmSync(path.join(ROOT, String(entries)), { recursive: true, force: true });
  }
}
