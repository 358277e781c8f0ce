import { describe, expect, it } from 'vitest';
import { parseKeepReleases, releaseName, releasesToPrune } from './releases.ts';

describe('release names', () => {
  it('are UTC timestamps that sort by time and never reuse a taken name', () => {
    const now = new Date('2026-11-23T16:10:00.123Z');
    expect(releaseName(now)).toBe('20261123T161000Z');
    expect(releaseName(now, new Set(['20261123T161000Z', '20261123T161000Z-2']))).toBe('20261123T161000Z-3');
  });
});

describe('pruning old releases', () => {
  const complete = (name: string) => ({ name, complete: true });
  const names = ['20261120T161000Z', '20261121T161000Z', '20261122T161000Z', '20261123T161000Z'];

  it('keeps the newest ones and deletes the rest', () => {
    expect(releasesToPrune(names.map(complete), 2, [])).toEqual(['20261121T161000Z', '20261120T161000Z']);
  });

  it('never deletes the live release, even when it is old (after a failed deploy)', () => {
    expect(releasesToPrune(names.map(complete), 1, ['20261120T161000Z'])).toEqual([
      '20261122T161000Z',
      '20261121T161000Z',
    ]);
  });

  it('keeps complete releases, never an interrupted one in their place (issue 12)', () => {
    const releases = [...names.map(complete), { name: '20261124T161000Z', complete: false }];
    expect(releasesToPrune(releases, 2, [])).toEqual(['20261124T161000Z', '20261121T161000Z', '20261120T161000Z']);
  });

  it('orders deploys of the same second by their number and ignores folders that are not releases', () => {
    const releases = ['20261123T161000Z', '20261123T161000Z-2', '20261123T161000Z-10', '.x.building-12'].map(complete);
    expect(releasesToPrune(releases, 1, [])).toEqual(['20261123T161000Z-2', '20261123T161000Z']);
  });
});

describe('KEEP_RELEASES', () => {
  it('is a positive whole number, 5 when unset', () => {
    expect(parseKeepReleases(undefined)).toEqual({ keep: 5 });
    expect(parseKeepReleases(' 2 ')).toEqual({ keep: 2 });
  });

  it('refuses words, zero, negatives and fractions with a message', () => {
    for (const value of ['five', '0', '-1', '2.5', '3x']) {
      expect(parseKeepReleases(value)).toEqual({
        error: `KEEP_RELEASES="${value}" 不是正整数：请写 1 或更大的整数（如 KEEP_RELEASES=5），或不设置（默认保留 5 个）`,
      });
    }
  });
});
