/** RSS of every public notice. */
import type { APIRoute } from 'astro';
import { getNotices, getSite } from '../../data/content.ts';
import { noticeFeedItem } from '../../data/feed-items.ts';
import { getPlaceTree, placeName } from '../../data/portal.ts';
import { rssResponse } from '../../lib/feed.ts';
import { routes } from '../../lib/routes.ts';

export const GET: APIRoute = async ({ site: astroSite }) => {
  const site = await getSite();
  const tree = await getPlaceTree();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  return rssResponse({
    title: `村务公开 - ${site.name}`,
    link: abs(routes.notices()),
    self: abs(routes.noticesFeed()),
    description: `${site.name}发布的党务、村务、财务公开`,
    items: (await getNotices()).map((n) => noticeFeedItem(n, abs, placeName(tree, n.data.place))),
  });
};
