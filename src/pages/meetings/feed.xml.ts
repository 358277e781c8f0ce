/** RSS of every public set of minutes. */
import type { APIRoute } from 'astro';
import { getMeetings, getSite } from '~/data/content.ts';
import { meetingFeedItem } from '~/data/feed-items.ts';
import { getPlaceTree, placeName } from '~/data/portal.ts';
import { t, tf } from '~/i18n/zh-CN.ts';
import { rssResponse } from '~/lib/open-data/feed.ts';
import { routes } from '~/lib/site/routes.ts';

export const GET: APIRoute = async ({ site: astroSite }) => {
  const site = await getSite();
  const tree = await getPlaceTree();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  return rssResponse({
    title: tf('feed.title', { list: t('feed.meetings'), site: site.name }),
    link: abs(routes.meetings()),
    self: abs(routes.meetingsFeed()),
    description: tf('feed.meetingsDescription', { site: site.name }),
    items: (await getMeetings()).map((m) => meetingFeedItem(m, abs, placeName(tree, m.data.place))),
  });
};
