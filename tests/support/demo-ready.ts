/**
 * Setup file of the `site` project (vitest.config.ts): before a site test file runs, wait until the demo build the
 * global setup started has ended, and stop the file with that build's output if it failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_READY } from './build.ts';

/** Longer than the demo build takes on a loaded two-core machine (about 40 s). */
const TIMEOUT_MS = 300_000;

const deadline = Date.now() + TIMEOUT_MS;
while (!existsSync(DEMO_READY)) {
  if (Date.now() > deadline) throw new Error(`the demo build did not end within ${TIMEOUT_MS / 1000} s`);
  await sleep(200);
}
const state = JSON.parse(readFileSync(DEMO_READY, 'utf8')) as { ok: boolean; error?: string };
if (!state.ok) throw new Error(`the demo build failed, so no site test can run:\n${state.error ?? ''}`);
