/**
 * Writes the Pagefind search index for a built site. Shared by the Astro integration and the search benchmark,
 * so the benchmark measures exactly what the build does.
 *
 * This module starts the Pagefind binary (a child process); it is not pure, but it holds no policy beyond
 * "index the HTML of this folder as Chinese and fail loudly".
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import {
  DEFAULT_PART_PAGES,
  describePage,
  inSiteDir,
  PART_LIST_FILE,
  PART_PAGES_ENV,
  partList,
  PRIMARY_BUNDLE,
  searchParts,
  type SearchPart,
} from './search-parts.ts';

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
  /** With the index in parts (src/lib/search/search-parts.ts): how many, and how many were copied from the cache. */
  parts?: { total: number; reused: number };
}

/** Where the search page reads the parts' bundles from (an attribute of its root, written after indexing). */
const PARTS_ATTRIBUTE = 'data-search-parts';

/**
 * Index every HTML file under `siteDir` and write the bundle to `<siteDir>/pagefind/`; a site with more than
 * GONGKAILAN_SEARCH_PART_PAGES indexed pages (default 4,000) gets one bundle per year instead, and a part whose pages
 * are unchanged is copied from `cacheDir`. Throws on any error.
 */
export async function buildSearchIndex(
  siteDir: string,
  { cacheDir, env = process.env }: { cacheDir?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<IndexSummary> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  const maxPages = Number(env[PART_PAGES_ENV] ?? DEFAULT_PART_PAGES);
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new Error(`${PART_PAGES_ENV}="${env[PART_PAGES_ENV] ?? ''}" must be a whole number of pages, 1 or more`);
  }
  const pages = htmlFiles(siteDir).map((file) => describePage(file, readFileSync(path.join(siteDir, file), 'utf8')));
  const parts = searchParts(pages, maxPages);
  if (parts !== undefined) return indexInParts(siteDir, parts, cacheDir, started);
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
    writePartList(siteDir, undefined);
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

/** PART_LIST_FILE, for sites that merge this one's index (search-parts.ts). */
function writePartList(siteDir: string, parts: readonly SearchPart[] | undefined): void {
  writeFileSync(inSiteDir(siteDir, PART_LIST_FILE), `${JSON.stringify(partList(parts))}\n`);
}

/** Pages actually in the written index, from `pagefind-entry.json` (the API's page_count counts files seen). */
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function htmlFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** One bundle per part, each by a fresh Pagefind process (its memory is freed between parts). */
async function indexInParts(
  siteDir: string,
  parts: readonly SearchPart[],
  cacheDir: string | undefined,
  started: number,
): Promise<IndexSummary> {
  let reused = 0;
  const used = new Set<string>();
  for (const part of parts) {
    const outputPath = inSiteDir(siteDir, part.bundle);
    const pages = part.pages.map((p) => ({ file: p.file, html: readFileSync(path.join(siteDir, p.file), 'utf8') }));
    const digest = createHash('sha256');
    for (const page of pages) digest.update(`${page.file}\0${page.html}\0`);
    const key = digest.digest('hex');
    used.add(key);
    const cached = cacheDir === undefined ? undefined : path.join(cacheDir, 'search-parts', key);
    if (cached !== undefined && existsSync(cached)) {
      cpSync(cached, outputPath, { recursive: true });
      reused += 1;
      continue;
    }
    try {
      const { index, errors } = await pagefind.createIndex({
        forceLanguage: SEARCH_LANGUAGE,
        excludeSelectors: REPEATED_LIST_SELECTORS,
      });
      if (index === undefined || errors.length > 0) throw new Error(errors.join('\n') || 'no index returned');
      for (const page of pages) {
        const added = await index.addHTMLFile({ sourcePath: page.file, content: page.html });
        if (added.errors.length > 0) throw new Error(`${page.file}: ${added.errors.join('\n')}`);
      }
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    } catch (error) {
      throw new Error(`Pagefind indexing failed for part ${part.name} (search would be broken): ${String(error)}`, {
        cause: error,
      });
    } finally {
      await pagefind.close();
    }
    if (cached !== undefined) {
      // Written beside, then renamed: a build killed half-way never leaves a partial part to be reused.
      const temporary = `${cached}.${process.pid}`;
      rmSync(temporary, { recursive: true, force: true });
      mkdirSync(path.dirname(cached), { recursive: true });
      cpSync(outputPath, temporary, { recursive: true });
      renameSync(temporary, cached);
    }
  }
  // Parts no page of this build needs any more (a year whose pages changed) are dropped from the cache.
  const cacheRoot = cacheDir === undefined ? undefined : path.join(cacheDir, 'search-parts');
  if (cacheRoot !== undefined && existsSync(cacheRoot)) {
    for (const name of readdirSync(cacheRoot)) {
      if (!used.has(name)) rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
    }
  }
  // The search page learns the other parts' bundles from an attribute of its root element.
  const searchPage = path.join(siteDir, 'search', 'index.html');
  const bundles = JSON.stringify(parts.map((p) => p.bundle)).replaceAll('"', '&quot;');
  const html = readFileSync(searchPage, 'utf8');
  if (!html.includes(`${PARTS_ATTRIBUTE}="[]"`)) throw new Error(`${searchPage} has no ${PARTS_ATTRIBUTE} to fill`);
  writeFileSync(searchPage, html.replace(`${PARTS_ATTRIBUTE}="[]"`, `${PARTS_ATTRIBUTE}="${bundles}"`));
  writePartList(siteDir, parts);
  const primary = inSiteDir(siteDir, PRIMARY_BUNDLE);
  return {
    pages: parts.reduce((sum, p) => sum + p.pages.length, 0),
    files: parts.reduce((sum, p) => sum + p.pages.length, 0),
    seconds: (performance.now() - started) / 1000,
    outputPath: primary,
    parts: { total: parts.length, reused },
  };
}
