import { describe, expect, it } from 'vitest';
import { fullPlaceName, monthLabel, placeGroups, withListValues, withoutListValues, type CmsPlace } from './places.ts';

// Three villages each with a grid named 第一网格: the case that filed a 石桥村 notice under 桃源村.
const PLACES: CmsPlace[] = [
  { id: 'yunxi', name: '云溪街道', level: 'street', order: 0 },
  { id: 'taoyuan', name: '桃源村', level: 'village', parent: 'yunxi', order: 1 },
  { id: 'taoyuan-g1', name: '第一网格', level: 'grid', parent: 'taoyuan', order: 1 },
  { id: 'shiqiao', name: '石桥村', level: 'village', parent: 'yunxi', order: 2 },
  { id: 'shiqiao-g1', name: '第一网格', level: 'grid', parent: 'shiqiao', order: 1 },
  { id: 'qinghe', name: '清河社区', level: 'community', parent: 'yunxi', order: 3 },
  { id: 'qinghe-g1', name: '第一网格', level: 'grid', parent: 'qinghe', order: 1 },
];

describe('picking a place', () => {
  it('groups 街道 → 村/社区 → 网格 and names every grid with its village', () => {
    expect(placeGroups({ places: PLACES })).toEqual([
      { label: '云溪街道（街道）', options: [{ value: 'yunxi', label: '云溪街道' }] },
      {
        label: '云溪街道 › 桃源村（村）',
        options: [
          { value: 'taoyuan', label: '桃源村' },
          { value: 'taoyuan-g1', label: '桃源村 · 第一网格' },
        ],
      },
      {
        label: '云溪街道 › 石桥村（村）',
        options: [
          { value: 'shiqiao', label: '石桥村' },
          { value: 'shiqiao-g1', label: '石桥村 · 第一网格' },
        ],
      },
      {
        label: '云溪街道 › 清河社区（社区）',
        options: [
          { value: 'qinghe', label: '清河社区' },
          { value: 'qinghe-g1', label: '清河社区 · 第一网格' },
        ],
      },
    ]);
  });

  it('offers only the levels a field allows (statistics: villages and communities)', () => {
    const values = placeGroups({ places: PLACES }, ['village', 'community']).flatMap((g) =>
      g.options.map((o) => o.value),
    );
    expect(values).toEqual(['taoyuan', 'shiqiao', 'qinghe']);
  });

  it('limited to one village (CMS_PLACE_SCOPE), offers that village and its grids only', () => {
    expect(placeGroups({ places: PLACES, scope: 'shiqiao' })).toEqual([
      {
        label: '云溪街道 › 石桥村（村）',
        options: [
          { value: 'shiqiao', label: '石桥村' },
          { value: 'shiqiao-g1', label: '石桥村 · 第一网格' },
        ],
      },
    ]);
  });
});

describe('list summaries', () => {
  it('reads "石桥村 · 2026年10月" for a stats record and "石桥村 · 第一网格（网格）" for a grid', () => {
    const stats = withListValues({ place: 'shiqiao', month: '2026-10', demands: {} }, PLACES);
    expect([stats.cmsPlaceName, stats.cmsMonth]).toEqual(['石桥村', '2026年10月']);
    const grid = withListValues({ name: '第一网格', level: 'grid', parent: 'shiqiao' }, PLACES);
    expect([grid.cmsPlaceName, grid.cmsLevel]).toEqual(['石桥村 · 第一网格', '网格']);
    expect(fullPlaceName(PLACES, 'qinghe-g1')).toBe('清河社区 · 第一网格');
    expect(monthLabel('2026-01')).toBe('2026年1月');
  });

  it('never writes the list-only values to the file', () => {
    const data = withListValues({ place: 'shiqiao', month: '2026-10' }, PLACES);
    expect(withoutListValues(data)).toEqual({ place: 'shiqiao', month: '2026-10' });
  });
});
