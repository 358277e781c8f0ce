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
