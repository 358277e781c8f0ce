/** RSS of every public set of minutes. */
import type { APIRoute } from 'astro';
import { getMeetings, getSite } from '../../data/content.ts';
import { getPlaceTree, placeName } from '../../data/portal.ts';
import { renderRss } from '../../lib/feed.ts';
import { routes } from '../../lib/routes.ts';
import { MEETING_BODY_LABELS } from '../../schemas/meeting.ts';

export const GET: APIRoute = async ({ site: astroSite }) => {
  const site = await getSite();
  const tree = await getPlaceTree();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  const body = renderRss({
    title: `议事纪要 - ${site.name}`,
    link: abs(routes.meetings()),
    self: abs(routes.meetingsFeed()),
    description: `${site.name}各村社区的议事会议纪要`,
    items: (await getMeetings()).map((m) => ({
      title: `${placeName(tree, m.data.place)}：${m.data.title}`,
      link: abs(routes.meeting(m.id)),
      date: m.data.date,
      description: m.data.summary,
      category: MEETING_BODY_LABELS[m.data.body],
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
