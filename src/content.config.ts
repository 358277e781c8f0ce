/**
 * Connects Astro's content layer to the files in `content/` (or CONTENT_DIR) and to our zod schemas.
 * Nothing else lives here: schemas are in src/schemas, cross-file rules in src/lib/content/content-rules.ts.
 *
 * Astro's content cache (ASTRO_CACHE_DIR) is invalidated only when the text of THIS file (or astro.config.mjs)
 * changes, not when a schema in src/schemas or the Markdown plugin in src/lib/content/sanitize-markdown.ts does: an entry
 * cached before a field with a default was added then lacks the field (seen with `changes` in issue 18: "Cannot
 * read properties of undefined"), and cached Markdown keeps its old HTML. Bump the revision when either changes.
 * Revision: 2026-11-27c (issue 17: registers; issue 18: changes, movedFrom, withdrawn, docNumber; table alignment
 * and tabindex; rules).
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { collections as specs } from './schemas/index.ts';

const root = path.resolve(process.env.CONTENT_DIR ?? 'content');
const files = (spec: { path: string; format: string }) => ({
  pattern: `**/*.${spec.format}`,
  base: path.join(root, spec.path),
});

export const collections = {
  site: defineCollection({
    loader: file(path.join(root, specs.site.path), {
      // One entry keyed "site" (an array would need an `id` inside the data, which the strict schema refuses).
      parser: (text) => ({ site: JSON.parse(text) as Record<string, unknown> }),
    }),
    schema: specs.site.schema,
  }),
  places: defineCollection({ loader: glob(files(specs.places)), schema: specs.places.schema }),
  notices: defineCollection({ loader: glob(files(specs.notices)), schema: specs.notices.schema }),
  meetings: defineCollection({ loader: glob(files(specs.meetings)), schema: specs.meetings.schema }),
  matters: defineCollection({ loader: glob(files(specs.matters)), schema: specs.matters.schema }),
  stats: defineCollection({ loader: glob(files(specs.stats)), schema: specs.stats.schema }),
  legal: defineCollection({ loader: glob(files(specs.legal)), schema: specs.legal.schema }),
  finance: defineCollection({ loader: glob(files(specs.finance)), schema: specs.finance.schema }),
  registers: defineCollection({ loader: glob(files(specs.registers)), schema: specs.registers.schema }),
  rules: defineCollection({ loader: glob(files(specs.rules)), schema: specs.rules.schema }),
};
