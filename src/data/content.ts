/**
 * The site's view of the content: Astro collections filtered to what is public on the build day.
 * Pages read content only through here, so drafts and scheduled items cannot slip into one page and not another.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { TODAY } from '../build-info.ts';
import { isPublic } from '../lib/publishing.ts';

export async function getSite() {
  const entry = await getEntry('site', 'site');
  if (entry === undefined) throw new Error('content/site.json is missing');
  return entry.data;
}

export async function getPlaces(): Promise<CollectionEntry<'places'>[]> {
  return (await getCollection('places')).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** Public notices, newest first. */
export async function getNotices(): Promise<CollectionEntry<'notices'>[]> {
  return (await getCollection('notices', (e) => isPublic(e.data, TODAY))).sort(
    (a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id),
  );
}

/** Public minutes (a meeting is public from its date unless it is a draft), newest first. */
export async function getMeetings(): Promise<CollectionEntry<'meetings'>[]> {
  return (
    await getCollection('meetings', (e) => isPublic({ draft: e.data.draft, published: e.data.date }, TODAY))
  ).sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}

/** Public legal-education items, newest first. */
export async function getLegal(): Promise<CollectionEntry<'legal'>[]> {
  return (await getCollection('legal', (e) => isPublic(e.data, TODAY))).sort(
    (a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id),
  );
}

/** Statistics records (months up to the build month; validation rejects future months). */
export async function getStats(): Promise<CollectionEntry<'stats'>[]> {
  return (await getCollection('stats')).sort(
    (a, b) => a.data.month.localeCompare(b.data.month) || a.data.place.localeCompare(b.data.place),
  );
}
