import { describe, expect, it } from 'vitest';
import { groupTemplates, routeSegments } from './templates.ts';

describe('grouping built pages into templates', () => {
  it('reads the route of a directory-format page, the home page being empty', () => {
    expect(routeSegments('index.html')).toEqual([]);
    expect(routeSegments('notices/2026-01-02-taoyuan-caiwu-3/index.html')).toEqual([
      'notices',
      '2026-01-02-taoyuan-caiwu-3',
    ]);
  });

  it('folds ids with digits and wide fan-outs into *, keeps fixed words, and samples the first page', () => {
    const places = ['taoyuan', 'shiqiao', 'liuwan', 'nanling', 'qinghe', 'xinhua', 'jinxiu', 'baisha', 'longtan'];
    const files = [
      'index.html',
      'notices/index.html',
      'notices/2/index.html',
      'notices/2026-01-02-a-1/index.html',
      'notices/2026-01-03-b-2/index.html',
      'notices/2026-01-03-b-2/print/index.html',
      ...places.map((p) => `places/${p}/index.html`),
      'places/taoyuan/stats/index.html',
    ];
    const byPattern = Object.fromEntries(groupTemplates(files).map((t) => [t.pattern, [t.pages, t.sample]]));
    expect(byPattern).toEqual({
      '/': [1, 'index.html'],
      notices: [1, 'notices/index.html'],
      'notices/*': [3, 'notices/2/index.html'],
      'notices/*/print': [1, 'notices/2026-01-03-b-2/print/index.html'],
      'places/*': [9, 'places/baisha/index.html'],
      'places/taoyuan/stats': [1, 'places/taoyuan/stats/index.html'],
    });
  });
});
