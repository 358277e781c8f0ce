import { describe, expect, it } from 'vitest';
import { inSitemap, renderSitemap } from './sitemap.ts';

describe('the sitemap', () => {
  it('lists reader pages as absolute URLs, once each, in a stable order', () => {
    const xml = renderSitemap('https://example.org', ['/notices/b/', '/', '/notices/a/', '/']);
    expect([...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://example.org/',
      'https://example.org/notices/a/',
      'https://example.org/notices/b/',
    ]);
  });

  it('leaves out the CMS, the 404 page and print copies', () => {
    expect(inSitemap('/admin/')).toBe(false);
    expect(inSitemap('/404/')).toBe(false);
    expect(inSitemap('/notices/x/print/')).toBe(false);
    expect(inSitemap('/places/dongcun/')).toBe(true);
  });
});
