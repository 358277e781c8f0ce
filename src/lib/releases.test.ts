import { describe, expect, it } from 'vitest';
import { releaseName, releasesToPrune } from './releases.ts';

describe('release names', () => {
  it('are UTC timestamps that sort by time and never reuse a taken name', () => {
    const now = new Date('2026-11-23T16:10:00.123Z');
    expect(releaseName(now)).toBe('20261123T161000Z');
    expect(releaseName(now, new Set(['20261123T161000Z', '20261123T161000Z-2']))).toBe('20261123T161000Z-3');
  });
});

describe('pruning old releases', () => {
  const names = ['20261120T161000Z', '20261121T161000Z', '20261122T161000Z', '20261123T161000Z'];

  it('keeps the newest ones and deletes the rest', () => {
    expect(releasesToPrune(names, 2, [])).toEqual(['20261121T161000Z', '20261120T161000Z']);
  });

  it('never deletes the live release, even when it is old (after a failed deploy)', () => {
    expect(releasesToPrune(names, 1, ['20261120T161000Z'])).toEqual(['20261122T161000Z', '20261121T161000Z']);
  });
});
