/**
 * What the page layouts (src/layouts/Base.astro, Print.astro) show around every page: the site's name,
 * description and contacts, and the day the content last changed. Built once per build; every page passes it to
 * its layout, so layouts take props only.
 */
import { contentDir } from '~/lib/content/content-files.ts';
import type { Site } from '~/schemas/site.ts';
import { getSite } from './content.ts';
import { getChangeHistory } from './history.ts';
import { oncePerBuild } from './once.ts';

export interface Chrome {
  site: Site;
  /** Day of the last committed change to the content (undefined outside git: the footer names the build time). */
  contentUpdated: string | undefined;
}

export const getChrome: () => Promise<Chrome> = oncePerBuild(async () => {
  const [site, history] = await Promise.all([getSite(), getChangeHistory()]);
  return { site, contentUpdated: history.lastChangeUnder(contentDir()) };
});
