import { describe, expect, it } from 'vitest';
import { categoryChoices, offers, placeChoices, placeOutline, type PlaceEntry } from './search-choices.ts';

const places: PlaceEntry[] = [
  { id: 'shiqiao-g1', parent: 'shiqiao', order: 1, name: '石桥村上石桥网格' },
  { id: 'taoyuan-g2', parent: 'taoyuan', order: 2, name: '桃源村第二网格' },
  { id: 'shiqiao', parent: 'yunxi', order: 2, name: '石桥村' },
  { id: 'yunxi', name: '云溪街道' },
  { id: 'taoyuan', parent: 'yunxi', order: 1, name: '桃源村' },
  { id: 'taoyuan-g1', parent: 'taoyuan', order: 1, name: '桃源村第一网格' },
];

describe('placeOutline', () => {
  it('lists places depth first in the order the tree gives them, not by name', () => {
    expect(placeOutline(places)).toEqual([
      { name: '云溪街道', depth: 0 },
      { name: '桃源村', depth: 1 },
      { name: '桃源村第一网格', depth: 2 },
      { name: '桃源村第二网格', depth: 2 },
      { name: '石桥村', depth: 1 },
      { name: '石桥村上石桥网格', depth: 2 },
    ]);
  });

  it('starts a place whose parent is missing at the top instead of dropping it', () => {
    expect(placeOutline([{ id: 'a-g1', parent: 'a', name: 'A第一网格' }])).toEqual([{ name: 'A第一网格', depth: 0 }]);
  });
});

describe('placeChoices', () => {
  const outline = placeOutline(places);

  it('offers the 街道, then each village as a group with itself and its grids, in tree order', () => {
    const available = ['石桥村上石桥网格', '桃源村第二网格', '石桥村', '云溪街道', '桃源村', '桃源村第一网格'];
    expect(placeChoices(available, outline)).toEqual([
      { values: ['云溪街道'] },
      { label: '桃源村', values: ['桃源村', '桃源村第一网格', '桃源村第二网格'] },
      { label: '石桥村', values: ['石桥村', '石桥村上石桥网格'] },
    ]);
  });

  it('offers only places with pages, keeps a village group for its grids alone, and lists unknown names last', () => {
    expect(placeChoices(['桃源村第二网格', '旧村名', '石桥村', '安置点'], outline)).toEqual([
      { label: '桃源村', values: ['桃源村第二网格'] },
      { label: '石桥村', values: ['石桥村'] },
      { values: ['安置点', '旧村名'] },
    ]);
  });
});

describe('categoryChoices', () => {
  const byType = {
    普法: ['邻里关系', '婚姻家庭'],
    公告: ['财务公开', '党务公开', '村务公开'],
    地点: [],
    统计: ['矛盾纠纷', '村务公开'],
  };

  it("offers only the chosen type's categories, in pinyin order", () => {
    expect(categoryChoices(byType, '公告')).toEqual([{ values: ['财务公开', '村务公开', '党务公开'] }]);
    expect(categoryChoices(byType, '地点')).toEqual([]);
    expect(categoryChoices(byType, '未知')).toEqual([]);
  });

  it('with no type chosen, groups every category under its type, types in their fixed order, each category once', () => {
    expect(categoryChoices(byType)).toEqual([
      { label: '公告', values: ['财务公开', '村务公开', '党务公开'] },
      { label: '统计', values: ['矛盾纠纷'] },
      { label: '普法', values: ['婚姻家庭', '邻里关系'] },
    ]);
  });

  it('tells whether a value is offered', () => {
    expect(offers(categoryChoices(byType, '普法'), '婚姻家庭')).toBe(true);
    expect(offers(categoryChoices(byType, '普法'), '财务公开')).toBe(false);
  });
});
