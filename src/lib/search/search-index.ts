/**
 * Writes the Pagefind search index for a built site. Shared by the Astro integration and the search benchmark,
 * so the benchmark measures exactly what the build does.
 *
 * This module starts the Pagefind binary (a child process); it is not pure, but it holds no policy beyond
 * "index the HTML of this folder as Chinese and fail loudly".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Every page is Simplified Chinese (`<html lang="zh-CN">`); forcing it keeps one index even if a page forgets. */
export const SEARCH_LANGUAGE = 'zh-cn';

/**
 * Lists of *other* pages (recent notices on a place page, meetings of a village…) are not indexed where they are
 * listed: each listed page is indexed itself, and indexing the lists made a place page outrank the notice a
 * resident was looking for. Pages can also mark such parts with `data-pagefind-ignore`; these are the shared
 * list components (src/components/notices/NoticeList.astro `.item-list`, compact lists of links).
 */
export const REPEATED_LIST_SELECTORS = ['.item-list', '.compact-list'];

export interface IndexSummary {
  /** Pages in the index (pages without `data-pagefind-body`, such as lists and the search page, are skipped). */
  pages: number;
  /** HTML files Pagefind looked at. */
  files: number;
  /** Wall time for indexing and writing. */
  seconds: number;
  /** Folder the index was written to. */
  outputPath: string;
}

/** Index every HTML file under `siteDir` and write the bundle to `<siteDir>/pagefind/`. Throws on any error. */
export async function buildSearchIndex(siteDir: string): Promise<IndexSummary> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: SEARCH_LANGUAGE,
      excludeSelectors: REPEATED_LIST_SELECTORS,
    });
    if (index === undefined || errors.length > 0) throw new Error(errors.join('\n') || 'no index returned');
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    if (added.page_count === 0) throw new Error(`no HTML pages found in ${siteDir}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    return {
      pages: indexedPages(outputPath),
      files: added.page_count,
      seconds: (performance.now() - started) / 1000,
      outputPath,
    };
  } catch (error) {
    throw new Error(`Pagefind indexing failed (search would be broken): ${String(error)}`, { cause: error });
  } finally {
    // The binary otherwise keeps running and holds the build process open.
    await pagefind.close();
  }
}

/** Pages actually in the written index, from `pagefind-entry.json` (the API's page_count counts files seen). */
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
