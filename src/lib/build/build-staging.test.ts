import { describe, expect, it } from 'vitest';
import { leftoverActions, previousName, stagingName } from './build-staging.ts';

describe('leftovers of killed builds beside the output folder', () => {
  const dead = () => false;

  it('removes a half-built site and keeps the folders of a build still running', () => {
    const names = [
      stagingName('dist', 41),
      stagingName('dist', 42),
      'dist',
      'dist.build-report.json',
      '.other.building-7',
    ];
    expect(leftoverActions(names, 'dist', true, (pid) => pid === 42)).toEqual([
      { name: '.dist.building-41', action: 'remove' },
    ]);
  });

  it('puts the previous site back when a run was killed between the two renames of the swap', () => {
    const names = [stagingName('dist', 41), previousName('dist', 41)];
    expect(leftoverActions(names, 'dist', false, dead)).toEqual([
      { name: '.dist.building-41', action: 'remove' },
      { name: '.dist.old-41', action: 'restore' },
    ]);
    // Once the new site is in place, the old one is only removed.
    expect(leftoverActions([previousName('dist', 41)], 'dist', true, dead)).toEqual([
      { name: '.dist.old-41', action: 'remove' },
    ]);
  });
});
