import { describe, expect, it } from 'vitest';
import { checkScope, manifestOf } from './check-manifest.ts';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
const last = manifestOf(files({ 'a/index.html': '1', 'b/index.html': '2', 'c.csv': '3' }), 'p1');

describe('checkScope: what the post-build checks read', () => {
  it('reads everything without a manifest, with an unknown one, under another policy, or when asked to', () => {
    const now = files({ 'a/index.html': '1', 'b/index.html': '2' });
    expect(checkScope(undefined, now, 'p1', false)).toMatchObject({ reason: 'full', scan: new Set(now.keys()) });
    expect(checkScope(last, now, 'p1', true).reason).toBe('full');
    expect(checkScope({ ...last, version: 2 as 1 }, now, 'p1', false).reason).toBe('full');
    // A phone number newly allowed or no longer allowed changes what passes: everything is read again.
    expect(checkScope(last, now, 'p2', false).reason).toBe('full');
  });

  it('reads only new and changed files when nothing was removed, links included', () => {
    const now = files({ 'a/index.html': '1', 'b/index.html': '2-edited', 'c.csv': '3', 'd/index.html': '4' });
    const scope = checkScope(last, now, 'p1', false);
    expect([...scope.scan].sort()).toEqual(['b/index.html', 'd/index.html']);
    expect(scope.links).toEqual(scope.scan);
    expect(scope.reason).toBe('changed');
  });

  it("checks every page's links again when a file of the last build is gone (a link to it would break)", () => {
    const now = files({ 'a/index.html': '1', 'c.csv': '3' });
    const scope = checkScope(last, now, 'p1', false);
    expect([...scope.scan]).toEqual([]);
    expect([...scope.links].sort()).toEqual(['a/index.html', 'c.csv']);
  });
});
