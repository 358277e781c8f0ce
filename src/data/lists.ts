/**
 * The list pages: /notices/, /meetings/, /legal/, /matters/, /meetings/decisions/ and their filters, rendered by
 * src/components/list/ListPage.astro, and /rules/. Each page's view holds its items, the active filter and the filter
 * bar's links (counted over the whole list). Lists are split into pages of PAGE_SIZE (src/lib/site/pagination.ts).
 */
import type { CollectionEntry } from 'astro:content';
import { TODAY } from '~/build-info.ts';
import { t, tf } from '~/i18n/zh-CN.ts';
import { NOTICE_STATUS_LABELS, NOTICE_STATUSES, noticeStatus } from '~/lib/record/notice-state.ts';
import { facetLinks, yearOf, yearsOf, type FacetLink } from '~/lib/site/listing.ts';
import { PAGE_SIZE, pagedPaths, type Page } from '~/lib/site/pagination.ts';
import { routes } from '~/lib/site/routes.ts';
import { LEGAL_TOPICS, LEGAL_TOPIC_LABELS, LEGAL_TYPES, LEGAL_TYPE_LABELS } from '~/schemas/legal.ts';
import { MATTER_STATUSES, MATTER_STATUS_LABELS, PROCEDURE_IDS, PROCEDURE_LABELS } from '~/schemas/matter.ts';
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS } from '~/schemas/notice.ts';
import { keyedViews } from './cache-keys.ts';
import { getChrome, type Chrome } from './chrome.ts';
import {
  getLegal,
  getMeetings,
  getNotices,
  getRules,
  getSite,
  getUpcomingMeetings,
  type HeldMeetingEntry,
} from './content.ts';
import { getMatters, type MatterFacet, type MatterView } from './matters.ts';
import { oncePerBuild } from './once.ts';
import { getPlaceNames, getPlaceTree } from './portal.ts';

/** The filter a list page shows (e.g. place 桃源村), or undefined for the whole list. */
export interface ListFilter<F extends string> {
  facet: F;
  value: string;
  label: string;
}

interface FilterGroup {
  label: string;
  links: FacetLink[];
}

interface FacetedListView<K extends string, T, F extends string> {
  kind: K;
  chrome: Chrome;
  /** This page of the (already filtered) list. */
  page: Page<T>;
  current: ListFilter<F> | undefined;
  /** Address of page 1 of this (filtered) list. */
  base: string;
  groups: FilterGroup[];
  /** Display names of places by id (grids with their village in front). */
  placeNames: ReadonlyMap<string, string>;
}

export type NoticeFacet = 'status' | 'place' | 'category' | 'year';
export type LegalFacet = 'topic' | 'type';

export type NoticeListView = FacetedListView<'notices', CollectionEntry<'notices'>, NoticeFacet>;
export type MeetingListView = FacetedListView<'meetings', HeldMeetingEntry, 'place'> & {
  /** 即将召开 on page 1 of the whole list and of a place's list, so residents see what they can attend. */
  upcoming: CollectionEntry<'meetings'>[];
  upcomingPlaceNames: ReadonlyMap<string, string>;
  /** The calendar file holding the upcoming meetings. */
  calendar: string;
};
export type LegalListView = FacetedListView<'legal', CollectionEntry<'legal'>, LegalFacet>;
export type MatterListView = FacetedListView<'matters', MatterView, MatterFacet>;
/** The decisions tracker: one card per matter, no filters. */
export interface DecisionListView {
  kind: 'decisions';
  chrome: Chrome;
  page: Page<MatterView>;
  placeNames: ReadonlyMap<string, string>;
}
export type ListView = NoticeListView | MeetingListView | LegalListView | MatterListView | DecisionListView;

interface FacetValue {
  value: string;
  label: string;
}

/** Places in tree order (街道 first, then villages in editor order), not alphabetical ids, with their names. */
async function placeValues(): Promise<FacetValue[]> {
  const [tree, site, names] = await Promise.all([getPlaceTree(), getSite(), getPlaceNames()]);
  return [...tree.subtreeIds(site.rootPlace)].map((id) => ({ value: id, label: names.get(id) ?? id }));
}

/** Where each notice filter's links go. */
const NOTICE_FILTER_HREF: Record<NoticeFacet, (value: string) => string> = {
  status: routes.noticesByStatus,
  place: routes.noticesByPlace,
  category: routes.noticesByCategory,
  year: routes.noticesByYear,
};

/**
 * The notice lists' filter bar, counted over every public notice once per build (every page of every notice list
 * shows the same counts; counting per page was quadratic: 8.6 s of a 10k build).
 */
const noticeFilterGroups: () => Promise<{ facet: NoticeFacet; label: string; links: FacetLink[] }[]> = oncePerBuild(
  async () => {
    const all = await getNotices();
    const links = (facet: NoticeFacet, valueOf: (n: CollectionEntry<'notices'>) => string, values: FacetValue[]) =>
      facetLinks(all, valueOf, values, NOTICE_FILTER_HREF[facet], undefined);
    return [
      {
        // What is on the board now comes first (issue 18).
        facet: 'status',
        label: t('notice.filter.status'),
        links: links(
          'status',
          (n) => noticeStatus(n.data, TODAY),
          NOTICE_STATUSES.map((s) => ({ value: s, label: NOTICE_STATUS_LABELS[s] })),
        ),
      },
      {
        facet: 'place',
        label: t('notice.filter.place'),
        links: links('place', (n) => n.data.place, await placeValues()),
      },
      {
        facet: 'category',
        label: t('notice.filter.category'),
        links: links(
          'category',
          (n) => n.data.category,
          NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] })),
        ),
      },
      {
        facet: 'year',
        label: t('notice.filter.year'),
        links: links(
          'year',
          (n) => yearOf(n.data.published),
          yearsOf(all.map((n) => n.data.published)).map((y) => ({ value: y, label: tf('common.year', { year: y }) })),
        ),
      },
    ];
  },
);

export async function noticeListView(
  page: Page<CollectionEntry<'notices'>>,
  current?: ListFilter<NoticeFacet>,
): Promise<NoticeListView> {
  const groups = (await noticeFilterGroups()).map(({ facet, label, links }) => ({
    label,
    links: links.map((link) => ({ ...link, current: current?.facet === facet && link.value === current.value })),
  }));
  return {
    kind: 'notices',
    chrome: await getChrome(),
    page,
    current,
    base: current === undefined ? routes.notices() : NOTICE_FILTER_HREF[current.facet](current.value),
    groups,
    placeNames: await getPlaceNames(),
  };
}

export async function meetingListView(
  page: Page<HeldMeetingEntry>,
  current?: ListFilter<'place'>,
): Promise<MeetingListView> {
  const placeNames = await getPlaceNames();
  const upcoming =
    page.number > 1
      ? []
      : (await getUpcomingMeetings()).filter((m) => current === undefined || m.data.place === current.value);
  return {
    kind: 'meetings',
    chrome: await getChrome(),
    page,
    current,
    base: current === undefined ? routes.meetings() : routes.meetingsByPlace(current.value),
    groups: [
      {
        label: t('meeting.filter.place'),
        links: facetLinks(
          await getMeetings(),
          (m) => m.data.place,
          await placeValues(),
          routes.meetingsByPlace,
          current?.value,
        ),
      },
    ],
    placeNames,
    upcoming,
    upcomingPlaceNames: new Map(upcoming.map((m) => [m.data.place, placeNames.get(m.data.place) ?? m.data.place])),
    calendar: current === undefined ? routes.calendar() : routes.placeCalendar(current.value),
  };
}

export async function legalListView(
  page: Page<CollectionEntry<'legal'>>,
  current?: ListFilter<LegalFacet>,
): Promise<LegalListView> {
  const all = await getLegal();
  const href = { topic: routes.legalByTopic, type: routes.legalByType };
  const groups = [
    {
      label: t('legal.filter.topic'),
      links: facetLinks(
        all,
        (l) => l.data.topic,
        LEGAL_TOPICS.map((v) => ({ value: v, label: LEGAL_TOPIC_LABELS[v] })),
        href.topic,
        current?.facet === 'topic' ? current.value : undefined,
      ),
    },
    {
      label: t('legal.filter.type'),
      links: facetLinks(
        all,
        (l) => l.data.type,
        LEGAL_TYPES.map((v) => ({ value: v, label: LEGAL_TYPE_LABELS[v] })),
        href.type,
        current?.facet === 'type' ? current.value : undefined,
      ),
    },
  ];
  return {
    kind: 'legal',
    chrome: await getChrome(),
    page,
    current,
    base: current === undefined ? routes.legal() : href[current.facet](current.value),
    groups,
    placeNames: await getPlaceNames(),
  };
}

export async function matterListView(
  page: Page<MatterView>,
  current?: ListFilter<MatterFacet>,
): Promise<MatterListView> {
  const all = await getMatters();
  const years = [...new Set(all.flatMap((m) => (m.year ? [m.year] : [])))]
    .sort()
    .reverse()
    .map((y) => ({ value: y, label: `${y}年` }));
  const currentOf = (facet: MatterFacet) => (current?.facet === facet ? current.value : undefined);
  const by = (facet: MatterFacet) => (value: string) => routes.mattersBy(facet, value);
  const groups = [
    {
      label: t('matter.filter.place'),
      links: facetLinks(all, (m) => m.data.place, await placeValues(), by('place'), currentOf('place')),
    },
    {
      label: t('matter.filter.status'),
      links: facetLinks(
        all,
        (m) => m.data.status,
        MATTER_STATUSES.map((s) => ({ value: s, label: MATTER_STATUS_LABELS[s] })),
        by('status'),
        currentOf('status'),
      ),
    },
    {
      label: t('matter.filter.procedure'),
      links: facetLinks(
        all,
        (m) => m.data.procedure,
        PROCEDURE_IDS.map((p) => ({ value: p, label: PROCEDURE_LABELS[p] })),
        by('procedure'),
        currentOf('procedure'),
      ),
    },
    {
      label: t('matter.filter.year'),
      links: facetLinks(all, (m) => m.year ?? '', years, by('year'), currentOf('year')),
    },
  ];
  return {
    kind: 'matters',
    chrome: await getChrome(),
    page,
    current,
    base: current === undefined ? routes.matters() : routes.mattersBy(current.facet, current.value),
    groups,
    placeNames: await getPlaceNames(),
  };
}

async function decisionListView(page: Page<MatterView>): Promise<DecisionListView> {
  return { kind: 'decisions', chrome: await getChrome(), page, placeNames: await getPlaceNames() };
}

/** Static paths of the unfiltered list of `kind`, one per page, each with its view. */
export async function listPaths(kind: ListView['kind']) {
  const paged = <T>(items: readonly T[], size: number, view: (page: Page<T>) => Promise<ListView>) =>
    keyedViews(pagedPaths(items, size, {}, {}), (p) => view(p.props.page));
  switch (kind) {
    case 'notices':
      return paged(await getNotices(), PAGE_SIZE.notices, (page) => noticeListView(page));
    case 'meetings':
      return paged(await getMeetings(), PAGE_SIZE.meetings, (page) => meetingListView(page));
    case 'legal':
      return paged(await getLegal(), PAGE_SIZE.legal, (page) => legalListView(page));
    case 'matters':
      return paged(await getMatters(), PAGE_SIZE.decisions, (page) => matterListView(page));
    case 'decisions':
      return paged(await getMatters(), PAGE_SIZE.decisions, decisionListView);
  }
}

/** /rules/ and /rules/place/<id>/: rules and lists grouped by kind, with the place filter (not paginated). */
export interface RuleListView {
  chrome: Chrome;
  /** The place filtered on, with its name. */
  place: { id: string; name: string } | undefined;
  rules: CollectionEntry<'rules'>[];
  placeLinks: FacetLink[];
  /** Names of the places that have rules. */
  placeNames: ReadonlyMap<string, string>;
}

export async function ruleListView(place?: string): Promise<RuleListView> {
  const [all, names] = await Promise.all([getRules(), getPlaceNames()]);
  const placeNames = new Map(all.map((r) => [r.data.place, names.get(r.data.place) ?? r.data.place]));
  return {
    chrome: await getChrome(),
    place: place === undefined ? undefined : { id: place, name: names.get(place) ?? place },
    rules: place === undefined ? all : all.filter((r) => r.data.place === place),
    placeLinks: facetLinks(all, (r) => r.data.place, await placeValues(), routes.rulesByPlace, place),
    placeNames,
  };
}
