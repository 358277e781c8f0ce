import { describe, expect, it } from 'vitest';
import { meetingSchema } from '../../schemas/meeting.ts';
import { noticeSchema } from '../../schemas/notice.ts';
import { statsSchema } from '../../schemas/stats.ts';
import { closestKey, editDistance, formatError, parseWithFriendlyErrors } from './friendly-errors.ts';

const FILE = 'content/notices/2026-03-01-test.md';

const validNotice = {
  title: '2026年3月低保对象公示',
  category: 'village',
  place: 'taoyuan',
  published: '2026-03-01',
  period: { start: '2026-03-01', end: '2026-03-07' },
  contact: { name: '李文书', phone: '0999-86660002' },
  review: { by: ['王监督'], date: '2026-02-28' },
};

function errorsOf(schema: Parameters<typeof parseWithFriendlyErrors>[0], data: unknown) {
  const result = parseWithFriendlyErrors(schema, data, FILE);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e) => ({ field: e.field, label: e.label, message: e.message, fix: e.fix }));
}

describe('friendly errors for editors', () => {
  it('accepts a valid notice and turns YAML dates into YYYY-MM-DD strings', () => {
    const result = parseWithFriendlyErrors(
      noticeSchema,
      { ...validNotice, published: new Date('2026-03-01T00:00:00Z') },
      FILE,
    );
    expect(result.ok && result.data.published).toBe('2026-03-01');
  });

  it('names a missing required field by its Chinese label', () => {
    const { title: _title, ...rest } = validNotice;
    expect(errorsOf(noticeSchema, rest)).toEqual([
      { field: 'title', label: '标题', message: '缺少必填项', fix: '填写“标题”' },
    ]);
  });

  it('lists the allowed options, with their labels, for a wrong category', () => {
    expect(errorsOf(noticeSchema, { ...validNotice, category: '财务' })).toEqual([
      {
        field: 'category',
        label: '公开类别',
        message: '“财务”不是可选的值',
        fix: '从以下选项中选一个：party（党务公开）、village（村务公开）、finance（财务公开）、other（其他公开）',
      },
    ]);
  });

  it('explains a count typed with its unit', () => {
    const stats = {
      place: 'taoyuan',
      month: '2026-03',
      demands: { received: '40件', responded: 0, resolved: 0, rated: 0, satisfied: 0 },
    };
    const [first] = errorsOf(statsSchema, stats);
    expect(first).toEqual({
      field: 'demands.received',
      label: '群众诉求 › 群众说事（受理诉求）',
      message: '应为数字，现在是文字“40件”',
      fix: '只填阿拉伯数字，不要带单位或文字，如 12',
    });
  });

  it('rejects a 公示期 that ends before it starts, pointing at the end date', () => {
    expect(errorsOf(noticeSchema, { ...validNotice, period: { start: '2026-03-01', end: '2026-02-27' } })).toEqual([
      {
        field: 'period.end',
        label: '公示期 › 公示结束日期',
        message: '公示结束日期 2026-02-27 不晚于开始日期 2026-03-01',
        fix: '把结束日期改到开始日期之后（公示期一般 5–7 天）',
      },
    ]);
  });

  it('requires the 村务监督委员会 sign-off on finance notices', () => {
    const { review: _review, ...rest } = validNotice;
    expect(errorsOf(noticeSchema, { ...rest, category: 'finance' })[0]?.message).toBe(
      '财务公开须经村务监督委员会审核后公开',
    );
  });

  it('rejects a day that does not exist', () => {
    expect(errorsOf(noticeSchema, { ...validNotice, published: '2026-02-30' })[0]).toMatchObject({
      field: 'published',
      message: '这一天不存在（请核对月份和日期，如 2 月没有 30 日）',
    });
  });

  it('rejects more votes than members present', () => {
    const meeting = {
      title: '村民代表会议',
      body: 'representatives',
      date: '2026-03-01',
      place: 'taoyuan',
      attendance: { expected: 30, present: 21 },
      agenda: ['路灯改造'],
      decisions: [{ title: '同意路灯改造', votes: { for: 20, against: 1, abstain: 1 } }],
    };
    expect(errorsOf(meetingSchema, meeting)).toEqual([
      {
        field: 'decisions.0.votes',
        label: '决定事项 › 第 1 项 › 表决结果',
        message: '第 1 项决定的票数合计 22 多于实到 21 人',
        fix: '核对表决票数：赞成 + 反对 + 弃权不能超过实到人数',
      },
    ]);
  });

  it('formats an error with file, line, field, problem and fix', () => {
    expect(
      formatError({
        file: FILE,
        line: 7,
        field: 'period.end',
        label: '公示期 › 公示结束日期',
        message: '问题',
        fix: '办法',
      }),
    ).toBe(`${FILE}:7 period.end（公示期 › 公示结束日期）\n  问题：问题\n  修改：办法`);
  });
});

describe('unknown keys', () => {
  it('suggests the field meant: another case first, then at most two edits away', () => {
    const known = ['title', 'draft', 'published', 'volunteers'];
    expect(closestKey('Draft', known)).toBe('draft');
    expect(closestKey('pubished', known)).toBe('published');
    expect(closestKey('Volunteer', known)).toBe('volunteers');
    expect(closestKey('note', known)).toBeUndefined();
    expect(closestKey('titel', known)).toBe('title');
  });

  it('counts single-character edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('draft', 'draft')).toBe(0);
  });
});
