import { describe, expect, it } from 'vitest';
import { parseContentFile, type RawEntry } from '../content/content-files.ts';
import { containing, containingDigits, entryOfPage, locateInContent } from './output-origin.ts';

function entry(collection: 'notices' | 'legal', id: string, text: string): RawEntry {
  const parsed = parseContentFile(collection, text, `content/${collection}/${id}.md`, id);
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.entry;
}

const notice = entry(
  'notices',
  '2026-11-20-caiwu',
  `---
title: 东村财务公开
summary: 咨询 138 1234 5678
attachments:
  - title: 明细
    file: /uploads/a.pdf
---

第一行。
联系王某 １３８.１２３４.５６７８。
`,
);
const legal = entry('legal', 'zhapian', '---\ntitle: 识别骗局\n---\n\n链接 javascript:alert(1) 不要点。\n');

describe('tracing an output problem to its content', () => {
  it('maps an entry’s own pages (and print page) to the entry, and other files to none', () => {
    expect(entryOfPage('notices/2026-11-20-caiwu/index.html', [notice, legal])).toBe(notice);
    expect(entryOfPage('notices/2026-11-20-caiwu/print/index.html', [notice, legal])).toBe(notice);
    expect(entryOfPage('pagefind/index/zh-cn_1.pf_index', [notice, legal])).toBeUndefined();
  });

  it('finds a number by its digits whatever separators or full-width digits the content used', () => {
    expect(locateInContent([legal, notice], containingDigits('13812345678'))).toEqual({
      file: 'content/notices/2026-11-20-caiwu.md',
      line: 3,
      field: 'summary',
      label: '摘要',
    });
    // Only in the body: the line of the hit in the file.
    const bodyOnly = entry('notices', 'b', '---\ntitle: 通知\n---\n\n第一行。\n联系 １３８.１２３４.５６７８。\n');
    expect(locateInContent([bodyOnly], containingDigits('13812345678'))).toEqual({
      file: 'content/notices/b.md',
      line: 6,
      field: 'body',
      label: '正文',
    });
  });

  it('finds a value as written, trying the page’s own entry first, with the field’s Chinese label', () => {
    expect(locateInContent([notice, legal], containing('/uploads/a.pdf'))).toEqual({
      file: 'content/notices/2026-11-20-caiwu.md',
      line: 6,
      field: 'attachments.0.file',
      label: '附件 › 第 1 项 › 附件文件',
    });
    expect(locateInContent([notice, legal], containing('javascript:alert(1)'), legal)?.file).toBe(
      'content/legal/zhapian.md',
    );
    expect(locateInContent([notice, legal], containing('nowhere'))).toBeUndefined();
  });
});
