/**
 * Runs the real Pagefind binary on tiny folders: it is fast enough for a unit test and there is nothing to mock.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from './search-index.ts';

const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-search-index-'));
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

describe('buildSearchIndex', () => {
  it('writes the index into <site>/pagefind and counts only pages marked for search', async () => {
    const root = site({
      'index.html': page('<main>首页列表</main>'),
      'notices/a/index.html': page('<main data-pagefind-body><h1>桃源村低保公示</h1></main>'),
    });
    const summary = await buildSearchIndex(root);
    expect(summary).toMatchObject({ pages: 1, files: 2, outputPath: path.join(root, 'pagefind') });
    expect(existsSync(path.join(root, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  const partListOf = (root: string) =>
    JSON.parse(readFileSync(path.join(root, 'pagefind', 'parts.json'), 'utf8')) as unknown;
  const dated = (title: string, date: string) =>
    page(
      `<main data-pagefind-body><h1>${title}</h1><div hidden><span data-pagefind-sort="date">${date}</span></div></main>`,
    );

  it('publishes the part list other sites merge: one bundle when the index is not split', async () => {
    const root = site({ 'notices/a/index.html': dated('桃源村低保公示', '2025-03-01') });
    await buildSearchIndex(root);
    expect(partListOf(root)).toEqual({ parts: [{ name: 'all', bundle: '/pagefind/' }] });
  });

  it('publishes every part, each a bundle that exists, when the index is split by year', async () => {
    const root = site({
      'notices/a/index.html': dated('桃源村低保公示', '2025-03-01'),
      'notices/b/index.html': dated('清河社区低保公示', '2026-01-02'),
      'search/index.html': page('<div data-search-parts="[]"></div>'),
    });
    await buildSearchIndex(root, { env: { GONGKAILAN_SEARCH_PART_PAGES: '1' } });
    const list = partListOf(root) as { parts: { name: string; bundle: string }[] };
    expect(list).toEqual({
      parts: [
        { name: '2026', bundle: '/pagefind/' },
        { name: '2025', bundle: '/pagefind/parts/2025/' },
      ],
    });
    for (const { bundle } of list.parts) expect(existsSync(path.join(root, bundle, 'pagefind-entry.json'))).toBe(true);
  });

  it('fails loudly on a folder without any page, instead of publishing an empty search', async () => {
    const root = site({ 'robots.txt': 'User-agent: *' });
    await expect(buildSearchIndex(root)).rejects.toThrow(/Pagefind indexing failed.*no HTML pages/s);
  });
});
