import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  describePage,
  inSiteDir,
  isUndatedBundle,
  pageYear,
  partList,
  searchParts,
  type SearchPage,
} from './search-parts.ts';

const page = (file: string, date?: string, indexed = true): SearchPage =>
  describePage(
    file,
    `<main ${indexed ? 'data-pagefind-body' : ''}><h1>x</h1>${
      date === undefined ? '' : `<div hidden><span data-pagefind-sort="date">${date}</span></div>`
    }</main>`,
  );

describe('searchParts: the index by year, for large towns', () => {
  const pages = [
    page('notices/a/index.html', '2024-03-01'),
    page('notices/b/index.html', '2026-01-02'),
    page('places/x/index.html'),
    page('notices/c/index.html', '2025-12-31'),
    page('notices/d/index.html', '2026-11-20'),
    page('notices/index.html', undefined, false),
  ];

  it('keeps one index while the indexed pages fit in one', () => {
    expect(searchParts(pages, 5)).toBeUndefined();
  });

  it('splits by year, newest first, undated last; the newest part is the primary bundle; unindexed pages stay out', () => {
    const parts = searchParts(pages, 3) ?? [];
    expect(parts.map((p) => [p.name, p.bundle, p.pages.map((x) => x.file)])).toEqual([
      ['2026', '/pagefind/', ['notices/b/index.html', 'notices/d/index.html']],
      ['2025', '/pagefind/parts/2025/', ['notices/c/index.html']],
      ['2024', '/pagefind/parts/2024/', ['notices/a/index.html']],
      ['undated', '/pagefind/parts/undated/', ['places/x/index.html']],
    ]);
    expect(parts.map((p) => isUndatedBundle(p.bundle))).toEqual([false, false, false, true]);
  });

  it('lists the parts for other sites by name and bundle, or the one bundle of an index that is not split', () => {
    expect(partList(searchParts(pages, 3))).toEqual({
      parts: [
        { name: '2026', bundle: '/pagefind/' },
        { name: '2025', bundle: '/pagefind/parts/2025/' },
        { name: '2024', bundle: '/pagefind/parts/2024/' },
        { name: 'undated', bundle: '/pagefind/parts/undated/' },
      ],
    });
    expect(partList(searchParts(pages, 5))).toEqual({ parts: [{ name: 'all', bundle: '/pagefind/' }] });
  });

  it('reads the year from the date-sort element only', () => {
    expect(pageYear('<span data-pagefind-sort="date">2025-06-30</span>')).toBe('2025');
    expect(pageYear('<span data-pagefind-meta="date">2025-06-30</span>')).toBeUndefined();
  });
});

describe('inSiteDir', () => {
  it('places a site path, bundle folder or file, inside the built site folder', () => {
    expect(inSiteDir('/out', '/pagefind/parts/2025/')).toBe(path.join('/out', 'pagefind', 'parts', '2025'));
    expect(inSiteDir('/out', '/pagefind/parts.json')).toBe(path.join('/out', 'pagefind', 'parts.json'));
  });
});
