/**
 * Finance ledgers for the pages: every ledger (they have no draft state: a ledger is published by committing it),
 * by place and month, oldest first. Read once per build like the other collections (src/data/content.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { TODAY } from '~/build-info.ts';
import { overdueDisclosures, type OverdueDisclosure } from '~/lib/record/disclosure-cadence.ts';
import { addMonths, monthOf } from '~/lib/site/dates.ts';
import { getNotices, getPlaces } from './content.ts';
import { oncePerBuild } from './once.ts';

export type Ledger = CollectionEntry<'finance'>;

/** The last month that has ended on the build day: the newest month a ledger can be complete for. */
export const LAST_CLOSED_MONTH = addMonths(monthOf(TODAY), -1);

/** Ledgers by place id, each list oldest month first. */
export const getLedgersByPlace: () => Promise<ReadonlyMap<string, readonly Ledger[]>> = oncePerBuild(async () => {
  const byPlace = new Map<string, Ledger[]>();
  const all = (await getCollection('finance')).sort((a, b) => (a.data.month < b.data.month ? -1 : 1));
  for (const ledger of all) {
    const list = byPlace.get(ledger.data.place) ?? [];
    list.push(ledger);
    byPlace.set(ledger.data.place, list);
  }
  return byPlace;
});

/**
 * A village's or community's disclosures overdue on the build day (村民委员会组织法 第三十条; rule in
 * src/lib/record/disclosure-cadence.ts); none for places that are up to date, the 街道 and grids.
 */
export async function overdueDisclosuresOf(placeId: string): Promise<OverdueDisclosure[]> {
  const places = (await getPlaces()).filter((p) => p.id === placeId);
  const notices = (await getNotices()).filter((n) => n.data.place === placeId);
  return overdueDisclosures(
    places.map((p) => ({ id: p.id, name: p.data.name, level: p.data.level })),
    notices.map((n) => ({
      place: n.data.place,
      category: n.data.category,
      published: n.data.published,
      ...(n.data.covers === undefined ? {} : { covers: n.data.covers }),
    })),
    TODAY,
    ((await getLedgersByPlace()).get(placeId) ?? []).map((l) => ({ place: l.data.place, month: l.data.month })),
  );
}
