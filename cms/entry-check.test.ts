import { describe, expect, it } from 'vitest';
import { blankPaths, checkEntry, refusalMessage, withoutBlanks } from './entry-check.ts';

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
    expect(checkEntry('notices', cmsNotice(), 'content/notices/new.md')).toEqual({ ok: true, errors: [] });
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
