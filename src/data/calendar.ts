/**
 * Calendar events for the .ics files (town and per place): upcoming meetings, the last day of each notice's
 * 公示期 still to come, and 征求意见 deadlines. Everything comes from src/data/content.ts (public items only).
 */
import { TODAY } from '~/build-info.ts';
import type { CalendarEvent } from '~/lib/open-data/ical.ts';
import { routes } from '~/lib/site/routes.ts';
import { MEETING_BODY_LABELS } from '~/schemas/meeting.ts';
import { getNotices, getSite, getUpcomingMeetings } from './content.ts';

/** Events of the places in `scope` (all places when undefined), soonest first. */
export async function calendarEvents(scope?: ReadonlySet<string>): Promise<CalendarEvent[]> {
  const site = await getSite();
  const host = new URL(site.siteUrl).host;
  const abs = (path: string) => new URL(path, site.siteUrl).href;
  const inScope = (place: string) => scope === undefined || scope.has(place);
  const events: CalendarEvent[] = [];
  for (const m of await getUpcomingMeetings()) {
    if (!inScope(m.data.place)) continue;
    const description = [
      `${MEETING_BODY_LABELS[m.data.body]}`,
      `议题：${m.data.agenda.join('；')}`,
      ...(m.data.attend ? [`群众列席/旁听：${m.data.attend}`] : []),
    ].join('\n');
    events.push({
      uid: `meeting-${m.id}@${host}`,
      date: m.data.date,
      ...(m.data.time === undefined ? {} : { time: m.data.time }),
      summary: m.data.title,
      description,
      ...(m.data.venue === undefined ? {} : { location: m.data.venue }),
      url: abs(routes.meetings()),
    });
  }
  for (const n of await getNotices()) {
    if (!inScope(n.data.place) || n.data.period.end < TODAY) continue;
    events.push({
      uid: `notice-end-${n.id}@${host}`,
      date: n.data.period.end,
      summary: `公示期满：${n.data.title}`,
      description: '公示期最后一天：有异议请在此之前向公告中的联系人反映。',
      url: abs(routes.notice(n.id)),
    });
    const deadline = n.data.consultation?.deadline;
    if (deadline !== undefined && deadline >= TODAY) {
      events.push({
        uid: `consultation-${n.id}@${host}`,
        date: deadline,
        summary: `征求意见截止：${n.data.title}`,
        description: '提交意见的最后一天。',
        url: abs(routes.notice(n.id)),
      });
    }
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
