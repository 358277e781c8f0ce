/**
 * Naming and pruning of release folders for atomic deploys (scripts/deploy.ts): each build goes into a fresh
 * `releases/<name>/`, and `current` is a symlink switched only after the build and its checks succeed.
 * A release is complete once its marker file (RELEASE_MARKER) exists: the deploy writes it last, after every
 * check passed. Pure: the script does the file-system work.
 */

/** Written into a release folder last, when the release passed every check. Only complete releases are kept. */
export const RELEASE_MARKER = '.release-complete';

const RELEASE_NAME = /^(\d{8}T\d{6}Z)(?:-(\d+))?$/;

/** Release folder name for a build started at `now`: 20261123T161000Z (sorts by time, safe in paths). */
export function releaseName(now: Date, taken: ReadonlySet<string> = new Set()): string {
  const base = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
  return name;
}

/** Whether a folder name in releases/ is one of ours (temporary build folders and stray files are not). */
function isReleaseName(name: string): boolean {
  return RELEASE_NAME.test(name);
}

/** Oldest first: by timestamp, then by the -2, -3… suffix of deploys started in the same second, as numbers. */
function byAge(a: string, b: string): number {
  const [, ta = '', na = '1'] = RELEASE_NAME.exec(a) ?? [];
  const [, tb = '', nb = '1'] = RELEASE_NAME.exec(b) ?? [];
  return ta < tb ? -1 : ta > tb ? 1 : Number(na) - Number(nb);
}

export interface Release {
  name: string;
  /** Whether its marker file exists: the build and every check passed. */
  complete: boolean;
}

/**
 * Releases to delete: keep the `keep` newest COMPLETE ones; never the live one or the one being deployed
 * (`protect`). An incomplete release (an interrupted or failed deploy) is never kept in place of a good one: it
 * does not count towards `keep`, and it is deleted.
 */
export function releasesToPrune(releases: readonly Release[], keep: number, protect: readonly string[]): string[] {
  const ours = releases.filter((r) => isReleaseName(r.name));
  const newestFirst = [...ours].sort((a, b) => byAge(b.name, a.name));
  const kept = new Set(
    newestFirst
      .filter((r) => r.complete)
      .slice(0, keep)
      .map((r) => r.name),
  );
  return newestFirst.map((r) => r.name).filter((name) => !kept.has(name) && !protect.includes(name));
}

/**
 * KEEP_RELEASES as a number of releases to keep: a positive whole number; unset means 5. Anything else ("five",
 * 0, -1, 2.5) is refused with a message, rather than read as NaN or 0 and deleting every old release.
 */
export function parseKeepReleases(value: string | undefined): { keep: number } | { error: string } {
  if (value === undefined || value.trim() === '') return { keep: 5 };
  const text = value.trim();
  if (!/^[1-9]\d*$/.test(text)) {
    return {
      error: `KEEP_RELEASES="${value}" 不是正整数：请写 1 或更大的整数（如 KEEP_RELEASES=5），或不设置（默认保留 5 个）`,
    };
  }
  return { keep: Number(text) };
}
