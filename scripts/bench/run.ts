/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` in name order and prints their figures.
 * Each bench module default-exports `async function bench(): Promise<void>` that prints its own table.
 * `npm run bench -- search` runs only modules whose name contains "search".
 * Figures, not pass/fail: targets are compared in docs/performance.md. One exception: `a11y` (axe on every page
 * of the demo, the sweep `npm test` leaves out) sets a non-zero exit code when it finds a violation.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of modules) {
  console.log(`\n## ${file.replace('.bench.ts', '')}\n`);
  const started = performance.now();
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<void> };
  await mod.default();
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
