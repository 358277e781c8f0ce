/**
 * `npm run check` step: lists exports nothing else uses (scripts/lib/dead-exports.ts) and exits 1 if there is one.
 * Pages and integrations are left out: Astro calls their exports by convention.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { deadExports } from './lib/dead-exports.ts';

const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|tsx|astro|mjs)$/.test(file) && !file.startsWith('tests/fixtures/'));
const corpus = tracked.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const checked = corpus.filter(
  (file) =>
    /^(src\/(lib|data|charts|schemas|i18n|scripts)|cms|scripts\/lib|tests\/support)\//.test(file.path) &&
    /\.tsx?$/.test(file.path) &&
    !/\.test\.tsx?$/.test(file.path) &&
    !file.path.endsWith('.d.ts'),
);
const dead = deadExports(checked, corpus);
for (const { path, name } of dead)
  console.error(`${path}: export ${name} is used nowhere else — remove it, or drop "export" if the module uses it`);
console.log(`dead exports: ${dead.length} in ${checked.length} modules`);
process.exit(dead.length === 0 ? 0 : 1);
