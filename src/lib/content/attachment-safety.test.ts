import { describe, expect, it } from 'vitest';
import { simplePdf } from '../../../tests/support/pdf.ts';
import { attachmentSafetyErrors, attachmentText, hasReadableText } from './attachment-safety.ts';

// Check digits per GB 11643 / Luhn, as in privacy.test.ts.
const ID = '110105199001011232';
const CARD = '6222021234567890128';

describe('attachmentText', () => {
  it('reads a PDF page by page', async () => {
    const pages = await attachmentText('a.pdf', simplePdf([['Taoyuan 2024 Q4', 'Total 286,438.92'], ['Page two']]));
    expect(pages).toHaveLength(2);
    expect(pages?.[0]).toContain('Total 286,438.92');
    expect(pages?.[1]).toContain('Page two');
  });

  it('reads text files as UTF-8 and leaves images alone', async () => {
    await expect(attachmentText('a.csv', new TextEncoder().encode('姓名,金额\n张某,300'))).resolves.toEqual([
      '姓名,金额\n张某,300',
    ]);
    await expect(attachmentText('a.png', new Uint8Array([137, 80, 78, 71]))).resolves.toBeUndefined();
  });
});

describe('hasReadableText', () => {
  it('picks PDFs and text exports, and leaves photos and office files unread', () => {
    expect(['a.pdf', 'b.PDF', 'c.csv', 'd.txt'].map(hasReadableText)).toEqual([true, true, true, true]);
    expect(['e.jpg', 'f.png', 'g.docx', 'h.xlsx'].map(hasReadableText)).toEqual([false, false, false, false]);
  });
});

describe('attachmentSafetyErrors', () => {
  it('names the page of a PDF with a resident ID and gives the masked form, never the full number', async () => {
    const pdf = simplePdf([['Dibao list 2026'], ['Zhang, group 3, ID ' + ID, 'Li, card ' + CARD]]);
    const errors = await attachmentSafetyErrors([{ file: 'content/uploads/dibao.pdf', bytes: pdf }], new Set());
    expect(errors.map((e) => e.file)).toEqual(['content/uploads/dibao.pdf', 'content/uploads/dibao.pdf']);
    expect(errors[0]?.message).toMatch(/^附件第 2 页有完整的身份证号码，公开会泄露个人信息/);
    expect(errors[1]?.message).toMatch(/^附件第 2 页有完整的银行卡号/);
    expect(errors[0]?.fix).toContain('110105********1232');
    expect(JSON.stringify(errors)).not.toContain(ID);
    expect(JSON.stringify(errors)).not.toContain(CARD);
  });

  it('names the line of a CSV, and allows mobiles that are published work phones', async () => {
    const csv = new TextEncoder().encode('姓名,电话\n网格员王某,13912345678\n村民李某,13812345678\n');
    const errors = await attachmentSafetyErrors(
      [{ file: 'content/uploads/list.csv', bytes: csv }],
      new Set(['13912345678']),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'content/uploads/list.csv', line: 3 });
    expect(errors[0]?.fix).toContain('138****5678');
  });

  it('reports a PDF it cannot open, since it cannot vouch for it', async () => {
    const errors = await attachmentSafetyErrors(
      [{ file: 'content/uploads/broken.pdf', bytes: new TextEncoder().encode('not a pdf at all') }],
      new Set(),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('打不开');
  });

  it('passes clean attachments', async () => {
    const pdf = simplePdf([['Road hardening 1.62 km, audited 636,420 CNY', 'Completed 2026-10-28']]);
    await expect(attachmentSafetyErrors([{ file: 'a.pdf', bytes: pdf }], new Set())).resolves.toEqual([]);
  });
});
