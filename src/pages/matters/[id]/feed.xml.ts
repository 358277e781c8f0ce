/** RSS of one matter: every step (meeting or notice) and milestone, newest first (Councilmatic's action feed). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '~/data/content.ts';
import { keyed } from '~/data/cache-keys.ts';
import { getMatters, matterTimeline, type MatterView } from '~/data/matters.ts';
import { rssResponse } from '~/lib/open-data/feed.ts';
import { routes } from '~/lib/site/routes.ts';

export const getStaticPaths = (async () =>
  keyed(
    (await getMatters()).map((matter) => ({ params: { id: matter.id }, props: { matter } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site: astroSite }) => {
  const { matter } = props as { matter: MatterView };
  const site = await getSite();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  return rssResponse({
    title: `${matter.data.title} - ${site.name}`,
    link: abs(routes.matter(matter.id)),
    self: abs(routes.matterFeed(matter.id)),
    description: matter.data.summary ?? matter.data.title,
    items: matterTimeline(matter)
      .reverse()
      .map((e) => ({
        title: e.title === undefined ? `${e.label}` : `${e.label}：${e.title}`,
        link: abs(e.href ?? routes.matter(matter.id)),
        date: e.date,
        description: e.note,
        category: e.kind === 'step' ? matter.procedureLabel : undefined,
      })),
  });
};
