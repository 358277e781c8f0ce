import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { field, isoDate, isoMonth } from '../../schemas/common.ts';
import { noticeSchema } from '../../schemas/notice.ts';
import { siteSchema } from '../../schemas/site.ts';
import { statsSchema } from '../../schemas/stats.ts';
import { describe as describeSchema, fieldAt, labelsAt } from './schema-walk.ts';

describe('reading schemas for the CMS and open data', () => {
  const notice = describeSchema(noticeSchema);

  it('sees required and optional fields, defaults and enum options', () => {
    expect(notice.fields?.title?.required).toBe(true);
    expect(notice.fields?.summary?.required).toBe(false);
    expect(notice.fields?.draft).toMatchObject({ kind: 'boolean', required: false, default: false });
    expect(notice.fields?.category?.options).toEqual(['party', 'village', 'finance', 'other']);
    expect(notice.fields?.category?.meta.optionLabels?.finance).toBe('财务公开');
  });

  it('sees dates, limits and patterns through preprocess and optional wrappers', () => {
    expect(fieldAt(notice, ['period', 'end'])).toMatchObject({ kind: 'date', required: true });
    expect(notice.fields?.title).toMatchObject({ min: 4, max: 60 });
    expect(fieldAt(notice, ['attachments', 'file'])?.patterns?.[0]?.test('/uploads/a.pdf')).toBe(true);
  });

  it('sees counts as non-negative integers with units', () => {
    const stats = describeSchema(statsSchema);
    expect(fieldAt(stats, ['demands', 'received'])).toMatchObject({
      kind: 'number',
      integer: true,
      min: 0,
      meta: { unit: '件' },
    });
    expect(fieldAt(stats, ['month'])?.kind).toBe('month');
  });

  it('knows dates and months by the mark isoDate and isoMonth carry, not by the text of their pattern', () => {
    expect(describeSchema(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).kind).toBe('string');
    expect(describeSchema(field(isoDate.optional(), { title: '决算日期' }))).toMatchObject({
      kind: 'date',
      required: false,
      meta: { title: '决算日期', stringKind: 'date' },
    });
    expect(describeSchema(field(isoMonth, { title: '月份' }))).toMatchObject({
      kind: 'month',
      meta: { title: '月份' },
    });
    expect(describeSchema(field(z.string().max(10), { title: '村民小组' })).kind).toBe('string');
  });

  it('gives the messages a string field carries, and the format and pattern of zod string formats', () => {
    expect(notice.fields?.title?.messages).toEqual(['标题至少 4 个字', '标题不超过 60 个字']);
    const site = describeSchema(siteSchema);
    const email = fieldAt(site, ['feedback', 'email']);
    expect(email).toMatchObject({ kind: 'string', format: 'email', messages: ['邮箱格式不对'] });
    expect(email?.formatPattern?.test('a@example.cn')).toBe(true);
    expect(site.fields?.siteUrl).toMatchObject({ format: 'url' });
    expect(notice.fields?.summary?.format).toBeUndefined();
  });

  it('labels nested and list paths in Chinese', () => {
    expect(labelsAt(notice, ['attachments', 0, 'title'])).toEqual(['附件', '第 1 项', '附件名称']);
  });
});
