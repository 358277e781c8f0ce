/**
 * Which output files the post-build checks must read (src/integrations/post-build-checks.ts). After a build whose
 * checks passed, the digest of every output file is kept in the build cache; the next build scans only files that
 * are new or changed, since an unchanged file passed the same checks last time. Links are the exception: an
 * unchanged page's link breaks when its target disappears, so when any file of the last build is gone, every page's
 * links are checked again. A full scan (no manifest, or asked for: the nightly release) reads everything, and so
 * does a build whose check policy differs (the public phones the privacy scan allows, the site's origin): a file
 * that passed under the old policy may not pass under the new one.
 */

export interface CheckManifest {
  version: 1;
  /** Digest of what the checks judge by besides the file (allowed public phones, site origin). */
  policy: string;
  /** Output path → digest of its bytes, for every file of a build whose checks passed. */
  files: Record<string, string>;
}

export interface CheckScope {
  /** Files to scan for personal data and executable markup. */
  scan: ReadonlySet<string>;
  /** Pages whose links to check. */
  links: ReadonlySet<string>;
  /** Why the scope is what it is, for the build log. */
  reason: 'full' | 'changed' | 'changed, links all (a file was removed)';
}

export function checkScope(
  previous: CheckManifest | undefined,
  current: ReadonlyMap<string, string>,
  policy: string,
  full: boolean,
): CheckScope {
  const all = new Set(current.keys());
  if (full || previous === undefined || previous.version !== 1 || previous.policy !== policy) {
    return { scan: all, links: all, reason: 'full' };
  }
  const scan = new Set([...current].filter(([file, digest]) => previous.files[file] !== digest).map(([f]) => f));
  const removed = Object.keys(previous.files).some((file) => !current.has(file));
  return removed
    ? { scan, links: all, reason: 'changed, links all (a file was removed)' }
    : { scan, links: scan, reason: 'changed' };
}

export function manifestOf(current: ReadonlyMap<string, string>, policy: string): CheckManifest {
  return {
    version: 1,
    policy,
    files: Object.fromEntries([...current].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
