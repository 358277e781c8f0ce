/** RSS per place: the notices and minutes its page lists (src/data/portal.ts placeScope). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMeetings, getNotices, getSite } from '~/data/content.ts';
import { meetingFeedItem, noticeFeedItem } from '~/data/feed-items.ts';
import { getMatters } from '~/data/matters.ts';
import { getPlaceTree, placeName, placeScope } from '~/data/portal.ts';
import { keyed } from '~/data/cache-keys.ts';
import { tf } from '~/i18n/zh-CN.ts';
import { rssResponse } from '~/lib/open-data/feed.ts';
import { routes } from '~/lib/site/routes.ts';

export const getStaticPaths = (async () => {
  const tree = await getPlaceTree();
  const site = await getSite();
  const [notices, meetings, matters] = await Promise.all([getNotices(), getMeetings(), getMatters()]);
  const paths = [...tree.subtreeIds(site.rootPlace)].map((id) => ({ params: { id } }));
  // The feed's items: the notices, minutes and matters of the place and the places under it.
  return keyed(paths, ({ params: { id } }) => {
    const { ids: scope } = placeScope(tree, id, site.rootPlace);
    const inScope = (e: { data: { place: string } }) => scope.has(e.data.place);
    return [notices.filter(inScope), meetings.filter(inScope), matters.filter(inScope)];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: astroSite }) => {
  const id = params.id as string;
  const site = await getSite();
  const tree = await getPlaceTree();
  const { ids: scope } = placeScope(tree, id, site.rootPlace);
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  const name = placeName(tree, id);
  return rssResponse({
    title: tf('feed.title', { list: name, site: site.name }),
    link: abs(routes.place(id)),
    self: abs(routes.placeFeed(id)),
    description: tf('feed.placeDescription', { name }),
    items: [
      ...(await getNotices()).filter((n) => scope.has(n.data.place)).map((n) => noticeFeedItem(n, abs)),
      ...(await getMeetings()).filter((m) => scope.has(m.data.place)).map((m) => meetingFeedItem(m, abs)),
      // Matters' milestones (开工, 验收…): their steps are the notices and minutes above.
      ...(await getMatters())
        .filter((m) => scope.has(m.data.place))
        .flatMap((m) =>
          m.data.milestones.map((ms) => ({
            title: `${m.data.title}：${ms.label}`,
            link: abs(routes.matter(m.id)),
            date: ms.date,
            description: ms.note,
            category: m.procedureLabel,
          })),
        ),
    ],
  });
};
