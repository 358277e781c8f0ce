/** RSS of every public notice. */
import type { APIRoute } from 'astro';
import { getNotices, getSite } from '~/data/content.ts';
import { noticeFeedItem } from '~/data/feed-items.ts';
import { getPlaceTree, placeName } from '~/data/portal.ts';
import { t, tf } from '~/i18n/zh-CN.ts';
import { rssResponse } from '~/lib/open-data/feed.ts';
import { routes } from '~/lib/site/routes.ts';

export const GET: APIRoute = async ({ site: astroSite }) => {
  const site = await getSite();
  const tree = await getPlaceTree();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  return rssResponse({
    title: tf('feed.title', { list: t('feed.notices'), site: site.name }),
    link: abs(routes.notices()),
    self: abs(routes.noticesFeed()),
    description: tf('feed.noticesDescription', { site: site.name }),
    items: (await getNotices()).map((n) => noticeFeedItem(n, abs, placeName(tree, n.data.place))),
  });
};
