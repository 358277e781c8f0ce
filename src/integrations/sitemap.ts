/**
 * Writes sitemap.xml after the build from the pages Astro actually wrote (see src/lib/open-data/sitemap.ts), so drafts and
 * scheduled items can never be listed and other engineers' pages (stats, data) are listed without extra wiring.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderSitemap } from '../lib/open-data/sitemap.ts';

export default function sitemap(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'gongkailan:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        if (site === undefined) {
          logger.warn('no `site` configured (content/site.json siteUrl): sitemap.xml not written');
          return;
        }
        // Pages are HTML routes (directory format: "" or "a/b/"); endpoints such as feed.xml are not listed.
        const pathnames = pages.map((p) => `/${p.pathname}`.replace(/\/+/g, '/')).filter((p) => p.endsWith('/'));
        writeFileSync(path.join(fileURLToPath(dir), 'sitemap.xml'), renderSitemap(site, pathnames));
      },
    },
  };
}
