import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two projects, chosen by where a test file lives (no list to keep up to date):
 * - `unit`: tests beside the code they test (`src/`, `cms/`, `scripts/`, and `tests/support/` for the test
 *   helpers' own pure logic). No build, no browser: seconds (`npm run test:unit`).
 * - `site`: everything else under `tests/`: builds, the built demo, real Chromium, decap-server
 *   (`npm run test:site`). Only this project's global setup builds the demo, once per run.
 * `npm test` runs both; the summary reporter prints one closing "N passed, N failed" line for the whole run.
 */
export default defineConfig({
  // tsconfig.json's `~/` alias, for tests that load Astro-side modules (src/data, src/pages).
  resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    testTimeout: 60_000,
    // expect.poll waits for what a page does after an input (a Pagefind search, a CMS save). Its 1 s default is met
    // on an idle machine and missed under CI's load (three test files, builds and Chromium on two cores).
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 240_000,
    // Two cores, three workers: much of a site test is waiting (a build in a child process, Chromium, a server), so
    // a third file fits in. Measured on this machine (full suite, 830 tests): 2 workers 435 s, 3 workers 375 s,
    // 4 workers 408 s (builds and Chromium starving each other).
    fileParallelism: true,
    maxWorkers: 3,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Tests read the text that builds and CLIs print. With CI=true (as CI runs) colour libraries switch ANSI colours
    // on in child processes, which would put escape codes inside that text.
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure modules, no state kept between files: one module graph per worker instead of one per file halves
          // the unit tests' CPU (31 → 16.5 CPU-seconds for 557 tests, measured on this machine). The site tests keep
          // their isolation: without it, two full runs took 357 s and 369 s instead of 312–314 s (one CLI run had
          // 301 s; not reproduced).
          isolate: false,
          include: ['src/**/*.test.ts', 'cms/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/support/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/support/**', 'tests/.output/**', '**/node_modules/**'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/demo-ready.ts'],
        },
      },
    ],
  },
});
