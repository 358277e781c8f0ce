/** RSS per place: the notices and minutes of a 村/社区 (and of its grids), or of the 街道 itself. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMeetings, getNotices, getSite } from '../../../data/content.ts';
import { getPlaceTree, placeName } from '../../../data/portal.ts';
import { renderRss } from '../../../lib/feed.ts';
import { routes } from '../../../lib/routes.ts';
import { NOTICE_CATEGORY_LABELS } from '../../../schemas/notice.ts';
import { MEETING_BODY_LABELS } from '../../../schemas/meeting.ts';

export const getStaticPaths = (async () => {
  const tree = await getPlaceTree();
  const site = await getSite();
  return [...tree.subtreeIds(site.rootPlace)].map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: astroSite }) => {
  const id = params.id as string;
  const site = await getSite();
  const tree = await getPlaceTree();
  const base = astroSite ?? site.siteUrl;
  const place = tree.get(id);
  const scopeId = place?.level === 'grid' && place.parent !== undefined ? place.parent : id;
  const scope = id === site.rootPlace ? new Set([id]) : tree.subtreeIds(scopeId);
  const abs = (path: string) => new URL(path, base).href;
  const items = [
    ...(await getNotices())
      .filter((n) => scope.has(n.data.place))
      .map((n) => ({
        title: n.data.title,
        link: abs(routes.notice(n.id)),
        date: n.data.published,
        description: n.data.summary,
        category: NOTICE_CATEGORY_LABELS[n.data.category],
      })),
    ...(await getMeetings())
      .filter((m) => scope.has(m.data.place))
      .map((m) => ({
        title: m.data.title,
        link: abs(routes.meeting(m.id)),
        date: m.data.date,
        description: m.data.summary,
        category: MEETING_BODY_LABELS[m.data.body],
      })),
  ];
  const name = placeName(tree, id);
  const body = renderRss({
    title: `${name} - ${site.name}`,
    link: abs(routes.place(id)),
    self: abs(routes.placeFeed(id)),
    description: `${name}的村务公开和议事纪要`,
    items,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
