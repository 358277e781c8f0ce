// @ts-check
import path from 'node:path';
import react from '@astrojs/react';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import adminBundle from './src/integrations/admin-bundle.ts';
import pagefind from './src/integrations/pagefind.ts';
import sitemap from './src/integrations/sitemap.ts';
import postBuildChecks from './src/integrations/post-build-checks.ts';
import uploads from './src/integrations/uploads.ts';
import validateContent from './src/integrations/validate-content.ts';
import { CSP_DIRECTIVES, CSP_SCRIPT_SOURCES } from './src/lib/site/security-headers.ts';
import { sanitizeMarkdownPlugin } from './src/lib/content/sanitize-markdown.ts';
import { siteUrl } from './src/lib/site/site-url.ts';
import { TEXT_MODE_SCRIPT_HASHES } from './src/lib/site/text-mode.ts';

const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
// The canonical URL comes from the editors' site settings; SITE_URL overrides it for previews.
const site = siteUrl(contentDir);

export default defineConfig({
  ...(site === undefined ? {} : { site }),
  // OUT_DIR / ASTRO_CACHE_DIR let tests and the deploy script build into folders of their own.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // post-build-checks stays LAST: it scans the finished output, uploads and search index included.
  // GONGKAILAN_SKIP_INTEGRATIONS (comma-separated names) lets scripts/build.ts run Pagefind and the checks in a
  // process of their own after Astro exits (lower peak memory), and the pipeline benchmark time phases alone.
  // Setting it by hand publishes an unindexed, unchecked site.
  integrations: [validateContent(), react(), adminBundle(), uploads(), pagefind(), sitemap(), postBuildChecks()].filter(
    (integration) => !(process.env.GONGKAILAN_SKIP_INTEGRATIONS ?? '').split(',').includes(integration.name),
  ),
  devToolbar: { enabled: false },
  // A page whose cacheKey (src/data/cache-keys.ts) and template code are unchanged since the last build in the
  // same cacheDir is copied from that build, not rendered again (docs/performance.md, "Incremental builds").
  experimental: { incrementalBuild: true },
  // `npm run cms` runs the dev server: it must not watch build output, test output (the benchmarks leave 100,000+
  // files there) or the bootstrapped Node, or it runs out of inotify watchers and never starts serving.
  vite: {
    server: { watch: { ignored: ['**/dist/**', '**/tests/.output/**', '**/.ci/node/**', '**/.astro/**'] } },
  },
  // Astro does not sanitize Markdown: raw HTML becomes text and unsafe links lose their href (validation refuses
  // both first; this is the second lock).
  // Shiki's inline styles would need style-src 'unsafe-inline'; notices have no code to highlight.
  markdown: { processor: satteri({ hastPlugins: [sanitizeMarkdownPlugin] }), syntaxHighlight: false },
  // CSP as a <meta> tag with hashes of Astro's scripts and styles; deploy/_headers and deploy/nginx.conf add
  // the header-only directives (frame-ancestors). Directives are defined once in src/lib/site/security-headers.ts.
  security: {
    csp: {
      directives: CSP_DIRECTIVES,
      // The large-text mode's two inline scripts (src/lib/site/text-mode.ts) are allowed by hash.
      scriptDirective: { resources: CSP_SCRIPT_SOURCES, hashes: TEXT_MODE_SCRIPT_HASHES },
    },
  },
});
