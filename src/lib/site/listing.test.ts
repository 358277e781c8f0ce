import { describe, expect, it } from 'vitest';
import { facetLinks, groupBy, yearOf, yearsOf } from './listing.ts';

const items = [
  { id: 'n3', place: 'a', category: 'finance', published: '2026-11-20' },
  { id: 'n2', place: 'b', category: 'village', published: '2026-03-01' },
  { id: 'n1', place: 'a', category: 'finance', published: '2025-12-30' },
];

describe('list facets', () => {
  it('takes the year from a day', () => {
    expect(yearOf('2025-12-30')).toBe('2025');
  });

  it('lists distinct years newest first', () => {
    expect(yearsOf(items.map((i) => i.published))).toEqual(['2026', '2025']);
  });

  it('groups items keeping their order', () => {
    const byPlace = groupBy(items, (i) => i.place);
    expect([...byPlace.keys()]).toEqual(['a', 'b']);
    expect(byPlace.get('a')?.map((i) => i.id)).toEqual(['n3', 'n1']);
  });

  it('builds filter links with counts, drops empty values and marks the current one', () => {
    const links = facetLinks(
      items,
      (i) => i.category,
      [
        { value: 'party', label: '党务公开' },
        { value: 'village', label: '村务公开' },
        { value: 'finance', label: '财务公开' },
      ],
      (v) => `/notices/category/${v}/`,
      'finance',
    );
    expect(links).toEqual([
      { value: 'village', label: '村务公开', href: '/notices/category/village/', count: 1, current: false },
      { value: 'finance', label: '财务公开', href: '/notices/category/finance/', count: 2, current: true },
    ]);
  });
});
