import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../src/lib/content/content-files.ts';
import { buildCmsConfig } from './config.ts';
import { backendFromEnv } from './backend.ts';
import { fromFile, jsonFromFile, jsonToFile, keyOrderOf, toFile } from './format.ts';

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

  it('saves a stats record in schema key order, so changing two numbers changes two lines', () => {
    const original = readFileSync('content/stats/shiqiao-2026-10.json', 'utf8');
    const stats = buildCmsConfig(backendFromEnv({})).collections.find((c) => c.name === 'stats');
    const order = keyOrderOf(stats?.fields ?? []);
    // Decap's in-memory entry holds keys in whatever order edits left them: reversed here, at every level.
    const reverse = (value: unknown): unknown =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reverse(v)]),
          )
        : value;
    const edited = reverse(jsonFromFile(original)) as { demands: { resolved: number }; staff: { volunteers: number } };
    edited.demands.resolved = 38;
    edited.staff.volunteers = 21;
    const saved = jsonToFile(edited as Record<string, unknown>, order);
    const changed = saved.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    expect(changed.map((l) => l.trim())).toEqual(['"resolved": 38,', expect.stringMatching(/^"volunteers": 21,?$/)]);
  });
});
