/**
 * The digest behind every page's `cacheKey` (Astro's experimental incremental build skips a page whose key and
 * template code are unchanged since the last build). A key must change whenever anything the page shows changes,
 * so it is a digest of the values the page is rendered from: a value left out is a page left stale.
 *
 * Content entries are digested by collection, id and Astro's own digest of their data and body (the whole entry
 * would be slow to serialise 30,000 times, and its `rendered` HTML follows from the body), plus `entryState(entry)`:
 * what the build day does to the entry where it is shown (a notice's 公示 badge, a withdrawal taking effect), so a
 * page re-renders on the day that changes and not on every day. Maps and Sets are digested in order; object keys
 * are sorted, so a digest does not depend on the order fields were set.
 */
import { createHash } from 'node:crypto';

export interface EntryLike {
  id: string;
  collection: string;
  digest?: string;
  data: unknown;
  body?: string;
}

function isEntry(value: object): value is EntryLike {
  return 'collection' in value && 'id' in value && 'data' in value && typeof value.collection === 'string';
}

/** What the build day does to an entry wherever it is shown; undefined when nothing. */
export type EntryState = (entry: EntryLike) => unknown;

/** A stable JSON-like text of `value` (the input of digestOf). */
function stableText(value: unknown, entryState?: EntryState): string {
  const text = (v: unknown) => stableText(v, entryState);
  if (value === undefined) return 'u';
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`cannot digest a ${typeof value}: a page key must be built from data`);
  }
  if (value instanceof Date) return `D${value.toISOString()}`;
  if (Array.isArray(value)) return `[${value.map(text).join(',')}]`;
  if (value instanceof Map) return `M[${[...value].map(([k, v]) => `${text(k)}:${text(v)}`).join(',')}]`;
  if (value instanceof Set) return `S[${[...value].map(text).join(',')}]`;
  if (isEntry(value)) {
    // Astro sets `digest` on every content-layer entry; the fallback keeps entries built by hand (tests) exact.
    const rest = Object.fromEntries(
      Object.entries(value).filter(
        ([key]) => !['id', 'collection', 'digest', 'data', 'body', 'rendered', 'filePath'].includes(key),
      ),
    );
    const own = value.digest ?? text([value.data, value.body ?? null]);
    const state = entryState?.(value);
    const extra = `${Object.keys(rest).length > 0 ? `+${text(rest)}` : ''}${state === undefined ? '' : `@${text(state)}`}`;
    return `E(${value.collection}/${value.id}#${own}${extra})`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    // A class instance may keep its state in private fields, which a digest cannot see: a stale page waiting.
    throw new TypeError(`cannot digest a ${value.constructor.name}: pass the data it was built from`);
  }
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${text((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** SHA-256 (hex, first 32 characters) of stableText(value, entryState). */
export function digestOf(value: unknown, entryState?: EntryState): string {
  return createHash('sha256').update(stableText(value, entryState)).digest('hex').slice(0, 32);
}
