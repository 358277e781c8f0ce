/**
 * The county portal's merge plan (docs/scaling.md): which Pagefind bundles of which town the county search page
 * merges. A town's index can be in parts (src/lib/search/search-parts.ts); the town publishes the list at
 * PART_LIST_FILE, and the county merges every part, each with the town's own URL as `baseUrl` (result links go to
 * the town's site) and the town's name as a `town` filter (results can be narrowed to one town).
 *
 * No input or output: reading files or fetching URLs is the county build's job (scripts/build-county.ts).
 */
import path from 'node:path';
import { PRIMARY_BUNDLE, type PartList } from '../search/search-parts.ts';

/** One town as the county build is told about it. */
export interface TownSource {
  /** Shown in the county's list and filter, e.g. 云溪街道. */
  name: string;
  /** Where the town's site is published: the root of an origin, ending with `/`. */
  url: string;
  /** A local copy of the built site (a CI artifact), read instead of fetching from `url`; absolute path. */
  dist?: string;
}

/** One mergeIndex call of the county search page. */
export interface MergeStep {
  town: string;
  /** The part's name in the town's part list (a year, "undated", or "all" for an index not split). */
  part: string;
  /** Absolute URL of the bundle folder, ending with `/`. */
  bundle: string;
  /** The town's site: Pagefind prefixes result URLs with it. */
  baseUrl: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The towns of a county list file: an array of `{ name, url, dist? }`, `dist` relative to `baseDir` (the list's
 * own folder). Throws with every problem found: a county that silently drops a town is what this guards against.
 */
export function parseTowns(json: unknown, baseDir: string): TownSource[] {
  if (!Array.isArray(json)) throw new Error('the town list must be a JSON array of { name, url, dist? }');
  const problems: string[] = [];
  const towns: TownSource[] = [];
  json.forEach((item: unknown, i) => {
    const at = `town ${i + 1}`;
    if (!isRecord(item) || typeof item.name !== 'string' || item.name.trim() === '' || typeof item.url !== 'string') {
      problems.push(`${at}: needs a name and a url`);
      return;
    }
    let url: URL;
    try {
      url = new URL(item.url);
    } catch {
      problems.push(`${at} (${item.name}): url "${item.url}" is not an absolute URL`);
      return;
    }
    // Our pages link with root-absolute paths (/notices/…), so a town is only ever published at an origin's root.
    if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
      problems.push(`${at} (${item.name}): url must be the root of an http(s) origin, like https://town.example/`);
      return;
    }
    if (item.dist !== undefined && typeof item.dist !== 'string') {
      problems.push(`${at} (${item.name}): dist must be a folder path`);
      return;
    }
    towns.push({
      name: item.name.trim(),
      url: url.href,
      ...(item.dist === undefined ? {} : { dist: path.resolve(baseDir, item.dist) }),
    });
  });
  for (const key of ['name', 'url'] as const) {
    const seen = new Set<string>();
    for (const town of towns) {
      if (seen.has(town[key])) problems.push(`two towns have the ${key} ${town[key]}`);
      seen.add(town[key]);
    }
  }
  if (towns.length === 0 && problems.length === 0) problems.push('the town list is empty');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return towns;
}

/**
 * A town's published part list (PART_LIST_FILE), checked: bundles are folders of the town's own `/pagefind/`,
 * the primary one first. Anything else is refused rather than merged, since the county page would fetch it.
 */
export function parsePartList(json: unknown, town: string): PartList {
  const parts = isRecord(json) && Array.isArray(json.parts) ? (json.parts as unknown[]) : undefined;
  if (parts === undefined || parts.length === 0) throw new Error(`${town}: the part list has no parts`);
  const checked = parts.map((part, i) => {
    if (!isRecord(part) || typeof part.name !== 'string' || typeof part.bundle !== 'string') {
      throw new Error(`${town}: part ${i + 1} needs a name and a bundle`);
    }
    if (!/^\/pagefind\/([a-z0-9-]+\/)*$/.test(part.bundle)) {
      throw new Error(`${town}: part ${part.name} has the bundle "${part.bundle}", not a folder of /pagefind/`);
    }
    return { name: part.name, bundle: part.bundle };
  });
  if (checked[0]?.bundle !== PRIMARY_BUNDLE) throw new Error(`${town}: the first part must be ${PRIMARY_BUNDLE}`);
  if (new Set(checked.map((p) => p.bundle)).size !== checked.length)
    throw new Error(`${town}: a bundle is listed twice`);
  return { parts: checked };
}

/** Every bundle of every town, in the towns' order and each town's part order. */
export function mergePlan(towns: readonly { town: TownSource; parts: PartList }[]): MergeStep[] {
  return towns.flatMap(({ town, parts }) =>
    parts.parts.map((part) => ({
      town: town.name,
      part: part.name,
      bundle: new URL(part.bundle, town.url).href,
      baseUrl: town.url,
    })),
  );
}
