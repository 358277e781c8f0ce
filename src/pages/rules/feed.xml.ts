/** RSS of every public rule and list: new versions, drafts for comment and major corrections. */
import type { APIRoute } from 'astro';
import { TODAY } from '~/build-info.ts';
import { getRules, getSite } from '~/data/content.ts';
import { recorded } from '~/data/feed-items.ts';
import { t, tf } from '~/i18n/zh-CN.ts';
import { rssResponse } from '~/lib/open-data/feed.ts';
import { feedRecord } from '~/lib/record/public-record.ts';
import { routes } from '~/lib/site/routes.ts';
import { RULE_KIND_LABELS, RULE_STATUS_LABELS } from '~/schemas/rule.ts';

export const GET: APIRoute = async ({ site: astroSite }) => {
  const site = await getSite();
  const abs = (path: string) => new URL(path, astroSite ?? site.siteUrl).href;
  const rules = (await getRules()).sort((a, b) => (a.data.published < b.data.published ? 1 : -1));
  return rssResponse({
    title: tf('feed.title', { list: t('feed.rules'), site: site.name }),
    link: abs(routes.rules()),
    self: abs(routes.rulesFeed()),
    description: t('feed.rulesDescription'),
    items: rules.map((r) =>
      recorded(
        {
          title: `【${RULE_STATUS_LABELS[r.data.status]}】${r.data.title}`,
          link: abs(routes.rule(r.id)),
          date: r.data.published,
          description: r.data.summary,
          category: RULE_KIND_LABELS[r.data.kind],
        },
        feedRecord(r.data, TODAY),
      ),
    ),
  });
};
