/**
 * `npm run build:county -- --out <dir> [--county 溪山区] <towns.json>…`: the county portal (docs/scaling.md), a
 * small static site whose one page lists the towns and searches all of them by merging every town's Pagefind
 * bundles. It holds no content: each town builds and publishes its own site (.github/workflows/county-build.yml
 * builds them as parallel jobs), and this step only reads what they published.
 *
 * Each towns file is a JSON array of `{ "name": "云溪街道", "url": "https://yunxi.example/", "dist": "site" }`;
 * several files are joined (one per town, as the town jobs of the workflow write them). With `dist` (a folder
 * relative to the file: the town's built site, e.g. a CI artifact) the town's part list and bundles are read from
 * it; without, they are fetched from `url`. Fails when a town publishes no part list, a listed bundle is missing,
 * or a bundle was written by another Pagefind version than the county's own (mergeIndex reads every bundle with
 * the county's WebAssembly).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countyPage } from '../src/lib/county/county-page.ts';
import { mergePlan, parsePartList, parseTowns, type TownSource } from '../src/lib/county/county-plan.ts';
import { buildSearchIndex } from '../src/lib/search/search-index.ts';
import { inSiteDir, PART_LIST_FILE, type PartList } from '../src/lib/search/search-parts.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, county: { type: 'string', default: '本县' } },
});
if (values.out === undefined || positionals.length === 0) {
  console.error('usage: node scripts/build-county.ts --out <dir> [--county 名称] <towns.json>…');
  process.exit(2);
}
const outDir = path.resolve(values.out);

/** A file of the town's site, from its local copy or its published URL; undefined when it does not exist. */
async function townFile(town: TownSource, file: string): Promise<string | undefined> {
  if (town.dist !== undefined) {
    const local = inSiteDir(town.dist, file);
    return existsSync(local) ? readFileSync(local, 'utf8') : undefined;
  }
  const response = await fetch(new URL(file, town.url));
  return response.ok ? await response.text() : undefined;
}

const pagefindVersion = (entry: string): unknown => (JSON.parse(entry) as { version?: unknown }).version;

try {
  const started = performance.now();
  // Each file's `dist` is relative to that file; the second pass checks names and URLs across all files.
  const towns = parseTowns(
    positionals.flatMap((file) => parseTowns(JSON.parse(readFileSync(file, 'utf8')), path.dirname(path.resolve(file)))),
    '/',
  );

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The county's own bundle first (from a placeholder page): its Pagefind version is the one every town must have.
  writeFileSync(path.join(outDir, 'index.html'), countyPage({ county: values.county, towns, plan: [] }));
  await buildSearchIndex(outDir);
  const version = pagefindVersion(readFileSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));

  const problems: string[] = [];
  const lists: { town: TownSource; parts: PartList }[] = [];
  for (const town of towns) {
    try {
      const listed = await townFile(town, PART_LIST_FILE);
      if (listed === undefined) throw new Error(`${town.name}: no ${PART_LIST_FILE} (built by an older release?)`);
      const parts = parsePartList(JSON.parse(listed), town.name);
      for (const part of parts.parts) {
        const entry = await townFile(town, `${part.bundle}pagefind-entry.json`);
        if (entry === undefined) throw new Error(`${town.name}: part ${part.name} (${part.bundle}) is missing`);
        const theirs = pagefindVersion(entry);
        if (theirs !== version) {
          throw new Error(
            `${town.name}: part ${part.name} was indexed by Pagefind ${String(theirs)}, the county's is ${String(version)}`,
          );
        }
      }
      lists.push({ town, parts });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));

  const plan = mergePlan(lists);
  writeFileSync(path.join(outDir, 'index.html'), countyPage({ county: values.county, towns, plan }));
  // The index's words come from the placeholder page, which differs from the final one only in the plan's JSON.
  writeFileSync(
    path.join(outDir, 'county-plan.json'),
    `${JSON.stringify({ towns: towns.map(({ name, url }) => ({ name, url })), plan }, null, 2)}\n`,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `county: ${towns.length} towns, ${plan.length} bundles to merge (${lists.map((l) => `${l.town.name} ${l.parts.parts.length}`).join(', ')}) → ${path.relative('.', outDir) || '.'} in ${seconds.toFixed(1)} s`,
  );
} catch (error) {
  console.error(`县级门户构建失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
