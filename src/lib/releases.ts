/**
 * Naming and pruning of release folders for atomic deploys (scripts/deploy.ts): each build goes into a fresh
 * `releases/<name>/`, and `current` is a symlink switched only after the build and its checks succeed.
 * Pure: the script does the file-system work.
 */

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

/**
 * Releases to delete, keeping the `keep` newest and never the live one or the one being deployed.
 * Names sort by time because releaseName writes them that way.
 */
export function releasesToPrune(names: readonly string[], keep: number, protect: readonly string[]): string[] {
  const newestFirst = [...names].sort().reverse();
  return newestFirst.slice(Math.max(keep, 0)).filter((name) => !protect.includes(name));
}
