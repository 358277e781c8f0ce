import { describe, expect, it } from 'vitest';
import type { FileChange } from './change-history.ts';
import { feedRecord, indexNumber, lastUpdated, majorChanges, unnotedEdits } from './public-record.ts';

const commit = (date: string, kind: FileChange['kind'] = 'modified'): FileChange => ({
  date,
  subject: '修改',
  commit: 'abc1234',
  kind,
});

describe('更新于', () => {
  it('is the newest major change; minor changes never move it', () => {
    const changes = [
      { date: '2026-11-10', note: '更正第3项金额', major: true },
      { date: '2026-11-12', note: '修改错别字', major: false },
    ];
    expect(lastUpdated(changes, [commit('2026-11-12'), commit('2026-11-01', 'added')])).toBe('2026-11-10');
    expect(majorChanges(changes).map((c) => c.note)).toEqual(['更正第3项金额']);
  });

  it('is absent when all change notes are minor, and the last git edit when there are no notes', () => {
    expect(lastUpdated([{ date: '2026-11-12', note: '修改错别字', major: false }], [commit('2026-11-12')])).toBe(
      undefined,
    );
    expect(lastUpdated([], [commit('2026-11-12'), commit('2026-11-01', 'added')])).toBe('2026-11-12');
    expect(lastUpdated([], [commit('2026-11-01', 'added')])).toBe(undefined);
  });
});

describe('feed items', () => {
  const published = '2026-11-01';
  it('say 【已撤回】 with the reason from the withdrawal day on', () => {
    const withdrawn = { date: '2026-11-20', reason: '名单有误，已重新公示' };
    expect(feedRecord({ published, changes: [], withdrawn }, '2026-11-24')).toEqual({
      titlePrefix: '【已撤回】',
      date: '2026-11-20',
      lead: '已撤回（2026-11-20）：名单有误，已重新公示',
      guidSuffix: '#withdrawn-2026-11-20',
    });
    expect(feedRecord({ published, changes: [], withdrawn }, '2026-11-19').titlePrefix).toBe('');
  });

  it('say 【更正】 dated the newest major change, and stay plain for minor ones', () => {
    const major = { date: '2026-11-05', note: '更正补贴金额', major: true };
    const minor = { date: '2026-11-06', note: '修改错别字', major: false };
    const record = feedRecord({ published, changes: [major, minor] }, '2026-11-24');
    expect(record).toMatchObject({ titlePrefix: '【更正】', date: '2026-11-05', guidSuffix: '#changed-2026-11-05' });
    expect(record.lead).toBe('更正说明（2026-11-05）：更正补贴金额');
    expect(feedRecord({ published, changes: [minor] }, '2026-11-24')).toEqual({
      titlePrefix: '',
      date: published,
      guidSuffix: '',
    });
  });
});

describe('edits without a change note', () => {
  const history = [commit('2026-11-20'), commit('2026-11-10'), commit('2026-11-01'), commit('2026-10-30', 'added')];
  const today = '2026-11-24';

  it('are git edits after publication and after the newest note', () => {
    const at = (changes: { date: string; note: string; major: boolean }[]) =>
      unnotedEdits({ published: '2026-11-01', changes }, history, today).map((c) => c.date);
    expect(at([])).toEqual(['2026-11-20', '2026-11-10']);
    expect(at([{ date: '2026-11-10', note: '更正', major: true }])).toEqual(['2026-11-20']);
    expect(at([{ date: '2026-11-20', note: '修改错别字', major: false }])).toEqual([]);
  });

  it('are explained by a withdrawal, and not judged when renamed or dated after the build day', () => {
    const withdrawn = { date: '2026-11-20', reason: '名单有误' };
    expect(unnotedEdits({ published: '2026-11-01', changes: [], withdrawn }, history, today)).toEqual([]);
    expect(unnotedEdits({ published: '2026-11-01', changes: [] }, [commit('2026-11-05', 'renamed')], today)).toEqual(
      [],
    );
    expect(unnotedEdits({ published: '2026-11-01', changes: [] }, [commit('2026-11-25')], today)).toEqual([]);
  });
});

describe('索引号', () => {
  it('is derived from the id alone: the same on every build, different for another notice', () => {
    const a = indexNumber('2026-11-20-jinxiu-tingchewei-zhengqiu', 'jinxiu');
    expect(a).toMatch(/^JINXIU-2026-\d{6}$/);
    expect(indexNumber('2026-11-20-jinxiu-tingchewei-zhengqiu', 'jinxiu')).toBe(a);
    expect(indexNumber('2026-11-20-jinxiu-caiwu', 'jinxiu')).not.toBe(a);
  });
});
