/**
 * /admin/gate-context.json: what the CMS needs to run the rules between entries before a save (places, ids, publish
 * days; see src/lib/content/content-gate.ts `GateContext`). Under `npm run cms` (astro dev) it is regenerated from the files
 * on every request, so an entry saved a minute ago counts. A production build writes it once and, since it is
 * served on the public site, leaves out everything not public on the build day (drafts, scheduled items).
 */
import type { APIRoute } from 'astro';
import { contentDir, readContent } from '~/lib/content/content-files.ts';
import { gateContext, parseContent } from '~/lib/content/content-gate.ts';
import { buildToday } from '~/lib/site/dates.ts';

export const GET: APIRoute = () => {
  const today = buildToday(process.env.BUILD_DATE);
  const { entries } = readContent(contentDir());
  // MODE, not DEV: DEV follows NODE_ENV, which a build under NODE_ENV=test (the test runner) leaves "true".
  // `astro build` runs in mode "production" and `astro dev` in "development", whatever NODE_ENV says.
  const local = import.meta.env.MODE === 'development';
  const context = gateContext(parseContent(entries), today, { publicOnly: !local });
  return new Response(JSON.stringify(context), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
};
