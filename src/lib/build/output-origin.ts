/**
 * Where a problem found in the built site came from: the content file, field and line an editor can fix, rather
 * than the generated page, feed or Pagefind index file that happened to show it (issue 12).
 *
 * Pure: takes parsed-but-unvalidated entries (RawEntry satisfies ContentSource) and a test on text.
 */
import type { z } from 'astro/zod';
import { collections, DATED_COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import type { ContentError } from '../content/friendly-errors.ts';
import { positionOf } from '../content/privacy.ts';
import { describe, labelsAt, type FieldInfo } from '../content/schema-walk.ts';

export interface ContentSource {
  collection: CollectionName;
  id: string;
  file: string;
  data: unknown;
  body?: string;
  bodyLine?: number;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export type ContentLocation = Pick<ContentError, 'file' | 'line' | 'field' | 'label'>;

const ENTRY_PAGE = new RegExp(`^(${DATED_COLLECTIONS.join('|')})/([^/]+)/(?:print/)?index\\.html$`);

/** The entry whose own page (or print page) `outputFile` is, if it is one. */
export function entryOfPage<T extends ContentSource>(outputFile: string, entries: readonly T[]): T | undefined {
  const m = ENTRY_PAGE.exec(outputFile);
  if (m === null) return undefined;
  return entries.find((e) => e.collection === m[1] && e.id === m[2]);
}

const schemaCache = new Map<CollectionName, FieldInfo>();
function schemaInfo(collection: CollectionName): FieldInfo {
  let info = schemaCache.get(collection);
  if (info === undefined) {
    info = describe(collections[collection].schema as z.ZodType);
    schemaCache.set(collection, info);
  }
  return info;
}

function walkStrings(
  value: unknown,
  path: (string | number)[],
  visit: (text: string, path: (string | number)[]) => void,
) {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, [...path, i], visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}

/**
 * The first field (front matter in file order, then the body) of `entry` where `find` returns an index, with the
 * line of that field (or of the hit in the body).
 */
function locateInEntry(entry: ContentSource, find: (text: string) => number | undefined): ContentLocation | undefined {
  let found: ContentLocation | undefined;
  walkStrings(entry.data, [], (text, path) => {
    if (found !== undefined || find(text) === undefined) return;
    const location: ContentLocation = {
      file: entry.file,
      field: path.map(String).join('.'),
      label: labelsAt(schemaInfo(entry.collection), path).join(' › '),
    };
    const line = entry.lineOf?.(path);
    if (line !== undefined) location.line = line;
    found = location;
  });
  if (found !== undefined || entry.body === undefined) return found;
  const index = find(entry.body);
  if (index === undefined) return undefined;
  const location: ContentLocation = { file: entry.file, field: 'body', label: '正文' };
  if (entry.bodyLine !== undefined) location.line = entry.bodyLine + positionOf(entry.body, index).line - 1;
  return location;
}

/** Like locateInEntry over many entries, trying `first` (the page's own entry) before the others. */
export function locateInContent(
  entries: readonly ContentSource[],
  find: (text: string) => number | undefined,
  first?: ContentSource,
): ContentLocation | undefined {
  const ordered = first === undefined ? entries : [first, ...entries.filter((e) => e !== first)];
  for (const entry of ordered) {
    const location = locateInEntry(entry, find);
    if (location !== undefined) return location;
  }
  return undefined;
}

/** A `find` for text containing `needle` as written. */
export function containing(needle: string): (text: string) => number | undefined {
  return (text) => {
    const index = needle === '' ? -1 : text.indexOf(needle);
    return index < 0 ? undefined : index;
  };
}

/**
 * A `find` for a number written with any separators or full-width digits in between (the output scan found it
 * as 110105199001011232; content may hold 110105 1990 0101 1232 or １１０１０５…): compares digits only.
 */
export function containingDigits(digits: string): (text: string) => number | undefined {
  const wanted = digits.toUpperCase();
  return (text) => {
    const normal = text.normalize('NFKC');
    let kept = '';
    const at: number[] = [];
    for (let i = 0; i < normal.length; i += 1) {
      const ch = (normal[i] ?? '').toUpperCase();
      if (/[0-9X]/.test(ch)) {
        kept += ch;
        at.push(i);
      }
    }
    const index = kept.indexOf(wanted);
    return index < 0 ? undefined : Math.min(at[index] ?? 0, text.length);
  };
}
