/**
 * What the page layouts (src/layouts/Base.astro, Print.astro) show around every page: the site's name,
 * description and contacts. Built once per build; every page passes it to its layout, so layouts take props only.
 * It holds nothing that changes from build to build (no build time, no "last changed" day): a page the
 * incremental build copies from an earlier build must still be true (src/data/cache-keys.ts).
 */
import { contentDir } from '~/lib/content/content-files.ts';
import type { Site } from '~/schemas/site.ts';
import { getSite } from './content.ts';
import { getChangeHistory } from './history.ts';
import { oncePerBuild } from './once.ts';

export interface Chrome {
  site: Site;
}

export const getChrome: () => Promise<Chrome> = oncePerBuild(async () => ({ site: await getSite() }));

/**
 * Day of the last committed change to the content, which the home page states (undefined outside git: the home
 * page names the build time instead). Only the home page says it: it is rendered on every build.
 */
export const getContentUpdated: () => Promise<string | undefined> = oncePerBuild(async () =>
  (await getChangeHistory()).lastChangeUnder(contentDir()),
);
