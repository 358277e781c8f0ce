/**
 * The statistics of the site as StatsData (see src/charts/catalogue.ts), loaded once per build from the
 * collections through src/data/content.ts, with what the pages say about completeness: who is late with the month
 * due on the build day, and the day the statistics last changed in git ("更新于", not the build time).
 */
import path from 'node:path';
import { TODAY } from '../../build-info.ts';
import { statsData, type StatsData } from '../../charts/catalogue.ts';
import { getPlaces, getSite, getStats } from '../../data/content.ts';
import { loadChangeHistory } from '../../lib/change-history.ts';
import { contentDir } from '../../lib/content-files.ts';
import { DEFAULT_STATS_DUE_DAY, overdueFilings, type OverdueFiling } from '../../lib/stats-completeness.ts';

export interface SiteStats extends StatsData {
  /** Day of the next month by which a month is due (site.json statsDueDay). */
  dueDay: number;
  /** Units late with the month due on the build day. */
  overdue: OverdueFiling[];
  /** Day of the last committed change to content/stats (undefined outside git). */
  updated: string | undefined;
}

let cached: Promise<SiteStats> | undefined;

export function loadStats(): Promise<SiteStats> {
  cached ??= (async () => {
    const [site, places, stats, history] = await Promise.all([
      getSite(),
      getPlaces(),
      getStats(),
      loadChangeHistory(contentDir()),
    ]);
    const data = statsData(
      stats.map((s) => s.data),
      places.map((p) => ({
        id: p.id,
        name: p.data.name,
        level: p.data.level,
        parent: p.data.parent,
        order: p.data.order,
        population: p.data.population,
        households: p.data.households,
        populationYear: p.data.populationYear,
      })),
      site.rootPlace,
    );
    const dueDay = site.statsDueDay ?? DEFAULT_STATS_DUE_DAY;
    return {
      ...data,
      dueDay,
      overdue: overdueFilings(data.cube, data.units, TODAY, dueDay),
      updated: history.lastChangeUnder(path.join(contentDir(), 'stats')),
    };
  })();
  return cached;
}
