import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContent } from '../src/lib/content/content-files.ts';
import { gateContext, parseContent, type GateContext } from '../src/lib/content/content-gate.ts';
import {
  changeNoteCheck,
  blankPaths,
  checkEntry,
  checkEntryBeforeSave,
  GATE_CONTEXT_URL,
  loadGateContext,
  refusalMessage,
  withoutBlanks,
} from './entry-check.ts';

/** A 党务公开 notice as the CMS holds it after an editor filled the form and left optional fields blank. */
function cmsNotice(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '关于2026年党费收缴情况的公示',
    category: 'party',
    place: 'dongcun',
    published: '2026-11-24',
    period: { start: '2026-11-24', end: '2026-11-30' },
    summary: '',
    attachments: [],
    contact: { name: '李会计', role: '', phone: '0999-86660002' },
    review: { by: [], date: '', opinion: '' },
    keywords: [''],
    draft: false,
    markdownBody: '党费收缴情况如下。',
    ...overrides,
  };
}

describe('the schema check the CMS runs before saving', () => {
  it('accepts a filled-in notice whose optional fields were left blank', () => {
    expect(checkEntry('notices', cmsNotice(), 'content/notices/2026-11-24-dangfei.md')).toEqual({
      ok: true,
      errors: [],
    });
  });

  it('drops blank values so the file holds only what the editor filled in', () => {
    const cleaned = withoutBlanks(cmsNotice());
    expect(cleaned).not.toHaveProperty('summary');
    expect(cleaned).not.toHaveProperty('review');
    expect(cleaned).not.toHaveProperty('attachments');
    expect(cleaned).not.toHaveProperty('keywords');
    expect(cleaned.contact).toEqual({ name: '李会计', phone: '0999-86660002' });
    expect(cleaned.draft).toBe(false);
  });

  it('lists blank paths children first and list rows from the end, so deleting them in order is safe', () => {
    expect(blankPaths({ a: ['x', '', ''], b: { c: Number.NaN } })).toEqual([['a', 2], ['a', 1], ['b', 'c'], ['b']]);
  });

  it('refuses a 公示期 that ends before it starts, naming the field and the fix in Chinese', () => {
    const result = checkEntry('notices', cmsNotice({ period: { start: '2026-11-24', end: '2026-11-20' } }), 'new');
    expect(result.ok).toBe(false);
    expect(refusalMessage(result.errors)).toBe(
      '未保存，请先改正 1 处问题：\n【公示期 › 公示结束日期】公示结束日期 2026-11-20 不晚于开始日期 2026-11-24。' +
        '修改方法：把结束日期改到开始日期之后（公示期一般 5–7 天）',
    );
  });

  it('asks for the 村务监督委员会 sign-off on a 财务公开 notice, and for its 审核人 once the group is started', () => {
    const unsigned = checkEntry('notices', cmsNotice({ category: 'finance' }), 'new');
    expect(unsigned.errors.map((e) => e.message)).toEqual(['财务公开须经村务监督委员会审核后公开']);
    const half = checkEntry('notices', cmsNotice({ category: 'finance', review: { by: [], date: '2026-11-23' } }), 'n');
    expect(half.errors.map((e) => `${e.label}: ${e.message}`)).toEqual([
      '监督委员会审核 › 审核人（村务监督委员会）: 缺少必填项',
    ]);
  });

  it('refuses monthly statistics where more demands were resolved than received', () => {
    const stats = {
      place: 'dongcun',
      month: '2026-10',
      demands: { received: 10, responded: 10, resolved: 12, rated: 5, satisfied: 5 },
      gridEvents: {
        disputes: 1,
        publicSecurity: 0,
        safety: 0,
        publicOpinion: 0,
        sanitation: 0,
        livelihood: 0,
        closed: 1,
      },
      disputes: { received: 1, mediated: 1 },
      hazards: { found: 0, fixed: 0 },
      policeIncidents: 0,
      petitions: 0,
      legalEducation: { activities: 1, participants: 30 },
      staff: { gridWorkers: 1, volunteers: 2 },
      note: '',
    };
    const result = checkEntry('stats', stats, 'content/stats/dongcun-2026-10.json');
    expect(result.errors.map((e) => e.message)).toEqual(['已办结 12 多于受理诉求 10']);
  });
});

/** The context /admin/gate-context.json serves for the valid fixture under `npm run cms`, as the browser parses it. */
function fixtureContext(options: { publicOnly?: boolean } = {}): GateContext {
  const { entries } = readContent('tests/fixtures/valid-minimal');
  return JSON.parse(JSON.stringify(gateContext(parseContent(entries), '2026-11-24', options))) as GateContext;
}

describe('the content gate the CMS runs before saving', () => {
  it('refuses a full ID number in the 摘要, typed in full-width digits, naming the field', () => {
    const result = checkEntry(
      'notices',
      cmsNotice({ summary: '救助对象身份证１１０１０５１９４９１２３１００２Ｘ' }),
      'new',
    );
    expect(result.errors.map((e) => `${e.field} ${e.label}: ${e.message}`)).toEqual([
      'summary 摘要: “摘要”中有完整的身份证号码，公开会泄露个人信息（个人信息保护法第二十八条、第三十四条）',
    ]);
  });

  it('refuses personal data and raw HTML in the body', () => {
    const body = '联系家属 138—1234—5678。\n\n<img src=x onerror="alert(1)">';
    const result = checkEntry('notices', cmsNotice({ markdownBody: body }), 'content/notices/2026-11-24-a.md');
    expect(result.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'body: 正文中有完整的手机号码，公开会泄露个人信息（个人信息保护法第二十八条、第三十四条）',
      'body: 正文含有 HTML 代码“<img src=x onerror="alert(1)">”，网站不发布 HTML（可能被用来植入脚本）',
    ]);
  });

  it('refuses an unknown field and names the one that was meant', () => {
    const result = checkEntry('notices', cmsNotice({ Draft: true }), 'new');
    expect(result.errors).toEqual([
      {
        file: 'new',
        field: 'Draft',
        label: '',
        message: '有无法识别的字段“Draft”，是不是“draft”？',
        fix: '改为“draft”（草稿）：字段名区分大小写，拼错的字段不会生效',
      },
    ]);
  });

  it('checks the file name of a saved entry but not of one that has none yet', () => {
    expect(checkEntry('notices', cmsNotice(), 'content/notices/关于低保.md').errors.map((e) => e.message)).toEqual([
      '文件名“关于低保”不符合要求',
    ]);
    expect(checkEntry('notices', cmsNotice(), '新的notices').ok).toBe(true);
  });

  it('refuses a place that does not exist, with the context of the other entries', () => {
    const context = fixtureContext();
    expect(checkEntry('notices', cmsNotice(), 'new', context).ok).toBe(true);
    const result = checkEntry('notices', cmsNotice({ place: 'beicun' }), 'new', context);
    expect(result.errors.map((e) => `${e.field}: ${e.message}`)).toEqual(['place: 找不到地点“beicun”']);
    // A production build's context may predate a place added since: the build checks the reference instead.
    expect(checkEntry('notices', cmsNotice({ place: 'beicun' }), 'new', fixtureContext({ publicOnly: true })).ok).toBe(
      true,
    );
  });

  it('refuses statistics for a month that already has a record, or has not begun', () => {
    const context = fixtureContext();
    const existing = JSON.parse(
      readFileSync('tests/fixtures/valid-minimal/stats/dongcun-2026-10.json', 'utf8'),
    ) as Record<string, unknown>;
    // Editing the existing record is fine; a second record for the same month is not.
    expect(checkEntry('stats', existing, 'tests/fixtures/valid-minimal/stats/dongcun-2026-10.json', context).ok).toBe(
      true,
    );
    expect(checkEntry('stats', existing, '新的stats', context).errors.map((e) => e.message)).toEqual([
      'dongcun 在 2026-10 已有一份统计（tests/fixtures/valid-minimal/stats/dongcun-2026-10.json）',
    ]);
    expect(
      checkEntry('stats', { ...existing, month: '2026-12' }, '新的stats', context).errors.map((e) => e.message),
    ).toEqual(['2026-12 还没到（今天是 2026-11-24）']);
  });

  it('refuses turning a record into a duplicate even when the other record is the one reported', () => {
    const context = fixtureContext();
    const stats = JSON.parse(readFileSync('tests/fixtures/valid-minimal/stats/dongcun-2026-10.json', 'utf8')) as Record<
      string,
      unknown
    >;
    // An earlier record for September, saved before the October one: moving it to October duplicates October.
    context.entries.splice(
      context.entries.findIndex((e) => e.id === 'dongcun-2026-10'),
      0,
      {
        collection: 'stats',
        id: 'dongcun-2026-09',
        file: 'content/stats/dongcun-2026-09.json',
        data: { place: 'dongcun', month: '2026-09' },
      },
    );
    const result = checkEntry('stats', { ...stats, month: '2026-10' }, 'content/stats/dongcun-2026-09.json', context);
    expect(result.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'content/stats/dongcun-2026-09.json: 文件名“dongcun-2026-09”与地点、月份不一致',
      'tests/fixtures/valid-minimal/stats/dongcun-2026-10.json: dongcun 在 2026-10 已有一份统计（content/stats/dongcun-2026-09.json）',
    ]);
  });

  it('refuses minutes naming a notice that does not exist, unless the context is a production build’s partial copy', () => {
    const meeting = {
      title: '关于路灯改造的两委商议会',
      body: 'two-committees',
      date: '2026-10-12',
      place: 'dongcun',
      attendance: { expected: 7, present: 7 },
      agenda: ['商议主干道路灯改造方案'],
      decisions: [
        {
          title: '路灯改造方案公示',
          votes: { for: 7, against: 0, abstain: 0 },
          notices: ['2026-10-20-ludeng-fangan'],
        },
      ],
      markdownBody: '两委成员一致同意。',
    };
    expect(checkEntry('meetings', meeting, 'new', fixtureContext()).errors.map((e) => e.message)).toEqual([
      '找不到公告“2026-10-20-ludeng-fangan”',
    ]);
    expect(checkEntry('meetings', meeting, 'new', fixtureContext({ publicOnly: true })).ok).toBe(true);
  });

  it('loads the context from /admin/gate-context.json and judges it on the current day in China', async () => {
    const served = fixtureContext();
    let asked = '';
    const context = await loadGateContext((url) => {
      asked = url;
      return Promise.resolve(served);
    }, new Date('2026-12-31T16:30:00Z'));
    expect(asked).toBe(GATE_CONTEXT_URL);
    expect(context.today).toBe('2027-01-01');
    expect(context.entries).toEqual(served.entries);
    await expect(loadGateContext(() => Promise.resolve({ version: 2 }))).rejects.toThrow('not a version-1 context');
  });

  it('still runs the entry’s own checks when the context cannot be loaded', async () => {
    const result = await checkEntryBeforeSave('notices', cmsNotice({ place: 'beicun', Draft: true }), 'new', () =>
      Promise.reject(new Error('offline')),
    );
    expect(result.errors.map((e) => e.message)).toEqual(['有无法识别的字段“Draft”，是不是“draft”？']);
  });
});

describe('the change note the CMS asks for when a public entry is edited', () => {
  const file = 'content/notices/2026-11-20-caiwu-10yue.md';
  const published = { published: '2026-11-20', changes: [] };
  const today = '2026-11-24';

  it('refuses to save a published notice edited without a note dated today, beside 修改记录', () => {
    const { problem } = changeNoteCheck('notices', published, file, { isNew: false, today });
    expect(problem).toMatchObject({ field: 'changes', label: '修改记录' });
    expect(problem?.fix).toContain('修改日期填 2026-11-24');
    // An older note does not cover today's edit.
    const older = { ...published, changes: [{ date: '2026-11-21', note: '更正联系电话' }] };
    expect(changeNoteCheck('notices', older, file, { isNew: false, today }).problem).toBeDefined();
  });

  it("saves with today's note and returns it for the commit subject (the last one of the day)", () => {
    const data = {
      ...published,
      changes: [
        { date: '2026-11-24', note: '更正第 3 项金额' },
        { date: '2026-11-24', note: '补充附件：十月收支明细' },
      ],
    };
    expect(changeNoteCheck('notices', data, file, { isNew: false, today })).toEqual({ note: '补充附件：十月收支明细' });
  });

  it('asks nothing of a new entry, a draft, one not yet published, a meeting announced ahead, or statistics', () => {
    const ask = (collection: string, data: object, isNew = false) =>
      changeNoteCheck(collection, data, file, { isNew, today }).problem;
    expect(ask('notices', published, true)).toBeUndefined();
    expect(ask('notices', { ...published, draft: true })).toBeUndefined();
    expect(ask('notices', { published: '2026-11-30' })).toBeUndefined();
    expect(ask('meetings', { date: '2026-12-03', status: 'scheduled' })).toBeUndefined();
    expect(ask('meetings', { date: '2026-11-03', status: 'held' })).toBeDefined();
    expect(ask('legal', { published: '2026-01-03' })).toBeDefined();
    expect(ask('stats', { month: '2026-10' })).toBeUndefined();
  });
});
