import { describe, expect, it } from 'vitest';
import { pagePerRoute, routeFile, urlPath } from './route-pages.ts';

const ROUTES = [
  '404.astro',
  'index.astro',
  'data/index.astro',
  'data/notices.csv.ts',
  'notices/[...page].astro',
  'notices/[id]/index.astro',
  'notices/[id]/print/index.astro',
  'notices/category/[category]/[...page].astro',
  'notices/feed.xml.ts',
  'meetings/[id].astro',
  'meetings/decisions/[...page].astro',
  'stats/[year]/[month].astro',
  'stats/compare/[sort].astro',
  'stats/compare/index.astro',
  'stats/place/[id].astro',
];

const BUILT = [
  '404.html',
  'index.html',
  'data/index.html',
  'notices/index.html',
  'notices/page/2/index.html',
  'notices/2026-01-02-a/index.html',
  'notices/2026-01-02-a/print/index.html',
  'notices/category/finance/index.html',
  'notices/category/finance/page/2/index.html',
  'meetings/2026-10-10-b/index.html',
  'meetings/decisions/index.html',
  'stats/2026/10/index.html',
  'stats/compare/index.html',
  'stats/compare/rate/index.html',
  'stats/place/dongcun/index.html',
];

describe('one built page per route file', () => {
  it('reads a built file as the URL a reader opens', () => {
    expect(urlPath('index.html')).toBe('/');
    expect(urlPath('notices/x/print/index.html')).toBe('/notices/x/print/');
    expect(urlPath('404.html')).toBe('/404.html');
  });

  it('turns a route file into the URLs it builds: [...rest] may be empty, [param] is one segment', () => {
    const rest = routeFile('notices/category/[category]/[...page].astro').pattern;
    expect(rest.test('/notices/category/finance/')).toBe(true);
    expect(rest.test('/notices/category/finance/page/2/')).toBe(true);
    expect(rest.test('/notices/category/')).toBe(false);
    const param = routeFile('notices/[id]/index.astro').pattern;
    expect(param.test('/notices/2026-01-02-a/')).toBe(true);
    expect(param.test('/notices/2026-01-02-a/print/')).toBe(false);
  });

  it('gives each page route the first page that belongs to it, the most specific route winning', () => {
    const { pages, missing } = pagePerRoute(ROUTES, BUILT);
    expect(Object.fromEntries(pages)).toEqual({
      '404.astro': '/404.html',
      'index.astro': '/',
      'data/index.astro': '/data/',
      'notices/[...page].astro': '/notices/',
      'notices/[id]/index.astro': '/notices/2026-01-02-a/',
      'notices/[id]/print/index.astro': '/notices/2026-01-02-a/print/',
      'notices/category/[category]/[...page].astro': '/notices/category/finance/',
      // /meetings/decisions/ also fits meetings/[id]: the fixed word makes it the decisions list.
      'meetings/[id].astro': '/meetings/2026-10-10-b/',
      'meetings/decisions/[...page].astro': '/meetings/decisions/',
      'stats/[year]/[month].astro': '/stats/2026/10/',
      'stats/compare/[sort].astro': '/stats/compare/rate/',
      'stats/compare/index.astro': '/stats/compare/',
      'stats/place/[id].astro': '/stats/place/dongcun/',
    });
    expect(missing).toEqual([]);
  });

  it('reports a page route the built site has no page for (a new route, or a template no content uses)', () => {
    const withoutPrint = BUILT.filter((f) => !f.endsWith('print/index.html'));
    expect(pagePerRoute(ROUTES, withoutPrint).missing).toEqual(['notices/[id]/print/index.astro']);
    expect(pagePerRoute([...ROUTES, 'legal/[id].astro'], BUILT).missing).toEqual(['legal/[id].astro']);
  });

  it('leaves endpoints (feeds, CSV, JSON) out: they have no page to check', () => {
    const { pages, missing } = pagePerRoute(['notices/feed.xml.ts', 'data/notices.csv.ts'], BUILT);
    expect(pages.size).toBe(0);
    expect(missing).toEqual([]);
  });
});
