/**
 * The 三资 registers for the pages and open data: one per place (content/registers/<place>.json), and where a
 * contract's 决议 is published (a matter page or a meeting page). Read once per build (src/data/content.ts).
 */
import { routes } from '~/lib/site/routes.ts';
import { getCollection, type CollectionEntry } from 'astro:content';
import { keyed } from './cache-keys.ts';
import { getMeetings } from './content.ts';
import { oncePerBuild } from './once.ts';
import { getMatters } from './matters.ts';

export type RegisterEntry = CollectionEntry<'registers'>;

/** Registers by place id, in place-id order. */
export const getRegistersByPlace: () => Promise<ReadonlyMap<string, RegisterEntry>> = oncePerBuild(async () => {
  const all = (await getCollection('registers')).sort((a, b) => (a.data.place < b.data.place ? -1 : 1));
  return new Map(all.map((r) => [r.data.place, r]));
});

/** The paths of the three register pages (/finance/<place>/assets|resources|contracts/): one per register. */
export async function registerPaths() {
  return keyed(
    [...(await getRegistersByPlace()).values()].map((register) => ({
      params: { place: register.data.place },
      props: { register },
    })),
  );
}

/**
 * A contract's 决议 as a link: the public matter or meeting it names (the gate has checked that it exists; one not
 * public yet has no link).
 */
export interface DecisionLink {
  href: string;
  title: string;
  kind: 'matter' | 'meeting';
}

export const getDecisionLinks: () => Promise<ReadonlyMap<string, DecisionLink>> = oncePerBuild(async () => {
  const links = new Map<string, DecisionLink>();
  for (const m of await getMeetings()) {
    links.set(m.id, { href: routes.meeting(m.id), title: m.data.title, kind: 'meeting' });
  }
  for (const m of await getMatters()) {
    links.set(m.id, { href: routes.matter(m.id), title: m.data.title, kind: 'matter' });
  }
  return links;
});
