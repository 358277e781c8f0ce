import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChangeHistory, parseGitLog } from './change-history.ts';

const R = '\x1e';
const F = '\x1f';
// What `git log --format=<GIT_LOG_FORMAT> --name-status -M` prints, newest first.
const sample = [
  `${R}c3c3c3c3c3${F}2026-11-22T01:30:00+00:00${F}更新公告“东村财务公开”\n\nM\tcontent/notices/2026-11-20-caiwu.md\n`,
  `${R}b2b2b2b2b2${F}2026-11-20T17:00:00+00:00${F}重命名\n\nR095\tcontent/notices/old-name.md\tcontent/notices/2026-11-20-caiwu.md\nM\tcontent/site.json\n`,
  `${R}a1a1a1a1a1${F}2026-11-19T09:00:00+08:00${F}新建公告\n\nA\tcontent/notices/old-name.md\nD\tcontent/notices/gone.md\n`,
].join('');

describe('change history from git', () => {
  it('lists a file’s changes newest first, following a rename back to its old name', () => {
    const history = parseGitLog(sample).get('content/notices/2026-11-20-caiwu.md');
    expect(history?.map((c) => [c.date, c.kind, c.commit])).toEqual([
      ['2026-11-22', 'modified', 'c3c3c3c'],
      // 17:00 UTC on the 20th is already the 21st in China.
      ['2026-11-21', 'renamed', 'b2b2b2b'],
      ['2026-11-19', 'added', 'a1a1a1a'],
    ]);
    expect(history?.[0]?.subject).toBe('更新公告“东村财务公开”');
  });

  it('shows a neutral word, not the subject, for a commit that changed several files (issue 12)', () => {
    // b2b2b2b renamed the notice and changed site.json in one commit: its subject may name another entry.
    const history = parseGitLog(sample);
    expect(history.get('content/notices/2026-11-20-caiwu.md')?.map((c) => c.subject)).toEqual([
      '更新公告“东村财务公开”',
      '改名',
      // a1a1a1a added it and deleted another notice.
      '新建',
    ]);
    expect(history.get('content/site.json')?.map((c) => c.subject)).toEqual(['修改']);
  });

  it('keeps other files separate and ignores deletions', () => {
    const history = parseGitLog(sample);
    expect(history.get('content/site.json')).toHaveLength(1);
    expect(history.has('content/notices/gone.md')).toBe(false);
    expect(history.has('content/notices/old-name.md')).toBe(false);
  });

  it('reads nothing from empty output', () => {
    expect(parseGitLog('').size).toBe(0);
  });

  it('returns an empty history outside a git checkout instead of failing the build', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-nogit-'));
    writeFileSync(path.join(dir, 'a.md'), 'x');
    const history = await loadChangeHistory(dir);
    expect(history.of(path.join(dir, 'a.md'))).toEqual([]);
  });

  it('reads a real repository once and knows committed files but not uncommitted ones', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-git-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir });
    git('init', '-q');
    writeFileSync(path.join(dir, 'first.md'), 'one');
    git('add', 'first.md');
    git('commit', '-q', '-m', '新建');
    renameSync(path.join(dir, 'first.md'), path.join(dir, 'second.md'));
    git('add', '-A');
    git('commit', '-q', '-m', '改名');
    writeFileSync(path.join(dir, 'draft.md'), 'not committed');
    const history = await loadChangeHistory(dir);
    expect(history.of(path.join(dir, 'second.md')).map((c) => c.subject)).toEqual(['改名', '新建']);
    expect(history.of(path.join(dir, 'draft.md'))).toEqual([]);
  });

  it('knows the day of the latest committed change under a folder (for "更新于"), not the build time', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-git-last-'));
    const git = (date: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        cwd: dir,
        env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
      });
    git('2026-01-01T00:00:00Z', 'init', '-q');
    mkdirSync(path.join(dir, 'stats'));
    writeFileSync(path.join(dir, 'stats', 'a-2026-09.json'), '{}');
    git('2026-10-05T02:00:00Z', 'add', '-A');
    git('2026-10-05T02:00:00Z', 'commit', '-q', '-m', '九月统计');
    writeFileSync(path.join(dir, 'site.json'), '{}');
    git('2026-11-20T02:00:00Z', 'add', '-A');
    git('2026-11-20T02:00:00Z', 'commit', '-q', '-m', '站点');
    const history = await loadChangeHistory(dir);
    expect(history.lastChangeUnder(path.join(dir, 'stats'))).toBe('2026-10-05');
    expect(history.lastChangeUnder(dir)).toBe('2026-11-20');
    expect(history.lastChangeUnder(path.join(dir, 'notices'))).toBeUndefined();
  });
});
