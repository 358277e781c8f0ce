/** Paths listed in a built site's sitemap.xml, in sitemap order. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function sitemapPaths(siteDir: string): string[] {
  const xml = readFileSync(path.join(siteDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
}
