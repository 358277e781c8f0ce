import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergePlan, parsePartList, parseTowns } from './county-plan.ts';

describe('parseTowns: the county build is told which towns to merge', () => {
  it('reads names and URLs, and resolves a local copy against the list file’s folder', () => {
    const towns = parseTowns(
      [
        { name: ' 云溪街道 ', url: 'https://yunxi.example', dist: 'towns/yunxi/site' },
        { name: '枫溪街道', url: 'https://fengxi.example/' },
      ],
      '/ci/work',
    );
    expect(towns).toEqual([
      { name: '云溪街道', url: 'https://yunxi.example/', dist: path.resolve('/ci/work', 'towns/yunxi/site') },
      { name: '枫溪街道', url: 'https://fengxi.example/' },
    ]);
  });

  it('refuses, with every reason at once, a list that would merge the wrong towns or none', () => {
    const attempt = () =>
      parseTowns(
        [
          { name: '云溪街道', url: 'https://yunxi.example/' },
          { name: '云溪街道', url: 'https://other.example/' },
          { name: '枫溪街道', url: 'https://example.gov.cn/fengxi/' },
          { name: '桂湖镇', url: 'yunxi.example' },
          { url: 'https://x.example/' },
        ],
        '/',
      );
    expect(attempt).toThrow(/two towns have the name 云溪街道/);
    expect(attempt).toThrow(/枫溪街道\): url must be the root/);
    expect(attempt).toThrow(/桂湖镇\): url "yunxi.example" is not an absolute URL/);
    expect(attempt).toThrow(/town 5: needs a name and a url/);
    expect(() => parseTowns([], '/')).toThrow(/empty/);
    expect(() => parseTowns({ towns: [] }, '/')).toThrow(/JSON array/);
  });
});

describe('parsePartList: what a town says its index is made of', () => {
  it('accepts the primary bundle first, then part folders of /pagefind/', () => {
    const list = {
      parts: [
        { name: '2026', bundle: '/pagefind/' },
        { name: 'undated', bundle: '/pagefind/parts/undated/' },
      ],
    };
    expect(parsePartList(list, '云溪街道')).toEqual(list);
  });

  it('refuses bundles outside the town’s /pagefind/ folder, a list without the primary first, and repeats', () => {
    const of = (...bundles: string[]) => ({ parts: bundles.map((bundle, i) => ({ name: String(i), bundle })) });
    expect(() => parsePartList(of('/pagefind/', 'https://evil.example/pagefind/'), 'x')).toThrow(/not a folder/);
    expect(() => parsePartList(of('/pagefind/', '/pagefind/../admin/'), 'x')).toThrow(/not a folder/);
    expect(() => parsePartList(of('/pagefind/parts/2025/', '/pagefind/'), 'x')).toThrow(/first part/);
    expect(() => parsePartList(of('/pagefind/', '/pagefind/'), 'x')).toThrow(/twice/);
    expect(() => parsePartList({ parts: [] }, '云溪街道')).toThrow(/云溪街道: the part list has no parts/);
  });
});

describe('mergePlan: one mergeIndex per bundle of every town', () => {
  it('lists every part of every town, with absolute bundle URLs and the town as baseUrl', () => {
    const plan = mergePlan([
      {
        town: { name: '云溪街道', url: 'https://yunxi.example/' },
        parts: {
          parts: [
            { name: '2026', bundle: '/pagefind/' },
            { name: '2025', bundle: '/pagefind/parts/2025/' },
          ],
        },
      },
      {
        town: { name: '枫溪街道', url: 'https://fengxi.example/' },
        parts: { parts: [{ name: 'all', bundle: '/pagefind/' }] },
      },
    ]);
    expect(plan).toEqual([
      { town: '云溪街道', part: '2026', bundle: 'https://yunxi.example/pagefind/', baseUrl: 'https://yunxi.example/' },
      {
        town: '云溪街道',
        part: '2025',
        bundle: 'https://yunxi.example/pagefind/parts/2025/',
        baseUrl: 'https://yunxi.example/',
      },
      { town: '枫溪街道', part: 'all', bundle: 'https://fengxi.example/pagefind/', baseUrl: 'https://fengxi.example/' },
    ]);
  });
});
