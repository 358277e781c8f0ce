/**
 * The <optgroup>s of a grouped native select, shared by the place picker (cms/place-widget.tsx) and the entry picker
 * (cms/entry-widget.tsx): one group per 街道 or village, its options in the given order.
 */
import type { PlaceGroup } from './places.ts';

export function GroupedOptions({ groups }: { groups: readonly PlaceGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
