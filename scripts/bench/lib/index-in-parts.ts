/**
 * Child process for pagefind-memory.bench.ts: indexes a built site with Pagefind (same options as
 * src/lib/search/search-index.ts) either in one go or one part at a time, restarting the Pagefind binary between parts so each part's
 * memory is given back before the next starts. Each part is written as a bundle of its own under `outDir`, to be
 * merged in the browser with `mergeIndex`.
 *
 *   node scripts/bench/lib/index-in-parts.ts <siteDir> <outDir> [name=glob …]     (no parts: the whole site)
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import { REPEATED_LIST_SELECTORS, SEARCH_LANGUAGE } from '../../../src/lib/search/search-index.ts';

const [siteDir, outDir, ...partArgs] = process.argv.slice(2);
if (siteDir === undefined || outDir === undefined)
  throw new Error('usage: index-in-parts.ts <siteDir> <outDir> [name=glob…]');
const parts =
  partArgs.length === 0 ? [['whole', '**/*.html']] : partArgs.map((arg) => arg.split('=') as [string, string]);

const summary: Record<string, number> = {};
for (const [name, glob] of parts) {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: SEARCH_LANGUAGE,
    excludeSelectors: REPEATED_LIST_SELECTORS,
  });
  if (index === undefined || errors.length > 0) throw new Error(errors.join('\n'));
  const added = await index.addDirectory({ path: siteDir, glob: glob as string });
  if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
  const written = await index.writeFiles({
    outputPath: path.join(outDir, partArgs.length === 0 ? '' : (name as string)),
  });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  summary[name as string] = added.page_count;
  await pagefind.close();
}
console.log(JSON.stringify(summary));
