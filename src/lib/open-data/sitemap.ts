/**
 * sitemap.xml from the pages the build actually wrote, so it can never list a page that does not exist (a
 * draft, a scheduled notice) or miss one another engineer added. Only canonical, indexable pages are listed.
 */
import { escapeXml } from './feed.ts';

/** Paths that are not pages for readers: the CMS, error pages, print copies (canonical is the notice page). */
const EXCLUDED = [/^\/admin\//, /^\/404\/?$/, /^\/500\/?$/, /\/print\/$/];

/** Whether a built page path (like `/notices/x/`) belongs in the sitemap. */
export function inSitemap(pathname: string): boolean {
  return !EXCLUDED.some((pattern) => pattern.test(pathname));
}

/** The sitemap for `pathnames` (site-relative, with leading and trailing slash) under `site`. */
export function renderSitemap(site: string, pathnames: readonly string[]): string {
  const urls = [...new Set(pathnames.filter(inSitemap))].sort().map((p) => new URL(p, site).href);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}
