/**
 * Prints the closing line CI reads: "N passed, N failed". A test file that fails to load counts as one failure,
 * so a broken import cannot pass as "0 failed".
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { BUILD_LOG, OUTPUT_ROOT } from './build.ts';

/** "site builds: 14, 212.5 s (slowest: …)" from the builds tests ran (tests/support/build.ts), or nothing. */
function buildLine(): string {
  if (!existsSync(BUILD_LOG)) return '';
  const builds = readFileSync(BUILD_LOG, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { content: string; seconds: number });
  const total = builds.reduce((sum, b) => sum + b.seconds, 0);
  const slowest = [...builds].sort((a, b) => b.seconds - a.seconds).slice(0, 3);
  return `site builds: ${builds.length}, ${total.toFixed(1)} s (slowest: ${slowest.map((b) => `${b.content} ${b.seconds} s`).join(', ')})\n`;
}

/** "slowest files: tests/cms.test.ts 95.2 s, …": where the wall time goes (files run two at a time). */
function slowestFilesLine(testModules: ReadonlyArray<TestModule>): string {
  const all = testModules
    .map((module) => ({ file: path.relative(process.cwd(), module.moduleId), ms: module.diagnostic().duration }))
    .sort((a, b) => b.ms - a.ms);
  // Every file's time, for whoever works on the suite's wall time (tests/.output is git-ignored).
  mkdirSync(OUTPUT_ROOT, { recursive: true });
  writeFileSync(path.join(OUTPUT_ROOT, 'test-file-times.json'), JSON.stringify(all, null, 1));
  const timed = all.slice(0, 5);
  if (timed.length === 0) return '';
  return `slowest files: ${timed.map((t) => `${t.file} ${(t.ms / 1000).toFixed(1)} s`).join(', ')}\n`;
}

export default class SummaryReporter implements Reporter {
  /** Builds are logged per run: a unit-only run must not report the builds of an earlier full run. */
  onInit(): void {
    rmSync(BUILD_LOG, { force: true });
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests += 1;
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      if (tests === 0 && module.state() === 'failed') failed += 1;
      else if (module.errors().length > 0) failed += module.errors().length;
    }
    process.stdout.write(
      `\n${slowestFilesLine(testModules)}${buildLine()}${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
