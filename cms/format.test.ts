import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../src/lib/content-files.ts';
import { fromFile, toFile } from './format.ts';

const MEETING = `---
title: 关于路灯改造的党支部提议会
body: party-branch
step: propose
date: 2026-10-10
---

会议由支部书记主持。
`;

describe('the Markdown format the CMS reads and writes', () => {
  it("keeps a meeting's 会议类型 (the front-matter field body) apart from its minutes text", () => {
    const data = fromFile(MEETING);
    expect(data.body).toBe('party-branch');
    expect(data.markdownBody).toBe('会议由支部书记主持。\n');
    expect(toFile(data, ['title', 'body', 'step', 'date'])).toBe(MEETING);
  });

  it('writes front matter that the content reader parses back to the same values, in field order', () => {
    const text = toFile(
      {
        markdownBody: '正文',
        period: { start: '2026-11-24', end: '2026-11-30' },
        title: '标题：含冒号',
        phone: '13800000000',
      },
      ['title', 'period', 'phone'],
    );
    expect(text.split('\n')[1]).toBe('title: 标题：含冒号');
    const parsed = parseContentFile('notices', text, 'x.md', 'x');
    expect('entry' in parsed && parsed.entry.data).toEqual({
      title: '标题：含冒号',
      period: { start: '2026-11-24', end: '2026-11-30' },
      phone: '13800000000',
    });
  });
});
