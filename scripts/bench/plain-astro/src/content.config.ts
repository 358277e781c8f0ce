/**
 * The same four entry collections as the real site, read by Astro's glob loader with no schema: the reference
 * measures Astro itself, not our validation.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const root = path.resolve(process.env.CONTENT_DIR ?? 'content');
const folder = (name: string, extension: string) =>
  defineCollection({ loader: glob({ pattern: `**/*.${extension}`, base: path.join(root, name) }) });

export const collections = {
  notices: folder('notices', 'md'),
  meetings: folder('meetings', 'md'),
  legal: folder('legal', 'md'),
  stats: folder('stats', 'json'),
};
