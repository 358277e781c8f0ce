// @ts-check
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import sitemap from './src/integrations/sitemap.ts';
import uploads from './src/integrations/uploads.ts';
import validateContent from './src/integrations/validate-content.ts';

const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
// The canonical URL comes from the editors' site settings; SITE_URL overrides it for previews.
// A missing or broken site.json is reported by the validate-content integration with a proper message.
const siteFile = path.join(contentDir, 'site.json');
let siteUrl;
try {
  siteUrl = existsSync(siteFile) ? JSON.parse(readFileSync(siteFile, 'utf8')).siteUrl : undefined;
} catch {
  siteUrl = undefined;
}

export default defineConfig({
  site: process.env.SITE_URL ?? siteUrl,
  // OUT_DIR / ASTRO_CACHE_DIR let tests and the deploy script build into folders of their own.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [validateContent(), react(), uploads(), pagefind(), sitemap()],
  devToolbar: { enabled: false },
});
