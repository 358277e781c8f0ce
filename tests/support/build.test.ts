import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedKey } from './build.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-shared-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the key of a shared scenario build', () => {
  const base = 'tests/fixtures/valid-minimal';
  const overlay = 'tests/fixtures/sites/hidden-items';
  const key = sharedKey({ content: [base, overlay], today: '2026-11-24' });

  it('is the same for the same files, day and environment, so parallel test files share one build', () => {
    const copy = path.join(dir, 'copy');
    cpSync(overlay, copy, { recursive: true });
    expect(sharedKey({ content: [base, overlay], today: '2026-11-24' })).toBe(key);
    expect(sharedKey({ content: [base, overlay], today: '2026-11-24', env: {} })).toBe(key);
    // The key is the files' content, not where the folder lives.
    expect(sharedKey({ content: [base, copy], today: '2026-11-24' })).toBe(key);
  });

  it('changes with any byte of content, the day, the environment, the order of the layers or their commits (no stale build)', () => {
    const changed = path.join(dir, 'changed');
    cpSync(overlay, changed, { recursive: true });
    const before = sharedKey({ content: [base, changed], today: '2026-11-24' });
    writeFileSync(path.join(changed, 'notices', '2026-11-10-caogao-ceshi.md'), 'changed');
    expect(sharedKey({ content: [base, changed], today: '2026-11-24' })).not.toBe(before);
    expect(sharedKey({ content: [base, overlay], today: '2026-12-02T16:30:00Z' })).not.toBe(key);
    expect(sharedKey({ content: [base, overlay], today: '2026-11-24', env: { SITE_URL: 'x' } })).not.toBe(key);
    expect(sharedKey({ content: [overlay, base], today: '2026-11-24' })).not.toBe(key);
    const commits = ['初始内容', '更正'];
    const committed = sharedKey({ content: [base, overlay], commits, today: '2026-11-24' });
    expect(committed).not.toBe(key);
    const dated = (second: string) =>
      sharedKey({
        content: [base, overlay],
        commits,
        commitDates: ['2026-10-05T02:00:00Z', second],
        today: '2026-11-24',
      });
    expect(dated('2026-11-02T02:00:00Z')).not.toBe(committed);
    expect(dated('2026-11-03T02:00:00Z')).not.toBe(dated('2026-11-02T02:00:00Z'));
  });
});
