/** RSS of every public matter's steps and milestones, newest first. */
import type { APIRoute } from 'astro';
import { getSite } from '~/data/content.ts';
import { getMatters, matterTimeline } from '~/data/matters.ts';
import { t } from '~/i18n/zh-CN.ts';
import { rssResponse } from '~/lib/open-data/feed.ts';
import { routes } from '~/lib/site/routes.ts';

export const GET: APIRoute = async ({ site: astroSite }) => {
  const site = await getSite();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  const items = (await getMatters()).flatMap((matter) =>
    matterTimeline(matter).map((e) => ({
      title: `${matter.data.title}：${e.label}`,
      link: abs(e.href ?? routes.matter(matter.id)),
      date: e.date,
      description: e.note ?? e.title,
      category: matter.procedureLabel,
    })),
  );
  return rssResponse({
    title: `${t('matter.list.title')} - ${site.name}`,
    link: abs(routes.matters()),
    self: abs(routes.mattersFeed()),
    description: t('matter.list.intro'),
    items: items.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
  });
};
