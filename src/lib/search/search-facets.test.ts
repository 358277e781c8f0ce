import { describe, expect, it } from 'vitest';
import { facetMarkup } from './search-facets.ts';

describe('facetMarkup', () => {
  it('turns every given facet into a filter, in the order the search page shows them', () => {
    const markup = facetMarkup({ category: '财务公开', year: '2026', place: '桃源村', type: '公告' });
    expect(markup.filters).toEqual([
      { name: 'type', value: '公告' },
      { name: 'place', value: '桃源村' },
      { name: 'year', value: '2026' },
      { name: 'category', value: '财务公开' },
    ]);
  });

  it('leaves out facets that are missing or blank, so no empty filter value appears in the search page', () => {
    const markup = facetMarkup({ type: '地点', place: '  ', category: '' });
    expect(markup.filters).toEqual([{ name: 'type', value: '地点' }]);
    expect(markup.meta).toEqual([{ name: 'type', value: '地点' }]);
    expect(markup.sortDate).toBeUndefined();
  });

  it('gives results their type, place and date as metadata and sorts by the date', () => {
    const markup = facetMarkup({ type: '纪要', place: '清河社区', date: '2026-10-10', year: '2026' });
    expect(markup.meta).toEqual([
      { name: 'type', value: '纪要' },
      { name: 'place', value: '清河社区' },
      { name: 'date', value: '2026-10-10' },
    ]);
    expect(markup.sortDate).toBe('2026-10-10');
  });

  it('files a dated page under its month, so a query naming that month can find it by filter', () => {
    const markup = facetMarkup({ type: '统计', place: '云溪街道', date: '2025-03-01' });
    expect(markup.filters).toContainEqual({ name: 'month', value: '2025-03' });
    expect(facetMarkup({ type: '地点' }).filters.map((f) => f.name)).not.toContain('month');
  });

  it('indexes keywords once each, so 低保 finds a page that only says 最低生活保障', () => {
    const markup = facetMarkup({ type: '公告', keywords: ['低保', ' 最低生活保障', '低保', ''] });
    expect(markup.keywordsText).toBe('关键词：低保、最低生活保障');
  });

  it('indexes no keyword text when there are no keywords', () => {
    expect(facetMarkup({ type: '公告', keywords: [] }).keywordsText).toBeUndefined();
  });
});

describe('the 公示 status of a notice (issue 18)', () => {
  it('is a filter, and a withdrawn notice says so in its result title', () => {
    const markup = facetMarkup({ type: '公告', state: '已撤回', title: '【已撤回】征兵通告' });
    expect(markup.filters).toContainEqual({ name: 'state', value: '已撤回' });
    expect(markup.meta).toContainEqual({ name: 'title', value: '【已撤回】征兵通告' });
  });
});
