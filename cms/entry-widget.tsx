/**
 * The entry picker (ENTRY_WIDGET): a native <select> of a collection's entries grouped by village, the form's own
 * village first, "日期 · 标题" newest first (cms/entries.ts). Native like the place picker, so it works with the
 * keyboard, screen readers and phone pickers. It stores the entry id (file name), as the relation widget did.
 *
 * The entries come from Decap's own loading (the `query` a widget is given, the one the relation widget used), so
 * they are those of the backend the clerk edits: an entry saved a minute ago or scheduled for next week is
 * listed, with a local folder or GitHub alike. A list of references (a decision's 相关公告) is Decap's list widget
 * with one picker per row (cms/config.ts).
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { entryGroups, type EntryCollection, type PickableEntry } from './entries.ts';
import type { PlaceList } from './places.ts';
import { GroupedOptions } from './grouped-options.tsx';

interface ImmutableLike {
  get: (key: string) => unknown;
  getIn: (path: string[]) => unknown;
}

interface ControlProps {
  value?: string;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  field: { get: (key: string) => unknown };
  entry?: ImmutableLike;
  query: (
    namespace: string,
    collection: string,
    searchFields: string[],
    term: string,
  ) => Promise<{ payload?: { hits?: { slug?: string; data?: Record<string, unknown> }[]; error?: unknown } }>;
}

/** Labels of the entries listed so far (for the preview pane, which gets only the id). */
const labels = new Map<string, string>();

/**
 * Entries of a collection, loaded once for all the pickers of a form (a matter's steps have two each) and again
 * after a few seconds, so a notice saved in the meantime is listed when the next form opens.
 */
const loads = new Map<string, { at: number; entries: Promise<PickableEntry[]> }>();
const FRESH_MS = 10_000;

function load(props: ControlProps, collection: string): Promise<PickableEntry[]> {
  const cached = loads.get(collection);
  if (cached !== undefined && Date.now() - cached.at < FRESH_MS) return cached.entries;
  const entries = props.query(props.forID, collection, ['title'], '').then((action) => {
    if (action.payload?.hits === undefined) throw new Error(`${collection}: ${String(action.payload?.error)}`);
    return action.payload.hits
      .filter((hit) => typeof hit.slug === 'string')
      .map((hit) => ({ id: hit.slug as string, data: hit.data ?? {} }));
  });
  // A failed load is tried again by the next picker.
  entries.catch(() => loads.delete(collection));
  loads.set(collection, { at: Date.now(), entries });
  return entries;
}

export function entryControl(list: PlaceList) {
  return function EntryControl(props: ControlProps) {
    const collection = props.field.get('entry_collection') as EntryCollection;
    const [entries, setEntries] = useState<PickableEntry[] | undefined>(undefined);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      let live = true;
      load(props, collection).then(
        (loaded) => live && setEntries(loaded),
        (error: unknown) => {
          console.warn('entry picker: entries not loaded', error);
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
      // One load per mounted picker and collection: props change with every keystroke elsewhere in the form.
    }, [collection]);
    const ownPlace = props.entry?.getIn(['data', 'place']);
    const self = props.entry?.get('slug');
    const groups =
      entries === undefined
        ? []
        : entryGroups(collection, entries, list.places, {
            ownPlace: typeof ownPlace === 'string' && ownPlace !== '' ? ownPlace : list.scope,
            self: typeof self === 'string' && self !== '' ? self : undefined,
          });
    for (const option of groups.flatMap((g) => g.options)) labels.set(`${collection}/${option.value}`, option.label);
    const value = props.value ?? '';
    const known = groups.some((g) => g.options.some((o) => o.value === value));
    return (
      <select
        id={props.forID}
        className={props.classNameWrapper}
        value={value}
        aria-busy={entries === undefined && !failed}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => props.onChange(event.target.value)}
        onFocus={props.setActiveStyle}
        onBlur={props.setInactiveStyle}
        style={{ width: '100%', minHeight: '44px', fontSize: '16px' }}
      >
        <option value="">
          {failed ? '（列表载入失败，请刷新页面）' : entries === undefined ? '（正在载入…）' : '（请选择）'}
        </option>
        {value !== '' && !known && (
          <option value={value}>
            {entries === undefined && !failed ? value : `${value}（列表中没有，请重新选择）`}
          </option>
        )}
        <GroupedOptions groups={groups} />
      </select>
    );
  };
}

export function EntryPreview({ value, field }: { value?: string; field: { get: (key: string) => unknown } }) {
  const collection = String(field.get('entry_collection'));
  return <span>{value === undefined ? '' : (labels.get(`${collection}/${value}`) ?? value)}</span>;
}
