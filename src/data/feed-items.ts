/**
 * Feed items for public notices and minutes, the same in the site-wide feeds and the per-place feeds.
 * `placeLabel` goes in front of the title where a feed mixes places (村务公开 of the whole 街道).
 */
import type { CollectionEntry } from 'astro:content';
import type { FeedItem } from '../lib/feed.ts';
import { routes } from '../lib/routes.ts';
import { MEETING_BODY_LABELS } from '../schemas/meeting.ts';
import { NOTICE_CATEGORY_LABELS } from '../schemas/notice.ts';

/** Absolute URL of a site path, for feeds (readers open them outside the site). */
export type Absolute = (path: string) => string;

const titled = (title: string, placeLabel: string | undefined) =>
  placeLabel === undefined ? title : `${placeLabel}：${title}`;

export function noticeFeedItem(n: CollectionEntry<'notices'>, abs: Absolute, placeLabel?: string): FeedItem {
  return {
    title: titled(n.data.title, placeLabel),
    link: abs(routes.notice(n.id)),
    date: n.data.published,
    description: n.data.summary,
    category: NOTICE_CATEGORY_LABELS[n.data.category],
  };
}

export function meetingFeedItem(m: CollectionEntry<'meetings'>, abs: Absolute, placeLabel?: string): FeedItem {
  return {
    title: titled(m.data.title, placeLabel),
    link: abs(routes.meeting(m.id)),
    date: m.data.date,
    description: m.data.summary,
    category: MEETING_BODY_LABELS[m.data.body],
  };
}
