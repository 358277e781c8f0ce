import { describe, expect, it } from 'vitest';
import { digestOf, type EntryLike } from './cache-key.ts';

const notice = (digest: string, extra: Record<string, unknown> = {}): EntryLike & Record<string, unknown> => ({
  id: '2026-11-01-a',
  collection: 'notices',
  digest,
  data: { title: 'x' },
  body: 'b',
  ...extra,
});

describe('digestOf, the input of every page key', () => {
  it('changes with any value inside, wherever it is nested', () => {
    const base = { items: [{ title: '一', n: 1 }], map: new Map([['a', 1]]), set: new Set(['x']) };
    const same = { set: new Set(['x']), map: new Map([['a', 1]]), items: [{ n: 1, title: '一' }] };
    expect(digestOf(same)).toBe(digestOf(base));
    expect(digestOf({ ...base, items: [{ title: '一', n: 2 }] })).not.toBe(digestOf(base));
    expect(digestOf({ ...base, map: new Map([['a', 2]]) })).not.toBe(digestOf(base));
    expect(digestOf({ ...base, set: new Set(['y']) })).not.toBe(digestOf(base));
    expect(digestOf({ ...base, extra: undefined })).not.toBe(digestOf(base));
    expect(digestOf([1, '1'])).not.toBe(digestOf(['1', 1]));
  });

  it('digests a content entry by its id and Astro digest, plus fields added to it, plus its state on the day', () => {
    expect(digestOf(notice('d1'))).toBe(digestOf({ ...notice('d1'), data: { title: 'ignored: the digest says' } }));
    expect(digestOf(notice('d2'))).not.toBe(digestOf(notice('d1')));
    expect(digestOf(notice('d1', { attendance: 3 }))).not.toBe(digestOf(notice('d1')));
    const state = (day: string) => (e: EntryLike) => (e.collection === 'notices' ? day : undefined);
    expect(digestOf([notice('d1')], state('公示中，剩余3天'))).not.toBe(
      digestOf([notice('d1')], state('公示中，剩余2天')),
    );
    expect(digestOf([notice('d1')], state('公示期已满'))).toBe(digestOf([notice('d1')], state('公示期已满')));
    // Without Astro's digest (an entry built by hand), the data and body are digested instead.
    const bare = { id: 'a', collection: 'legal', data: { title: '一' }, body: '正文' };
    expect(digestOf({ ...bare, body: '正文改' })).not.toBe(digestOf(bare));
  });

  it('refuses what it cannot see into: functions and class instances (their private fields would be missed)', () => {
    class Tree {
      #nodes = new Map([['a', 1]]);
      size(): number {
        return this.#nodes.size;
      }
    }
    expect(() => digestOf({ tree: new Tree() })).toThrow(/cannot digest a Tree/);
    expect(() => digestOf({ f: () => 1 })).toThrow(/cannot digest a function/);
  });
});
