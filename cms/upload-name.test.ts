import { describe, expect, it } from 'vitest';
import { uploadName } from './upload-name.ts';

const ATTACHMENT = /^[A-Za-z0-9._/-]+\.(pdf|xlsx?|docx?|jpe?g|png|csv|ods|odt)$/i;

describe('names of uploaded files', () => {
  it('gives a Chinese file name a safe ASCII name instead of ".pdf"', () => {
    expect(uploadName('三季度财务明细.PDF', '2026-11-24', '3f9a')).toBe('2026-11-24-fujian-3f9a.pdf');
  });

  it('keeps the ASCII part of the name, without spaces or symbols', () => {
    expect(uploadName('Caiwu Q3 (final)!.xlsx', '2026-11-24', '00ab')).toBe('2026-11-24-caiwu-q3-final-00ab.xlsx');
  });

  it('always matches the attachment pattern of the schema', () => {
    for (const name of ['a.pdf', '..pdf', '财务.pdf', 'x y.JPG', '2026.10.csv', 'ä.docx']) {
      expect(`/uploads/${uploadName(name, '2026-11-24', 'beef')}`.slice(9)).toMatch(ATTACHMENT);
    }
  });
});
