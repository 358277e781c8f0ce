/** RSS of every public notice. */
import type { APIRoute } from 'astro';
import { getNotices, getSite } from '../../data/content.ts';
import { getPlaceTree, placeName } from '../../data/portal.ts';
import { renderRss } from '../../lib/feed.ts';
import { routes } from '../../lib/routes.ts';
import { NOTICE_CATEGORY_LABELS } from '../../schemas/notice.ts';

export const GET: APIRoute = async ({ site: astroSite }) => {
  const site = await getSite();
  const tree = await getPlaceTree();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  const body = renderRss({
    title: `村务公开 - ${site.name}`,
    link: abs(routes.notices()),
    self: abs(routes.noticesFeed()),
    description: `${site.name}发布的党务、村务、财务公开`,
    items: (await getNotices()).map((n) => ({
      title: `${placeName(tree, n.data.place)}：${n.data.title}`,
      link: abs(routes.notice(n.id)),
      date: n.data.published,
      description: n.data.summary,
      category: NOTICE_CATEGORY_LABELS[n.data.category],
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
