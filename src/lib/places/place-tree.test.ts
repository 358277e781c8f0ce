import { describe, expect, it } from 'vitest';
import { PlaceTree } from './place-tree.ts';

const tree = new PlaceTree([
  { id: 'town' },
  { id: 'b', parent: 'town', order: 2 },
  { id: 'a', parent: 'town', order: 1 },
  { id: 'a-g1', parent: 'a' },
  { id: 'orphan', parent: 'missing' },
]);

describe('the place hierarchy', () => {
  it('lists children in editor order', () => {
    expect(tree.children('town').map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('gives the breadcrumb trail from the top down', () => {
    expect(tree.ancestors('a-g1').map((p) => p.id)).toEqual(['town', 'a']);
    expect(tree.ancestors('town')).toEqual([]);
  });

  it('stops at a missing parent instead of failing', () => {
    expect(tree.ancestors('orphan')).toEqual([]);
  });

  it('collects a place and everything below it', () => {
    expect([...tree.subtreeIds('a')].sort()).toEqual(['a', 'a-g1']);
    expect(tree.subtreeIds('town').size).toBe(4);
  });

  it('survives a cycle in bad data', () => {
    const cyclic = new PlaceTree([
      { id: 'x', parent: 'y' },
      { id: 'y', parent: 'x' },
    ]);
    expect(cyclic.ancestors('x').map((p) => p.id)).toEqual(['y']);
    expect(cyclic.subtreeIds('x').size).toBe(2);
  });
});
