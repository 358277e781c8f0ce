// @ts-check
// Reference build for the pipeline benchmark: plain Astro over the same content files as our site, with none of
// our pipeline (no validation, charts, Pagefind, checks, sitemap, CSP). Our build time is reported as a ratio to it.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://plain-astro-reference.example.org',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
