/**
 * `npm run build`: the whole pipeline, in three steps so that no two big memory users overlap.
 *
 * 1. `astro build` (validates content first, renders pages and charts, copies uploads, writes the sitemap),
 *    with the Pagefind and post-build-check integrations switched off;
 * 2. Pagefind indexes the output, in this process, after Astro's process (and its ~2 GB heap at 10k pages)
 *    has exited;
 * 3. the post-build checks scan the finished output, search index included, and write build-info.json.
 *
 * Measured at 10k entries: one process peaked at 4.8 GB (Astro's heap + the Pagefind binary side by side),
 * these steps at 2.8 GB (docs/performance.md). `astro build` alone still runs every step in one process.
 * Environment: CONTENT_DIR, OUT_DIR, BUILD_DATE, SITE_URL as for `astro build`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { contentDir } from '../src/lib/content-files.ts';
import { siteUrl } from '../src/lib/site-url.ts';
import pagefind from '../src/integrations/pagefind.ts';
import postBuildChecks from '../src/integrations/post-build-checks.ts';
import { runBuildDoneHooks } from './lib/integration-hooks.ts';

const lastSteps = [pagefind(), postBuildChecks()];
const skipped = [process.env.GONGKAILAN_SKIP_INTEGRATIONS, ...lastSteps.map((i) => i.name)].filter(Boolean).join(',');
const astro = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
  stdio: 'inherit',
  env: { ...process.env, GONGKAILAN_SKIP_INTEGRATIONS: skipped },
});
if (astro.status !== 0) process.exit(astro.status ?? 1);

const outDir = path.resolve(process.env.OUT_DIR ?? 'dist');
try {
  for (const step of lastSteps) await runBuildDoneHooks(step, outDir, siteUrl(contentDir()));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
