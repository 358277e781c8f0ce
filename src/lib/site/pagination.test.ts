import { describe, expect, it } from 'vitest';
import { pagedCrumbs, pageHref, pageParam, pagedPaths, pagerItems, paginate } from './pagination.ts';

const items = Array.from({ length: 65 }, (_, i) => `n${i + 1}`);

describe('paginate', () => {
  it('cuts a list into full pages and a last partial one', () => {
    const pages = paginate(items, 30);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages.map((p) => p.items.length)).toEqual([30, 30, 5]);
    expect(pages.every((p) => p.total === 3 && p.count === 65)).toBe(true);
    expect(pages.map((p) => p.start)).toEqual([1, 31, 61]);
  });

  it('keeps the order: the pages joined are the list', () => {
    const pages = paginate(items, 30);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages[1]?.items[0]).toBe('n31');
  });

  it('has exactly one page when the list fits, and no later pages', () => {
    expect(paginate(items.slice(0, 30), 30)).toHaveLength(1);
    expect(paginate(items.slice(0, 31), 30)).toHaveLength(2);
  });

  it('keeps page 1 of an empty list (its address is linked) and generates no other page', () => {
    expect(paginate([], 30)).toEqual([{ number: 1, total: 1, items: [], start: 0, count: 0 }]);
  });

  it('never generates an empty page after page 1', () => {
    for (let n = 1; n <= 100; n += 1)
      for (const page of paginate(items.slice(0, n), 7)) expect(page.items.length).toBeGreaterThan(0);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate(items, 0)).toThrow(/pageSize/);
    expect(() => paginate(items, 2.5)).toThrow(/pageSize/);
  });
});

describe('page addresses', () => {
  it('puts page 1 at the base address and later pages under page/<n>/', () => {
    expect(pageHref('/notices/', 1)).toBe('/notices/');
    expect(pageHref('/notices/', 2)).toBe('/notices/page/2/');
    expect(pageHref('/notices/place/taoyuan/', 3)).toBe('/notices/place/taoyuan/page/3/');
  });

  it('gives the rest parameter that renders at those addresses', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(3)).toBe('page/3');
  });

  it('builds static paths with the other parameters and props kept', () => {
    const paths = pagedPaths(items, 30, { id: 'taoyuan' }, { label: '桃源村' });
    expect(paths.map((p) => p.params)).toEqual([
      { id: 'taoyuan', page: undefined },
      { id: 'taoyuan', page: 'page/2' },
      { id: 'taoyuan', page: 'page/3' },
    ]);
    expect(paths[2]?.props.label).toBe('桃源村');
    expect(paths[2]?.props.page.items).toEqual(['n61', 'n62', 'n63', 'n64', 'n65']);
  });
});

describe('pager links', () => {
  const show = (current: number, total: number) =>
    pagerItems(current, total)
      .map((i) => (i.kind === 'gap' ? '…' : i.current ? `[${i.number}]` : String(i.number)))
      .join(' ');

  it('shows every page of a short list', () => {
    expect(show(1, 1)).toBe('[1]');
    expect(show(2, 3)).toBe('1 [2] 3');
    expect(show(1, 4)).toBe('[1] 2 3 4');
  });

  it('shows the ends and the neighbours of the current page, with gaps', () => {
    expect(show(1, 48)).toBe('[1] 2 … 48');
    expect(show(24, 48)).toBe('1 … 23 [24] 25 … 48');
    expect(show(48, 48)).toBe('1 … 47 [48]');
  });

  it('shows a single skipped page rather than a gap', () => {
    expect(show(3, 10)).toBe('1 2 [3] 4 … 10');
    expect(show(4, 10)).toBe('1 2 3 [4] 5 … 10');
  });
});

describe('breadcrumbs of a page', () => {
  const crumbs = [{ label: '村务公开', href: '/notices/' }, { label: '桃源村' }];
  it('leaves page 1 as it is', () => {
    expect(pagedCrumbs(crumbs, '/notices/place/taoyuan/', 1, '第1页')).toEqual(crumbs);
  });
  it('links the list back to page 1 on later pages and names the page', () => {
    expect(pagedCrumbs(crumbs, '/notices/place/taoyuan/', 2, '第2页')).toEqual([
      { label: '村务公开', href: '/notices/' },
      { label: '桃源村', href: '/notices/place/taoyuan/' },
      { label: '第2页' },
    ]);
  });
});
