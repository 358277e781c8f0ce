/**
 * Finance ledgers for the pages: every ledger (they have no draft state: a ledger is published by committing it),
 * by place and month, oldest first. Read once per build like the other collections (src/data/content.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { TODAY } from '~/build-info.ts';
import { addMonths, monthOf } from '~/lib/site/dates.ts';
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
