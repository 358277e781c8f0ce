/**
 * The place picker (PLACE_WIDGET): a native <select> grouped 街道 → 村/社区 → 网格 with full names, built from the
 * place list the admin page carries (cms/places.ts). Native, so it works with the keyboard, screen readers and
 * phone pickers, and is as wide as the screen at 360 px.
 */
import type { ChangeEvent } from 'react';
import type { PlaceLevel } from '../src/schemas/place.ts';
import { placeGroups, type PlaceList } from './places.ts';
import { GroupedOptions } from './grouped-options.tsx';

interface ControlProps {
  value?: string;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  field: { get: (key: string) => unknown };
}

export function placeControl(list: PlaceList) {
  return function PlaceControl(props: ControlProps) {
    const levels = props.field.get('place_levels') as { toJS?: () => PlaceLevel[] } | undefined;
    const groups = placeGroups(list, levels?.toJS?.());
    const value = props.value ?? '';
    const known = groups.some((g) => g.options.some((o) => o.value === value));
    return (
      <select
        id={props.forID}
        className={props.classNameWrapper}
        value={value}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => props.onChange(event.target.value)}
        onFocus={props.setActiveStyle}
        onBlur={props.setInactiveStyle}
        style={{ width: '100%', minHeight: '44px', fontSize: '16px' }}
      >
        <option value="">请选择…</option>
        {value !== '' && !known && <option value={value}>{value}（不在可选范围内，请重新选择）</option>}
        <GroupedOptions groups={groups} />
      </select>
    );
  };
}

export function placePreview(list: PlaceList) {
  return function PlacePreview({ value }: { value?: string }) {
    const name = list.places.find((p) => p.id === value)?.name;
    return <span>{name ?? value ?? ''}</span>;
  };
}
