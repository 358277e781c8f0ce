import { describe, expect, it } from 'vitest';
import { parseContentFile } from './content-files.ts';
import { contentSafetyErrors, findMarkdownProblems, isUnsafeLink, linkScheme } from './content-safety.ts';
import { formatError } from './friendly-errors.ts';

function notice(frontMatterExtra: string, body: string) {
  const text = `---
title: 低保对象公示名单
category: other
place: dongcun
published: 2026-11-20
period:
  start: 2026-11-20
  end: 2026-11-26
${frontMatterExtra}contact:
  name: 李会计
  phone: 13800000002
---

${body}`;
  const result = parseContentFile('notices', text, 'content/notices/2026-11-20-dibao.md', '2026-11-20-dibao');
  if (!('entry' in result)) throw new Error('fixture does not parse');
  return result.entry;
}

describe('personal data in content', () => {
  it('names the file, body line, kind and masked form of a resident ID, without repeating the full number', () => {
    const errors = contentSafetyErrors(notice('', '名单如下：\n\n1. 张三，身份证 110105199001011232，一组\n'));
    expect(errors).toHaveLength(1);
    const text = formatError(errors[0]!);
    expect(text).toBe(
      'content/notices/2026-11-20-dibao.md:16 body（正文）\n' +
        '  问题：正文第 16 行有完整的身份证号码，公开会泄露个人信息（个人信息保护法第二十八条、第三十四条）\n' +
        '  修改：改为 110105********1232（隐去出生日期）；低保、补贴名单只写姓名、组别和金额，不写身份证号',
    );
    expect(text).not.toContain('110105199001011232');
  });

  it('flags a resident mobile in a text field with the field line and label', () => {
    const [error] = contentSafetyErrors(notice('summary: 有疑问请联系户主王五 13912345678\n', '正文'));
    expect(error).toMatchObject({
      line: 9,
      field: 'summary',
      label: '摘要',
      fix: expect.stringContaining('139****5678'),
    });
  });

  it('accepts mobiles in the fields meant to publish work phones (notice contact)', () => {
    expect(contentSafetyErrors(notice('', '无个人信息。'))).toEqual([]);
  });

  it('flags a bank card number in the body', () => {
    const errors = contentSafetyErrors(notice('', '补贴打入 6228 4800 1234 5671 账户'));
    expect(errors[0]?.fix).toContain('6228********5671');
  });
});

describe('unsafe Markdown', () => {
  it('rejects raw HTML with the line and a Markdown alternative', () => {
    const [error] = contentSafetyErrors(notice('', '第一段\n\n<img src=x onerror=alert(1)>'));
    expect(error?.line).toBe(16);
    expect(error?.message).toBe(
      '正文第 16 行含有 HTML 代码“<img src=x onerror=alert(1)>”，网站不发布 HTML（可能被用来植入脚本）',
    );
  });

  it('rejects javascript: and data: links, however they are disguised', () => {
    for (const link of [
      'javascript:x',
      'JAVASCRIPT:x',
      ' java\tscript:x',
      'java&#x73;cript:x',
      'javascript\\:x',
      'data:text/html,x',
    ]) {
      expect(isUnsafeLink(link), link).toBe(true);
    }
    expect(findMarkdownProblems('[a](javascript:alert(1))')).toMatchObject([
      { kind: 'unsafe-link', scheme: 'javascript' },
    ]);
  });

  it('accepts ordinary Markdown, web links, site links, autolinks and code that shows HTML', () => {
    const markdown = [
      '**加粗** 与 [政策原文](https://www.gov.cn/zhengce/) 、[本站公告](/notices/)、<https://example.org>',
      '电话 [0571-88001234](tel:057188001234)，邮箱 <mailto:ban@example.org>，收入 < 支出，a<b',
      '用 `<br>` 换行是不允许的。',
      '```html',
      '<script>这是示例代码</script>',
      '```',
    ].join('\n');
    expect(findMarkdownProblems(markdown)).toEqual([]);
    expect(linkScheme('/uploads/a.pdf')).toBeUndefined();
  });

  it('refuses a javascript: URL in a front-matter field', () => {
    const errors = contentSafetyErrors(notice('summary: "javascript:alert(1)"\n', '正文'));
    expect(errors.map((e) => e.message)).toEqual(['“摘要”是不安全的 javascript: 地址']);
  });
});
