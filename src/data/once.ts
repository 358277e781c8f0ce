/**
 * The one cache of src/data. A static build renders every page from the same content, so a value derived from
 * it is computed once and shared: re-reading a collection on each of 13,000 pages was a fifth of the build's CPU
 * time at 10k entries (docs/performance.md). `astro dev` (npm run cms) computes afresh on every call, so an
 * editor's save shows at once.
 */

/** A value derived from the content, computed once per build in production and on every call in dev. */
export function oncePerBuild<T>(load: () => Promise<T>): () => Promise<T> {
  if (import.meta.env.DEV) return load;
  let cached: Promise<T> | undefined;
  return () => (cached ??= load());
}
