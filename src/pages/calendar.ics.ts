/** iCal of the whole 街道: every upcoming meeting, 公示期 end date and 征求意见 deadline (src/data/calendar.ts). */
import type { APIRoute } from 'astro';
import { BUILT_AT } from '~/build-info.ts';
import { calendarEvents } from '~/data/calendar.ts';
import { getSite } from '~/data/content.ts';
import { renderCalendar } from '~/lib/open-data/ical.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const stamp = `${BUILT_AT.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  return new Response(renderCalendar(site.name, await calendarEvents(), stamp), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
