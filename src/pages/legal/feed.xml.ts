/** RSS of every public 普法 item. */
import type { APIRoute } from 'astro';
import { TODAY } from '~/build-info.ts';
import { getLegal, getSite } from '~/data/content.ts';
import { recorded } from '~/data/feed-items.ts';
import { t, tf } from '~/i18n/zh-CN.ts';
import { rssResponse } from '~/lib/open-data/feed.ts';
import { feedRecord } from '~/lib/record/public-record.ts';
import { routes } from '~/lib/site/routes.ts';
import { LEGAL_TOPIC_LABELS } from '~/schemas/legal.ts';

export const GET: APIRoute = async ({ site: astroSite }) => {
  const site = await getSite();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  return rssResponse({
    title: tf('feed.title', { list: t('feed.legal'), site: site.name }),
    link: abs(routes.legal()),
    self: abs(routes.legalFeed()),
    description: t('feed.legalDescription'),
    // A major correction re-dates the item and says 【更正】, as for notices and minutes (issue 18).
    items: (await getLegal()).map((l) =>
      recorded(
        {
          title: l.data.title,
          link: abs(routes.legalItem(l.id)),
          date: l.data.published,
          description: l.data.summary ?? l.data.question,
          category: LEGAL_TOPIC_LABELS[l.data.topic],
        },
        feedRecord(l.data, TODAY),
      ),
    ),
  });
};
