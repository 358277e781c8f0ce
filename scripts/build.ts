/**
 * `npm run build`: the whole pipeline, in three steps so that no two big memory users overlap.
 *
 * 1. `astro build` (validates content first, renders pages and charts, copies uploads, writes the sitemap),
 *    with the Pagefind and post-build-check integrations switched off;
 * 2. Pagefind indexes the output, in this process, after Astro's process (and its ~2 GB heap at 10k pages)
 *    has exited;
 * 3. the post-build checks scan the finished output, search index included, and write build-info.json.
 *
 * Atomic output (issue 12): every step writes into a temporary folder beside the output (`.dist.building-<pid>`);
 * only when all three passed is it swapped in for the output folder. A failed check, a crash or a kill mid-render
 * leaves the previous output byte for byte as it was. Each run's report, passing or failing, is written beside the
 * output (`dist.build-report.json`), outside what is served. Temporary folders of killed runs are removed by the
 * next run.
 *
 * "Today" is read once, here, and handed to every step and process (src/lib/build/build-clock.ts).
 *
 * Measured at 10k entries: one process peaked at 4.8 GB (Astro's heap + the Pagefind binary side by side),
 * these steps at 2.8 GB (docs/performance.md). `astro build` alone still runs every step in one process.
 * Environment: CONTENT_DIR, OUT_DIR, BUILD_DATE, SITE_URL as for `astro build`; GONGKAILAN_BUILD_HEAP_MB caps the
 * Astro step's heap (src/lib/build/build-heap.ts).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildClock, clockEnv, type BuildClock } from '../src/lib/build/build-clock.ts';
import { astroHeapArgs } from '../src/lib/build/build-heap.ts';
import { buildReport, reportFileFor } from '../src/lib/build/build-report.ts';
import { leftoverActions, previousName, stagingName } from '../src/lib/build/build-staging.ts';
import { contentDir } from '../src/lib/content/content-files.ts';
import { siteUrl } from '../src/lib/site/site-url.ts';
import { PREVIOUS_URLS_ENV, URL_MANIFEST } from '../src/integrations/durable-urls.ts';
import pagefind from '../src/integrations/pagefind.ts';
import postBuildChecks, { ATOMIC_BUILD_ENV, REPORT_FILE_ENV } from '../src/integrations/post-build-checks.ts';
import { runBuildDoneHooks } from './lib/integration-hooks.ts';

let clock: BuildClock;
let heapArgs: string[];
try {
  clock = buildClock();
  heapArgs = astroHeapArgs(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const outDir = path.resolve(process.env.OUT_DIR ?? 'dist');
const parent = path.dirname(outDir);
const base = path.basename(outDir);
const reportFile = reportFileFor(outDir);
const staging = path.join(parent, stagingName(base, process.pid));

/** Whether a process with this id is still running (a concurrent build must keep its folder). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Leftovers of runs that were killed before they could clean up (src/lib/build/build-staging.ts).
mkdirSync(parent, { recursive: true });
for (const { name, action } of leftoverActions(readdirSync(parent), base, existsSync(outDir), running)) {
  if (action === 'restore') renameSync(path.join(parent, name), outDir);
  else rmSync(path.join(parent, name), { recursive: true, force: true });
}
rmSync(staging, { recursive: true, force: true });
rmSync(reportFile, { force: true });

// Durable URLs (issue 18): the release being replaced is the one whose URLs must all survive.
// A deploy into a fresh release folder passes the live release's manifest instead (scripts/deploy.ts).
const previousUrls = { [PREVIOUS_URLS_ENV]: process.env[PREVIOUS_URLS_ENV] ?? path.join(outDir, URL_MANIFEST) };
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...previousUrls,
  ...clockEnv(clock),
  OUT_DIR: staging,
  [ATOMIC_BUILD_ENV]: '1',
  [REPORT_FILE_ENV]: reportFile,
};
// The steps run in this process read the same variables.
Object.assign(process.env, clockEnv(clock), previousUrls, {
  OUT_DIR: staging,
  [ATOMIC_BUILD_ENV]: '1',
  [REPORT_FILE_ENV]: reportFile,
});

/** Stop without touching the output: remove the temporary folder, make sure a report says why. */
function fail(step: string, message: string): never {
  rmSync(staging, { recursive: true, force: true });
  if (!existsSync(reportFile)) {
    const report = buildReport({
      builtAt: clock.builtAt,
      today: clock.today,
      ...(clock.buildDate === undefined ? {} : { buildDate: clock.buildDate }),
      failedStep: step,
      errors: [message],
    });
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  }
  const kept = existsSync(outDir) ? `原有的 ${outDir} 保持不变` : `未生成 ${outDir}`;
  console.error(`构建失败（${step}）：${kept}。报告：${reportFile}`);
  process.exit(1);
}

const lastSteps = [pagefind(), postBuildChecks()];
const skipped = [process.env.GONGKAILAN_SKIP_INTEGRATIONS, ...lastSteps.map((i) => i.name)].filter(Boolean).join(',');
// Seconds per step, printed at the end: where a slow build spends its time (the pipeline benchmark reads this line).
const stepSeconds: string[] = [];
const timed = <T>(name: string, run: () => T): T => {
  const started = performance.now();
  const result = run();
  const record = () => stepSeconds.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (result instanceof Promise) return result.finally(record) as T;
  record();
  return result;
};
const astro = timed('astro', () =>
  spawnSync(process.execPath, [...heapArgs, path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    stdio: 'inherit',
    env: { ...env, GONGKAILAN_SKIP_INTEGRATIONS: skipped },
  }),
);
if (astro.status !== 0) {
  // A content error stops Astro before it renders: the validation step wrote its report already.
  const how = astro.signal !== null ? `被信号 ${astro.signal} 终止` : `退出码 ${astro.status ?? '无'}`;
  fail(existsSync(reportFile) ? 'validate' : 'astro', `astro build 未完成（${how}）`);
}

for (const step of lastSteps) {
  try {
    await timed(step.name.replace('gongkailan:', ''), () => runBuildDoneHooks(step, staging, siteUrl(contentDir())));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message);
    fail(step === lastSteps[0] ? 'pagefind' : 'checks', message);
  }
}
if (!existsSync(path.join(staging, 'index.html')) || !existsSync(path.join(staging, 'build-info.json'))) {
  fail('checks', '输出中缺少 index.html 或 build-info.json');
}

// Every step passed: swap the new site in. Two renames in the same folder (no copy); between them, for an
// instant, the output path does not exist, but it never holds a mix of old and new files.
const old = path.join(parent, previousName(base, process.pid));
if (existsSync(outDir)) {
  if (!statSync(outDir).isDirectory()) fail('swap', `${outDir} 不是文件夹`);
  renameSync(outDir, old);
}
renameSync(staging, outDir);
rmSync(old, { recursive: true, force: true });
copyFileSync(path.join(outDir, 'build-info.json'), reportFile);
console.log(`build steps: ${stepSeconds.join(', ')}`);
