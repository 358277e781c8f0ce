/**
 * Global setup of the `site` project only (vitest.config.ts).
 * Builds the demo site once for all tests that need built output (pages, search index, browser tests), with
 * the build day fixed so notice states and scheduled items are deterministic. The build is started, not awaited:
 * Vitest starts no test before every global setup has returned, and the unit tests need no build, so they run
 * beside it; each site test file waits for it first (tests/support/demo-ready.ts, the project's setup file).
 * It also empties the shared scenario
 * builds of the last run (tests/support/build.ts `sharedBuild`) so every run builds them from today's code.
 * It also empties the build caches test builds keep beside their output (`.cache-<name>`: Astro's incremental
 * cache, the search parts, the list of files the checks passed): a build that found the last run's cache copies
 * pages and checks only changed files, so a second local run would test something else than CI's fresh clone
 * (the demo's check of every output file scanned nothing the second time).
 * It also starts the one Chromium the run's browser tests connect to (tests/support/browser.ts).
 * GONGKAILAN_SKIP_BUILD=1 skips the demo build (for site tests that need none); GONGKAILAN_REUSE_BUILD=1 keeps a
 * demo and scenario builds already there (only when they are fresh: the code has not changed since).
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSharedBrowser } from './browser.ts';
import { BUILD_LOG, buildSite, DEMO_OUT_DIR, DEMO_READY, DEMO_TODAY, OUTPUT_ROOT, SHARED_ROOT } from './build.ts';

/** Returns the teardown: the demo build is awaited and the run's shared Chromium closed when every file finished. */
export default async function setup(): Promise<() => Promise<void>> {
  rmSync(DEMO_READY, { force: true });
  const browser = await startSharedBrowser();
  let demo: Promise<void> = Promise.resolve();
  const teardown = async () => {
    await demo;
    await browser.close();
  };
  const ready = (state: { ok: boolean; error?: string }) => writeFileSync(DEMO_READY, JSON.stringify(state));
  const reuse = process.env.GONGKAILAN_REUSE_BUILD === '1';
  if (!reuse) {
    rmSync(SHARED_ROOT, { recursive: true, force: true });
    const caches = existsSync(OUTPUT_ROOT) ? readdirSync(OUTPUT_ROOT).filter((name) => name.startsWith('.cache-')) : [];
    for (const name of caches) rmSync(path.join(OUTPUT_ROOT, name), { recursive: true, force: true });
  }
  rmSync(BUILD_LOG, { force: true });
  if (process.env.GONGKAILAN_SKIP_BUILD === '1' || (reuse && existsSync(`${DEMO_OUT_DIR}/index.html`))) {
    ready({ ok: true });
    return teardown;
  }
  demo = buildSite({ contentDir: 'content', outDir: DEMO_OUT_DIR, today: DEMO_TODAY }).then(
    () => ready({ ok: true }),
    (error: unknown) => ready({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  return teardown;
}
