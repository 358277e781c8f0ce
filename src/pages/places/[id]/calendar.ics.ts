/** iCal per place: its upcoming meetings, 公示期 end dates and 征求意见 deadlines (src/data/calendar.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { BUILT_AT } from '~/build-info.ts';
import { calendarEvents } from '~/data/calendar.ts';
import { getSite } from '~/data/content.ts';
import { getPlaceTree, placeName, placeScope } from '~/data/portal.ts';
import { keyed } from '~/data/cache-keys.ts';
import { renderCalendar } from '~/lib/open-data/ical.ts';

export const getStaticPaths = (async () => {
  const tree = await getPlaceTree();
  const site = await getSite();
  const paths = [...tree.subtreeIds(site.rootPlace)].map((id) => ({ params: { id } }));
  // The events are the file (its DTSTAMP, the build instant, may stay from the build that wrote it).
  return keyed(paths, async ({ params: { id } }) => calendarEvents(placeScope(tree, id, site.rootPlace).ids));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const id = params.id as string;
  const site = await getSite();
  const tree = await getPlaceTree();
  const { ids } = placeScope(tree, id, site.rootPlace);
  const stamp = `${BUILT_AT.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  return new Response(renderCalendar(`${placeName(tree, id)} - ${site.name}`, await calendarEvents(ids), stamp), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
