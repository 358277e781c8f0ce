import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, publishedUploads, uploadProblem } from './upload-rules.ts';

const plain = { isSymbolicLink: false, isFile: true, size: 1000 };

describe('uploadProblem', () => {
  it('lets an ordinary PDF, spreadsheet or photo through', () => {
    for (const file of ['a.pdf', 'b.xlsx', 'c.csv', 'd.JPG']) expect(uploadProblem(file, plain)).toBeUndefined();
    expect(uploadProblem('e.pdf', { ...plain, size: MAX_UPLOAD_BYTES })).toBeUndefined();
  });

  it('refuses a symbolic link, whatever it points to, before its size or type', () => {
    expect(uploadProblem('content/uploads/ssl', { isSymbolicLink: true, isFile: false, size: 20 })).toEqual({
      file: 'content/uploads/ssl',
      field: '',
      label: '附件',
      message: '这是一个链接（符号链接），指向上传文件夹以外的文件或文件夹，不会发布',
      fix: '删除这个链接，把要公开的文件本身复制到 content/uploads/ 里',
    });
  });

  it('refuses SVG, HTML, XHTML, XML and scripts, in any case', () => {
    for (const file of ['a.svg', 'b.SVGZ', 'c.html', 'd.htm', 'e.xhtml', 'f.xht', 'g.xml', 'h.js']) {
      expect(uploadProblem(file, plain)?.message).toBe(
        'SVG、HTML、XML 和脚本文件在浏览器中可以运行代码，网站不发布这类附件',
      );
    }
  });

  it('refuses a file over the limit with its size, in MB or GB', () => {
    expect(uploadProblem('a.pdf', { ...plain, size: MAX_UPLOAD_BYTES + 1024 * 1024 })?.message).toBe(
      '文件有 21 MB，超过附件上限 20 MB',
    );
    expect(uploadProblem('b.pdf', { ...plain, size: 2 * 1024 ** 3 })?.message).toBe(
      '文件有 2.0 GB，超过附件上限 20 MB',
    );
  });

  it('refuses what is not a plain file (a FIFO, a device)', () => {
    expect(uploadProblem('a.pdf', { ...plain, isFile: false })?.message).toBe('这不是普通文件，不会发布');
  });
});

describe('publishedUploads', () => {
  const notice = (published: string, file: string, draft = false) => ({
    collection: 'notices',
    data: { published, draft, attachments: [{ title: '附件', file }] },
  });

  it('keeps the attachments of public entries only: not drafts, not scheduled ones before their day', () => {
    const entries = [
      notice('2026-11-20', '/uploads/public.pdf'),
      notice('2026-11-20', '/uploads/draft.pdf', true),
      notice('2026-12-03', '/uploads/scheduled.pdf'),
      { collection: 'meetings', data: { date: '2026-11-02' }, body: '见[会议记录](/uploads/2026/huiyi.pdf)。' },
      { collection: 'meetings', data: { date: '2026-12-01' }, body: '[未来](/uploads/future.pdf)' },
      { collection: 'site', data: { logo: '/uploads/logo.png' } },
      { collection: 'rules', data: { published: '2026-12-10' }, body: '[全文](/uploads/gongyue-2027.pdf)' },
    ];
    expect(publishedUploads(entries, '2026-11-24')).toEqual(['2026/huiyi.pdf', 'logo.png', 'public.pdf']);
    expect(publishedUploads(entries, '2026-12-03')).toContain('scheduled.pdf');
    expect(publishedUploads(entries, '2026-12-10')).toContain('gongyue-2027.pdf');
  });

  it('never names a path that climbs out of uploads/, and decodes percent-escapes', () => {
    const entries = [
      {
        collection: 'legal',
        data: { published: '2026-01-01' },
        body: '[a](/uploads/../../etc/passwd) [b](/uploads/a%20b.pdf)',
      },
    ];
    expect(publishedUploads(entries, '2026-11-24')).toEqual(['a b.pdf']);
  });
});
