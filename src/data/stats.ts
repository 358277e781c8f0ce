/**
 * The statistics of the site as StatsData (see src/charts/catalogue.ts), loaded once per build from the
 * collections through src/data/content.ts, with what the pages say about completeness: who is late with the month
 * due on the build day, and the day the statistics last changed in git ("更新于", not the build time).
 */
import path from 'node:path';
import { TODAY } from '~/build-info.ts';
import { statsData, type StatsData } from '~/charts/catalogue.ts';
import { getPlaces, getSite, getStats } from '~/data/content.ts';
import { loadFileVersions } from '~/lib/record/change-history.ts';
import { revisionsOf, type Revision } from '~/lib/stats/stats-revisions.ts';
import { contentDir } from '~/lib/content/content-files.ts';
import { perCapitaRows, type PerCapitaRow } from '~/lib/places/per-capita.ts';
import { compareRows, sortRows, type CompareRow, type SortOrder } from '~/lib/stats/compare.ts';
import { DEFAULT_STATS_DUE_DAY, overdueFilings, type OverdueFiling } from '~/lib/stats/stats-completeness.ts';
import { getChrome, type Chrome } from './chrome.ts';
import { digestWithState } from './cache-keys.ts';
import { oncePerBuild } from './once.ts';
import { latestFigures, type PlaceMonthFigures } from './portal.ts';
import { getChangeHistory } from './history.ts';

export interface SiteStats extends StatsData {
  /** Day of the next month by which a month is due (site.json statsDueDay). */
  dueDay: number;
  /** Units late with the month due on the build day. */
  overdue: OverdueFiling[];
  /** Day of the last committed change to content/stats (undefined outside git). */
  updated: string | undefined;
  /** Revision log per record (`<place>-<YYYY-MM>`), oldest first; only records changed after first commit. */
  revisions: ReadonlyMap<string, Revision[]>;
}

export const loadStats: () => Promise<SiteStats> = oncePerBuild(async () => {
  const [site, places, stats, history] = await Promise.all([getSite(), getPlaces(), getStats(), getChangeHistory()]);
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
  // Versions only of files committed more than once: most records never change, so git reads little.
  const changed = stats.flatMap((s) => {
    const changes = s.filePath === undefined ? [] : history.of(s.filePath);
    return changes.length > 1 && s.filePath !== undefined ? [{ id: s.id, file: s.filePath, changes }] : [];
  });
  const versions = await loadFileVersions(
    contentDir(),
    new Map(changed.map((c) => [c.file, c.changes.map((h) => h.commit)])),
  );
  const revisions = new Map(
    changed.map((c) => {
      const texts = versions.get(c.file) ?? [];
      return [c.id, revisionsOf(c.changes.map((h, i) => ({ date: h.date, commit: h.commit, text: texts[i] })))];
    }),
  );
  return {
    ...data,
    dueDay,
    overdue: overdueFilings(data.cube, data.units, TODAY, dueDay),
    updated: history.lastChangeUnder(path.join(contentDir(), 'stats')),
    revisions,
  };
});

/**
 * Everything the statistics pages are rendered from, as one digest for their cache keys (src/data/cache-keys.ts):
 * the records, the due day, the filings overdue on the build day, the revision log and the last-change day (the
 * places are in every key already). A stats page re-renders when any record changes: roll-ups and comparisons
 * read them all.
 */
export const statsDigest: () => Promise<string> = oncePerBuild(async () => {
  const [stats, data] = await Promise.all([getStats(), loadStats()]);
  return digestWithState([stats, data.dueDay, data.overdue, data.updated, data.revisions]);
});

/** What a place's "latest figures" section shows (home page, place pages). */
export interface LatestFiguresView {
  /** The place is the 街道 (root): its overdue list names every late unit. */
  isRoot: boolean;
  figures: PlaceMonthFigures | undefined;
  /** Units late with the month due (the town's page lists them all, a village's page only itself). */
  overdue: OverdueFiling[];
  cube: SiteStats['cube'];
  /** Places whose notes (口径) travel with these figures: the records behind them. */
  noteSources: { id: string; name: string }[];
}

export async function latestFiguresView(placeId: string): Promise<LatestFiguresView> {
  const stats = await loadStats();
  const isRoot = placeId === stats.root.id;
  return {
    isRoot,
    figures: await latestFigures(placeId),
    overdue: stats.overdue.filter((o) => isRoot || o.place === placeId),
    cube: stats.cube,
    noteSources: isRoot
      ? [stats.root, ...stats.units]
      : [{ id: placeId, name: stats.units.find((u) => u.id === placeId)?.name ?? '' }],
  };
}

/** The place comparison (/stats/compare/ and its sort orders) in one order. */
export interface ComparePageView {
  chrome: Chrome;
  data: SiteStats;
  order: SortOrder;
  /** The last twelve months every unit reported. */
  months: string[];
  rows: CompareRow[];
  perCapita: PerCapitaRow[];
}

export async function comparePageView(order: SortOrder): Promise<ComparePageView> {
  const data = await loadStats();
  // The last twelve months every unit reported: a month some units have not filed would make them look smaller.
  const months = data.completeMonths.slice(-12);
  return {
    chrome: await getChrome(),
    data,
    order,
    months,
    rows: sortRows(compareRows(data.cube, data.units, months), order),
    perCapita: perCapitaRows(data.cube, data.units, months),
  };
}
