/**
 * The statistics of the site as StatsData (see src/charts/catalogue.ts), loaded once per build from the
 * collections through src/data/content.ts.
 */
import { statsData, type StatsData } from '../../charts/catalogue.ts';
import { getPlaces, getSite, getStats } from '../../data/content.ts';

let cached: Promise<StatsData> | undefined;

export function loadStats(): Promise<StatsData> {
  cached ??= (async () => {
    const [site, places, stats] = await Promise.all([getSite(), getPlaces(), getStats()]);
    return statsData(
      stats.map((s) => s.data),
      places.map((p) => ({
        id: p.id,
        name: p.data.name,
        level: p.data.level,
        parent: p.data.parent,
        order: p.data.order,
      })),
      site.rootPlace,
    );
  })();
  return cached;
}
