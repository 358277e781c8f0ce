import { describe, expect, it } from 'vitest';
import { ruleSchema, type Rule } from '../../schemas/rule.ts';
import { checkEntry, gateContext, type GateContext, type GateEntry } from '../content/content-gate.ts';
import type { Content } from '../content/content-rules.ts';
import { laterVersions, ruleProblems, versionChain, type RuleSummary } from './rules.ts';

const places = [
  { id: 'town', file: 'content/places/town.json', data: { name: '云溪街道', level: 'street' } },
  { id: 'east', file: 'content/places/east.json', data: { name: '东村', level: 'village' } },
  { id: 'west', file: 'content/places/west.json', data: { name: '西村', level: 'village' } },
  { id: 'east-g1', file: 'content/places/east-g1.json', data: { name: '东村第一网格', level: 'grid' } },
];
const meetings = [{ id: '2025-06-18-east-jueyi', file: 'content/meetings/2025-06-18-east-jueyi.md', data: {} }];

function rule(id: string, data: Partial<RuleSummary> = {}) {
  return {
    id,
    file: `content/rules/${id}.md`,
    data: {
      kind: 'village-rules',
      place: 'east',
      status: 'current',
      meeting: '2025-06-18-east-jueyi',
      ...data,
    } as RuleSummary,
  };
}

const messages = (...rules: ReturnType<typeof rule>[]) =>
  ruleProblems({ rules, places, meetings, matters: [] }).map(
    (e) => `${e.file} ${e.field}（${e.label}）${e.message}｜${e.fix}`,
  );

describe('rule cross-file checks', () => {
  it('accepts a current version with its superseded predecessor', () => {
    expect(messages(rule('east-2019', { status: 'repealed' }), rule('east-2025', { previous: 'east-2019' }))).toEqual(
      [],
    );
  });

  it('refuses two current versions of one kind for one place', () => {
    expect(messages(rule('east-2019'), rule('east-2025', { previous: 'east-2019' }))).toEqual([
      'content/rules/east-2025.md status（状态）东村已有现行的村规民约（east-2019），同一地点同类只能有一个现行版本｜把旧版本“east-2019”的状态改为“已废止”，或把本版本改为征求意见稿',
    ]);
    // Different places or kinds may each have their own.
    expect(
      messages(rule('east-2025'), rule('west-2025', { place: 'west' }), rule('east-charter', { kind: 'charter' })),
    ).toEqual([]);
  });

  it('refuses a previous version that is missing, itself, or another kind or place', () => {
    expect(
      messages(
        rule('a', { status: 'repealed', previous: 'nope' }),
        rule('b', { status: 'repealed', previous: 'b' }),
        rule('c', { status: 'repealed', kind: 'charter' }),
        rule('d', { previous: 'c' }),
      ),
    ).toEqual([
      'content/rules/a.md previous（上一版本）找不到上一版本“nope”｜填写被取代的旧版本的文件名（不含 .md）；没有旧版本的删去此项',
      'content/rules/b.md previous（上一版本）上一版本不能是本版本自己｜填写被取代的旧版本的文件名',
      'content/rules/d.md previous（上一版本）上一版本“c”是东村的自治章程，本版本是东村的村规民约｜上一版本须是同一地点、同一类型的旧版本',
    ]);
  });

  it('refuses an unknown place, a grid, an unknown meeting or matter', () => {
    expect(
      messages(
        rule('a', { place: 'nowhere' }),
        rule('b', { place: 'east-g1' }),
        rule('c', { place: 'west', meeting: '2025-01-01-x', matter: 'y' }),
      ),
    ).toEqual([
      'content/rules/a.md place（村/社区或街道）找不到地点“nowhere”｜填写村、社区或街道的编号，如 taoyuan',
      'content/rules/b.md place（村/社区或街道）“东村第一网格”是网格，规约和清单属于村、社区或街道｜填写网格所在村或社区的编号',
      'content/rules/c.md meeting（通过会议）找不到会议纪要“2025-01-01-x”｜填写已有会议纪要的文件名（不含 .md），如 2025-06-18-taoyuan-cunguiminyue-jueyi',
      'content/rules/c.md matter（所属事项）找不到事项“y”｜填写已有事项的编号，或删去',
    ]);
  });

  it('lets the partial CMS context through unknown references', () => {
    const rules = [rule('a', { previous: 'gone', meeting: 'unknown' })];
    expect(ruleProblems({ rules, places, meetings, matters: [], unknownReferencesAllowed: true })).toEqual([]);
  });
});

describe('version chains', () => {
  const all = [
    rule('v1', { status: 'repealed' }),
    rule('v2', { status: 'repealed', previous: 'v1' }),
    rule('v3', { previous: 'v2' }),
  ];
  it('walks back to the first version and forward to the newest', () => {
    expect(versionChain(all[2]!, all).map((r) => r.id)).toEqual(['v3', 'v2', 'v1']);
    expect(laterVersions(all[0]!, all).map((r) => r.id)).toEqual(['v2', 'v3']);
  });
  it('stops at a cycle', () => {
    const loop = [rule('x', { previous: 'y' }), rule('y', { previous: 'x' })];
    expect(versionChain(loop[0]!, loop).map((r) => r.id)).toEqual(['x', 'y']);
  });
});

describe('rule schema', () => {
  const base = {
    title: '东村村规民约',
    kind: 'village-rules',
    place: 'east',
    status: 'current',
    version: '2025年修订版',
    published: '2025-07-01',
    adopted: '2025-06-18',
    meeting: '2025-06-18-east-jueyi',
  };
  const issues = (data: object) =>
    ruleSchema.safeParse(data).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('accepts a complete current version', () => {
    const parsed: Rule = ruleSchema.parse(base);
    expect(parsed.powers).toEqual([]);
  });

  it('asks a draft for comment for its deadline, a current one for its adoption', () => {
    expect(issues({ ...base, status: 'consultation', adopted: undefined, meeting: undefined })).toEqual([
      'commentDeadline: 征求意见稿缺少“征求意见截止日期”',
    ]);
    expect(issues({ ...base, adopted: undefined, meeting: undefined })).toEqual([
      'adopted: 现行版本缺少“通过日期”',
      'meeting: 现行版本缺少“通过会议”',
    ]);
  });

  it('wants items on lists and only on the list they belong to', () => {
    expect(issues({ ...base, kind: 'power-list' })).toEqual(['powers: 小微权力清单没有权力事项']);
    expect(issues({ ...base, kind: 'service-list' })).toEqual(['services: 服务清单没有服务事项']);
    const power = {
      title: '村级工程招标',
      basis: '《村民委员会组织法》第二十四条',
      steps: [],
      responsible: '村委会',
      supervision: '监委会监督',
    };
    expect(issues({ ...base, powers: [power] })).toEqual([
      'powers: 村规民约不填“权力事项”',
      'powers.0.steps: 权力事项“村级工程招标”没有办理流程',
    ]);
  });
});

describe('the CMS gate on a rule', () => {
  const context: GateContext = {
    version: 1,
    today: '2026-11-24',
    partial: false,
    entries: [
      ...places.map((p) => ({ collection: 'places' as const, id: p.id, file: p.file, data: p.data })),
      {
        collection: 'meetings',
        id: meetings[0]!.id,
        file: meetings[0]!.file,
        data: { place: 'east', decisions: [], movedFrom: [] },
      },
      {
        collection: 'rules',
        id: 'east-2019',
        file: 'content/rules/east-2019.md',
        data: { kind: 'village-rules', place: 'east', status: 'current', movedFrom: [] },
      },
    ],
  };
  const entry = (data: object): GateEntry => ({
    collection: 'rules',
    id: 'east-2025',
    file: 'content/rules/east-2025.md',
    data: {
      title: '东村村规民约（2025年修订）',
      kind: 'village-rules',
      place: 'east',
      status: 'current',
      version: '2025年修订版',
      published: '2025-07-01',
      adopted: '2025-06-18',
      meeting: '2025-06-18-east-jueyi',
      previous: 'east-2019',
      ...data,
    },
    body: '第一条 爱党爱国。',
  });

  it('refuses to save a second 现行 version while the old one is still 现行', () => {
    expect(checkEntry(entry({}), context).map((e) => `${e.field}: ${e.message}`)).toEqual([
      'status: 东村已有现行的村规民约（east-2019），同一地点同类只能有一个现行版本',
    ]);
  });

  it('saves it as a 征求意见稿 with a deadline, and refuses an unknown adopting meeting', () => {
    expect(checkEntry(entry({ status: 'consultation', commentDeadline: '2026-12-20' }), context)).toEqual([]);
    expect(
      checkEntry(entry({ status: 'consultation', commentDeadline: '2026-12-20', meeting: 'nope' }), context).map(
        (e) => e.message,
      ),
    ).toEqual(['找不到会议纪要“nope”']);
  });
});

describe('the public gate context', () => {
  it('leaves out draft and scheduled rules and draft matters', () => {
    const rule = (id: string, published: string, draft = false) => ({
      id,
      file: `content/rules/${id}.md`,
      data: { kind: 'charter', place: 'east', status: 'consultation', published, draft, movedFrom: [] },
    });
    const content = {
      site: undefined,
      places: [],
      notices: [],
      meetings: [],
      matters: [
        { id: 'east-lu-2026', file: 'content/matters/east-lu-2026.json', data: { place: 'east' } },
        { id: 'east-qiao-2027', file: 'content/matters/east-qiao-2027.json', data: { place: 'east', draft: true } },
      ],
      stats: [],
      legal: [],
      finance: [],
      registers: [],
      rules: [rule('public', '2026-11-01'), rule('draft', '2026-11-01', true), rule('later', '2026-12-01')],
    } as unknown as Content;
    const ids = (publicOnly: boolean) =>
      gateContext(content, '2026-11-24', { publicOnly }).entries.map((e) => `${e.collection}/${e.id}`);
    // A published matter's id is on /matters/ already; a draft matter's id must not reach the public admin.
    expect(ids(true)).toEqual(['matters/east-lu-2026', 'rules/public']);
    expect(ids(false)).toEqual([
      'matters/east-lu-2026',
      'matters/east-qiao-2027',
      'rules/public',
      'rules/draft',
      'rules/later',
    ]);
  });
});
