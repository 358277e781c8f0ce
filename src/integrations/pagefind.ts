/**
 * Astro integration: after `astro build` has written every page, index the output folder with Pagefind (Node API,
 * which runs the extended binary with Chinese segmentation) and write the index to `<out>/pagefind/`.
 *
 * Only what is in the output folder is indexed, and `src/data/content.ts` keeps drafts and scheduled items out of
 * it, so the index can never hold anything unpublished. Indexing errors fail the build: a site whose search
 * silently misses pages is worse than no new build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../lib/search/search-index.ts';

export default function pagefind(): AstroIntegration {
  return {
    name: 'gongkailan:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        // Parts of a large town's index whose pages did not change are kept beside Astro's incremental cache.
        const cacheDir = path.resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro');
        const { pages, files, seconds, parts } = await buildSearchIndex(siteDir, { cacheDir });
        const inParts =
          parts === undefined ? '' : ` in ${parts.total} parts by year (${parts.reused} unchanged, copied)`;
        logger.info(
          `indexed ${pages} of ${files} pages${inParts} in ${seconds.toFixed(1)} s → ${path.join(path.relative('.', siteDir), 'pagefind')}/`,
        );
      },
    },
  };
}
