import { describe, expect, it } from 'vitest';
import { entryGroups, entryLabel, unitOf, type PickableEntry } from './entries.ts';
import type { CmsPlace } from './places.ts';

const PLACES: CmsPlace[] = [
  { id: 'yunxi', name: '云溪街道', level: 'street', order: 0 },
  { id: 'taoyuan', name: '桃源村', level: 'village', parent: 'yunxi', order: 1 },
  { id: 'taoyuan-g1', name: '第一网格', level: 'grid', parent: 'taoyuan', order: 1 },
  { id: 'shiqiao', name: '石桥村', level: 'village', parent: 'yunxi', order: 2 },
  { id: 'shiqiao-g2', name: '下石桥网格', level: 'grid', parent: 'shiqiao', order: 2 },
  { id: 'qinghe', name: '清河社区', level: 'community', parent: 'yunxi', order: 3 },
];

const meeting = (id: string, place: string, date: string, title: string, extra = {}): PickableEntry => ({
  id,
  data: { title, place, date, ...extra },
});

const MEETINGS = [
  meeting('2025-08-12-taoyuan-ludeng-tiyi', 'taoyuan', '2025-08-12', '桃源村党总支委员会会议（路灯改造提议）'),
  meeting('2026-06-09-shiqiao-daolu-tiyi', 'shiqiao', '2026-06-09', '石桥村党支部会议（道路硬化提议）'),
  meeting('2026-07-03-shiqiao-daolu-jueyi', 'shiqiao', '2026-07-03', '石桥村村民代表会议（村内道路硬化决议）'),
  meeting('2025-09-02-taoyuan-ludeng-jueyi', 'taoyuan', '2025-09-02', '桃源村村民代表会议（路灯改造决议）'),
  meeting('2026-04-22-qinghe-dianti-yishi', 'qinghe', '2026-04-22', '清河社区居民议事会（加装电梯）'),
];

describe('picking an entry', () => {
  it('groups by village like the place picker, villages in the place list order, newest first, "日期 · 标题"', () => {
    expect(entryGroups('meetings', MEETINGS, PLACES)).toEqual([
      {
        label: '云溪街道 › 桃源村（村）',
        options: [
          { value: '2025-09-02-taoyuan-ludeng-jueyi', label: '2025-09-02 · 桃源村村民代表会议（路灯改造决议）' },
          { value: '2025-08-12-taoyuan-ludeng-tiyi', label: '2025-08-12 · 桃源村党总支委员会会议（路灯改造提议）' },
        ],
      },
      {
        label: '云溪街道 › 石桥村（村）',
        options: [
          { value: '2026-07-03-shiqiao-daolu-jueyi', label: '2026-07-03 · 石桥村村民代表会议（村内道路硬化决议）' },
          { value: '2026-06-09-shiqiao-daolu-tiyi', label: '2026-06-09 · 石桥村党支部会议（道路硬化提议）' },
        ],
      },
      {
        label: '云溪街道 › 清河社区（社区）',
        options: [{ value: '2026-04-22-qinghe-dianti-yishi', label: '2026-04-22 · 清河社区居民议事会（加装电梯）' }],
      },
    ]);
  });

  it("lists the form's own village first, also when the form names one of its grids", () => {
    const labels = (ownPlace: string) => entryGroups('meetings', MEETINGS, PLACES, { ownPlace }).map((g) => g.label);
    expect(labels('shiqiao')).toEqual([
      '云溪街道 › 石桥村（村）',
      '云溪街道 › 桃源村（村）',
      '云溪街道 › 清河社区（社区）',
    ]);
    expect(labels('shiqiao-g2')[0]).toBe('云溪街道 › 石桥村（村）');
    // A place not in the list changes nothing.
    expect(labels('nowhere')[0]).toBe('云溪街道 › 桃源村（村）');
  });

  it("puts a grid's notices under its village, the 街道's own under the 街道, unknown places last under 其他", () => {
    const notices: PickableEntry[] = [
      { id: 'n-grid', data: { title: '下石桥网格通知', place: 'shiqiao-g2', published: '2026-11-24' } },
      { id: 'n-street', data: { title: '云溪街道征兵通告', place: 'yunxi', published: '2026-05-01' } },
      { id: 'n-lost', data: { title: '地点已删除的公告', place: 'gone', published: '2026-01-01' } },
    ];
    expect(entryGroups('notices', notices, PLACES)).toEqual([
      { label: '云溪街道（街道）', options: [{ value: 'n-street', label: '2026-05-01 · 云溪街道征兵通告' }] },
      { label: '云溪街道 › 石桥村（村）', options: [{ value: 'n-grid', label: '2026-11-24 · 下石桥网格通知' }] },
      { label: '其他', options: [{ value: 'n-lost', label: '2026-01-01 · 地点已删除的公告' }] },
    ]);
    expect(unitOf(PLACES, 'taoyuan-g1')?.id).toBe('taoyuan');
    expect(unitOf(PLACES, 'yunxi')?.id).toBe('yunxi');
    expect(unitOf(PLACES, undefined)).toBeUndefined();
  });

  it('marks drafts, withdrawn notices and announced meetings; lists matters (no date) by title', () => {
    expect(entryLabel('notices', { id: 'a', data: { title: '公示', published: '2026-11-01', draft: true } })).toBe(
      '2026-11-01 · 公示（草稿）',
    );
    expect(
      entryLabel('notices', {
        id: 'a',
        data: { title: '公示', published: '2026-11-01', withdrawn: { date: '2026-11-02', reason: '有误' } },
      }),
    ).toBe('2026-11-01 · 公示（已撤回）');
    expect(entryLabel('meetings', meeting('m', 'shiqiao', '2026-12-01', '议事会', { status: 'scheduled' }))).toBe(
      '2026-12-01 · 议事会（预告）',
    );
    const matters: PickableEntry[] = [
      { id: 'taoyuan-zhucan-2027', data: { title: '老年助餐点', place: 'taoyuan' } },
      { id: 'taoyuan-ludeng-2025', data: { title: '桃源路主干道路灯改造', place: 'taoyuan' } },
    ];
    expect(entryGroups('matters', matters, PLACES)[0]?.options).toEqual([
      { value: 'taoyuan-zhucan-2027', label: '老年助餐点' },
      { value: 'taoyuan-ludeng-2025', label: '桃源路主干道路灯改造' },
    ]);
  });

  it('leaves out the entry being edited (a rule is not its own 上一版本)', () => {
    const rules: PickableEntry[] = [
      {
        id: 'taoyuan-cunguiminyue-2019',
        data: { title: '桃源村村规民约（2019年版）', place: 'taoyuan', published: '2019-04-10' },
      },
      {
        id: 'taoyuan-cunguiminyue-2025',
        data: { title: '桃源村村规民约（2025年修订）', place: 'taoyuan', published: '2025-06-25' },
      },
    ];
    const values = entryGroups('rules', rules, PLACES, { self: 'taoyuan-cunguiminyue-2025' }).flatMap((g) =>
      g.options.map((o) => o.value),
    );
    expect(values).toEqual(['taoyuan-cunguiminyue-2019']);
  });
});
