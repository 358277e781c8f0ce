import { collections, type CollectionSpec } from '../../schemas/index.ts';

/**
 * What is public on a given day. Every page, feed, data file and the search index filter through
 * `isPublic`, so a draft or a scheduled item cannot leak through one path while another hides it.
 */

export interface Publishable {
  draft?: boolean;
  /** Publish day, YYYY-MM-DD. */
  published: string;
}

/** True when the item may appear on a site built on `today` (Asia/Shanghai day). */
export function isPublic(item: Publishable, today: string): boolean {
  return item.draft !== true && item.published <= today;
}

/**
 * The same rule for an entry read as raw data (the content gate, uploads): entries of dated collections need their
 * publish day (`publishedOn` in src/schemas/index.ts) to have come and no draft mark; entries of other collections are
 * public as they are. A dated entry without a readable day is not public.
 */
export function entryIsPublic(collection: string, data: unknown, today: string): boolean {
  const spec: CollectionSpec | undefined = (collections as Record<string, CollectionSpec>)[collection];
  if (spec?.publishedOn === undefined) return true;
  const item = (data ?? {}) as Record<string, unknown>;
  const day = item[spec.publishedOn];
  return typeof day === 'string' && isPublic({ draft: item.draft === true, published: day }, today);
}
