import path from 'node:path';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachmentType, describeAttachment, formatSize, readAttachmentInfo } from './attachment-info.ts';

describe('attachment details', () => {
  it('read type, size and page count of a real PDF from the demo uploads', async () => {
    const file = path.resolve('content/uploads/2024-q4-taoyuan-caiwu.pdf');
    const info = await readAttachmentInfo(file, '/uploads/2024-q4-taoyuan-caiwu.pdf');
    expect(info).toMatchObject({ type: 'PDF', bytes: statSync(file).size });
    expect(info?.pages).toBeGreaterThanOrEqual(1);
    expect(describeAttachment(info!)).toMatch(/^PDF，[\d.]+ (KB|字节)，\d+ 页$/);
  });

  it('name other types in words and leave out pages', async () => {
    const file = path.resolve('content/uploads/2026-10-liuwan-caiwu.csv');
    const info = await readAttachmentInfo(file, '/uploads/2026-10-liuwan-caiwu.csv');
    expect(info?.pages).toBeUndefined();
    expect(describeAttachment(info!)).toMatch(/^CSV 表格，[\d.]+ (KB|字节)$/);
    expect(attachmentType('/uploads/a.XLSX')).toBe('Excel 表格');
    expect(await readAttachmentInfo('/nonexistent.pdf', '/uploads/x.pdf')).toBeUndefined();
  });

  it('write sizes as residents read them', () => {
    expect(formatSize(900)).toBe('900 字节');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(245 * 1024)).toBe('245 KB');
    expect(formatSize(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});
