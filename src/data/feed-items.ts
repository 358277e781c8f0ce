/**
 * Feed items for public notices and minutes, the same in the site-wide feeds and the per-place feeds.
 * `placeLabel` goes in front of the title where a feed mixes places (村务公开 of the whole 街道).
 */
import type { CollectionEntry } from 'astro:content';
import { TODAY } from '~/build-info.ts';
import type { FeedItem } from '~/lib/open-data/feed.ts';
import { feedRecord, type FeedRecord } from '~/lib/record/public-record.ts';
import { routes } from '~/lib/site/routes.ts';
import { MEETING_BODY_LABELS } from '~/schemas/meeting.ts';
import { NOTICE_CATEGORY_LABELS } from '~/schemas/notice.ts';

/** Absolute URL of a site path, for feeds (readers open them outside the site). */
export type Absolute = (path: string) => string;

const titled = (title: string, placeLabel: string | undefined) =>
  placeLabel === undefined ? title : `${placeLabel}：${title}`;

/**
 * A corrected entry's item is dated its newest major change and says 【更正】 with the note; a withdrawn notice's
 * says 【已撤回】 with the reason (src/lib/record/public-record.ts). Its guid changes with it, so readers show it again.
 */
export function recorded(item: FeedItem, record: FeedRecord): FeedItem {
  const description = [record.lead, item.description].filter((d) => d !== undefined && d !== '').join(' ');
  return {
    ...item,
    title: `${record.titlePrefix}${item.title}`,
    date: record.date,
    description: description === '' ? undefined : description,
    ...(record.guidSuffix === '' ? {} : { guid: `${item.link}${record.guidSuffix}` }),
  };
}

export function noticeFeedItem(n: CollectionEntry<'notices'>, abs: Absolute, placeLabel?: string): FeedItem {
  return recorded(
    {
      title: titled(n.data.title, placeLabel),
      link: abs(routes.notice(n.id)),
      date: n.data.published,
      description: n.data.summary,
      category: NOTICE_CATEGORY_LABELS[n.data.category],
    },
    feedRecord(n.data, TODAY),
  );
}

export function meetingFeedItem(m: CollectionEntry<'meetings'>, abs: Absolute, placeLabel?: string): FeedItem {
  return recorded(
    {
      title: titled(m.data.title, placeLabel),
      link: abs(routes.meeting(m.id)),
      date: m.data.date,
      description: m.data.summary,
      category: MEETING_BODY_LABELS[m.data.body],
    },
    feedRecord({ published: m.data.date, changes: m.data.changes }, TODAY),
  );
}
