/**
 * Builds the demo site once for all tests that need built output (pages, search index, browser tests), with
 * the build day fixed so notice states and scheduled items are deterministic. Skipped when a run selects only
 * unit tests (GONGKAILAN_SKIP_BUILD=1) or when a fresh build already exists (GONGKAILAN_REUSE_BUILD=1).
 */
import { existsSync } from 'node:fs';
import { buildSite, DEMO_OUT_DIR, DEMO_TODAY } from './build.ts';

export default async function setup(): Promise<void> {
  if (process.env.GONGKAILAN_SKIP_BUILD === '1') return;
  if (process.env.GONGKAILAN_REUSE_BUILD === '1' && existsSync(`${DEMO_OUT_DIR}/index.html`)) return;
  await buildSite({ contentDir: 'content', outDir: DEMO_OUT_DIR, today: DEMO_TODAY });
}
