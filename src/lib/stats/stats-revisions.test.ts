import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChangeHistory, loadFileVersions } from '../record/change-history.ts';
import { describeChange, diffRecords, revisionsOf } from './stats-revisions.ts';

describe('revision log of a statistics record', () => {
  it('tells a corrected figure (修订) from detail filled in later (补充)', () => {
    const before = JSON.stringify({ demands: { received: 40, resolved: 39 }, note: 'a' });
    const after = JSON.stringify({ demands: { received: 40, resolved: 41 }, closedLoop: { timeliness: { late: 2 } } });
    const { revised, added } = diffRecords(before, after);
    expect(revised.map((c) => describeChange(c))).toEqual(['demands.resolved：39 → 41', 'note：a → （删除）']);
    expect(added.map((c) => describeChange(c))).toEqual(['closedLoop.timeliness.late：（无） → 2']);
  });

  it('reads every committed version from git in one process and lists the revisions oldest first', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-revisions-'));
    const git = (date: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        cwd: dir,
        env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
      });
    git('2026-01-01T00:00:00Z', 'init', '-q');
    mkdirSync(path.join(dir, 'stats'));
    const file = path.join(dir, 'stats', 'dongcun-2026-09.json');
    const save = (resolved: number, date: string) => {
      writeFileSync(file, JSON.stringify({ demands: { received: 40, resolved } }, null, 2));
      git(date, 'add', '-A');
      git(date, 'commit', '-q', '-m', `resolved ${resolved}`);
    };
    save(39, '2026-10-05T02:00:00Z');
    save(41, '2026-10-20T02:00:00Z');
    save(38, '2026-11-02T02:00:00Z');
    const history = (await loadChangeHistory(dir)).of(file);
    const versions = await loadFileVersions(dir, new Map([[file, history.map((h) => h.commit)]]));
    const texts = versions.get(file) ?? [];
    const revisions = revisionsOf(history.map((h, i) => ({ date: h.date, commit: h.commit, text: texts[i] })));
    expect(revisions.map((r) => [r.date, r.revised.map((c) => describeChange(c))])).toEqual([
      ['2026-10-20', ['demands.resolved：39 → 41']],
      ['2026-11-02', ['demands.resolved：41 → 38']],
    ]);
  });

  it('has no versions outside git', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-norev-'));
    const versions = await loadFileVersions(dir, new Map([[path.join(dir, 'a.json'), ['abc1234']]]));
    expect(versions.get(path.join(dir, 'a.json'))).toEqual([undefined]);
  });
});
