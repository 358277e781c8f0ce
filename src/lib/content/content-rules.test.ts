import { describe, expect, it } from 'vitest';
import type { Stats } from '../../schemas/stats.ts';
import { emptyCounts } from '../stats/model.ts';
import { crossFileErrors, type Content, type Entry } from './content-rules.ts';
import { isPublic } from '../record/publishing.ts';

const TODAY = '2026-11-24';

function place(id: string, level: 'street' | 'village' | 'grid', parent?: string) {
  const data = { name: `${id}地点`, level, order: 0, gridWorkers: [], ...(parent ? { parent } : {}) };
  return { id, file: `content/places/${id}.json`, data } as Entry<Content['places'][number]['data']>;
}

function stats(id: string, placeId: string, month: string): Entry<Stats> {
  return { id, file: `content/stats/${id}.json`, data: { ...emptyCounts(), place: placeId, month } };
}

function content(overrides: Partial<Content> = {}): Content {
  return {
    site: undefined,
    places: [place('town', 'street'), place('east', 'village', 'town'), place('east-g1', 'grid', 'east')],
    notices: [],
    meetings: [],
    stats: [],
    matters: [],
    legal: [],
    finance: [],
    registers: [],
    rules: [],
    ...overrides,
  };
}

const messages = (c: Content) => crossFileErrors(c, TODAY).map((e) => `${e.file} ${e.field}: ${e.message}`);

describe('rules across files', () => {
  it('finds nothing wrong in a consistent hierarchy', () => {
    expect(messages(content({ stats: [stats('east-2026-10', 'east', '2026-10')] }))).toEqual([]);
  });

  it('names a parent that does not exist and lists the ids that do', () => {
    const errors = crossFileErrors(
      content({ places: [place('town', 'street'), place('west', 'village', 'nowhere')] }),
      TODAY,
    );
    expect(errors[0]).toMatchObject({ field: 'parent', message: '找不到上级地点“nowhere”' });
    expect(errors[0]?.fix).toContain('town（town地点）');
  });

  it('refuses a grid placed directly under the street', () => {
    expect(messages(content({ places: [place('town', 'street'), place('g', 'grid', 'town')] }))).toEqual([
      'content/places/g.json parent: 网格不能直接隶属于街道“town地点”',
    ]);
  });

  it('refuses statistics for a month that has not started in China yet', () => {
    expect(messages(content({ stats: [stats('east-2026-12', 'east', '2026-12')] }))).toEqual([
      'content/stats/east-2026-12.json month: 2026-12 还没到（今天是 2026-11-24）',
    ]);
  });

  it('allows only one record per place and month, naming the other file', () => {
    const twice = [stats('east-2026-10', 'east', '2026-10'), stats('east-2026-10-copy', 'east', '2026-10')];
    expect(messages(content({ stats: twice }))).toEqual([
      'content/stats/east-2026-10-copy.json month: 文件名“east-2026-10-copy”与地点、月份不一致',
      'content/stats/east-2026-10-copy.json month: east 在 2026-10 已有一份统计（content/stats/east-2026-10.json）',
    ]);
  });
});

describe('what is public on the build day', () => {
  it('hides drafts and items scheduled after today, and shows items published today', () => {
    expect(isPublic({ published: '2026-11-24' }, TODAY)).toBe(true);
    expect(isPublic({ published: '2026-11-25' }, TODAY)).toBe(false);
    expect(isPublic({ published: '2026-01-01', draft: true }, TODAY)).toBe(false);
  });
});

describe('the public record (issue 18)', () => {
  const notice = (id: string, extra: object = {}) =>
    ({
      id,
      file: `content/notices/${id}.md`,
      data: { place: 'east', published: '2026-11-20', movedFrom: [], changes: [], ...extra },
    }) as unknown as Content['notices'][number];

  it('refuses a replacement notice that does not exist, or the notice itself', () => {
    const gone = notice('a', { withdrawn: { date: '2026-11-21', reason: '名单有误', supersededBy: 'b' } });
    const self = notice('c', { withdrawn: { date: '2026-11-21', reason: '名单有误', supersededBy: 'c' } });
    expect(messages(content({ notices: [gone, self] }))).toEqual([
      'content/notices/a.md withdrawn.supersededBy: 找不到公告“b”',
      'content/notices/c.md withdrawn.supersededBy: 替代公告不能是本公告自己',
    ]);
  });

  it('refuses an old id that is still a current one', () => {
    const moved = notice('new', { movedFrom: ['old'] });
    expect(messages(content({ notices: [moved, notice('old')] }))).toEqual([
      'content/notices/new.md movedFrom.0: 原编号 old 还是另一条内容现在的编号，旧网址不能同时指向两处',
    ]);
    expect(messages(content({ notices: [notice('x', { movedFrom: ['x'] })] }))).toEqual([
      'content/notices/x.md movedFrom.0: 原编号 x 就是本条现在的文件名',
    ]);
  });
});
