/**
 * Connects Astro's content layer to the files in `content/` (or CONTENT_DIR) and to our zod schemas.
 * Nothing else lives here: schemas are in src/schemas, cross-file rules in src/lib/content-rules.ts.
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
      parser: (text) => [{ id: 'site', ...(JSON.parse(text) as object) }],
    }),
    schema: specs.site.schema,
  }),
  places: defineCollection({ loader: glob(files(specs.places)), schema: specs.places.schema }),
  notices: defineCollection({ loader: glob(files(specs.notices)), schema: specs.notices.schema }),
  meetings: defineCollection({ loader: glob(files(specs.meetings)), schema: specs.meetings.schema }),
  matters: defineCollection({ loader: glob(files(specs.matters)), schema: specs.matters.schema }),
  stats: defineCollection({ loader: glob(files(specs.stats)), schema: specs.stats.schema }),
  legal: defineCollection({ loader: glob(files(specs.legal)), schema: specs.legal.schema }),
};
