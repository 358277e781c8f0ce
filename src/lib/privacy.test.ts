import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  isResidentId,
  lineFinder,
  maskBankCard,
  maskMobile,
  maskPersonalData,
  maskResidentId,
  passesLuhn,
  positionOf,
} from './privacy.ts';

// Check codes computed by hand per GB 11643; 11010519491231002X is the standard's own example.
const ID = '110105199001011232';
const ID_WITH_X = '11010519491231002X';
const CARD_19 = '6222021234567890128';
const CARD_16 = '6228480012345671';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts IDs with a correct check code, including the X check code', () => {
    expect(isResidentId(ID)).toBe(true);
    expect(isResidentId(ID_WITH_X)).toBe(true);
    expect(isResidentId(ID_WITH_X.toLowerCase())).toBe(true);
  });

  it('rejects a wrong check code or an impossible birth date', () => {
    expect(isResidentId('110105199001011233')).toBe(false);
    // 1990-02-30 does not exist; check code recomputed would not save it.
    expect(isResidentId('110105199002301234')).toBe(false);
    expect(isResidentId('11010519900101123')).toBe(false);
  });
});

describe('bank card numbers (Luhn)', () => {
  it('passes valid card numbers and fails a single changed digit', () => {
    expect(passesLuhn(CARD_19)).toBe(true);
    expect(passesLuhn(CARD_16)).toBe(true);
    expect(passesLuhn('6222021234567890127')).toBe(false);
  });
});

describe('masking', () => {
  it('hides the middle digits the way notice boards must', () => {
    expect(maskResidentId(ID)).toBe('110105********1232');
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskBankCard(CARD_19)).toBe('6222***********0128');
  });

  it('masks every hit in a text and leaves everything else as written', () => {
    const text = `张三，身份证 ${ID}，电话 13812345678，账号 ${CARD_16}，补助 1200 元。`;
    expect(maskPersonalData(text)).toBe(
      '张三，身份证 110105********1232，电话 138****5678，账号 6228********5671，补助 1200 元。',
    );
  });
});

describe('findPersonalData', () => {
  it('finds an ID, a mobile and a card with their kind, position and masked form', () => {
    const text = `身份证号：${ID_WITH_X}\n联系电话：13912345678\n卡号：${CARD_19}`;
    expect(findPersonalData(text)).toEqual([
      { kind: 'resident-id', index: 5, text: ID_WITH_X, digits: ID_WITH_X, masked: '110105********002X' },
      { kind: 'mobile', index: 29, text: '13912345678', digits: '13912345678', masked: '139****5678' },
      { kind: 'bank-card', index: 44, text: CARD_19, digits: CARD_19, masked: '6222***********0128' },
    ]);
  });

  it('finds numbers written in groups with spaces or hyphens', () => {
    const kinds = findPersonalData('138-1234-5678；6228 4800 1234 5671；110105 19900101 1232').map((h) => h.kind);
    expect(kinds).toEqual(['mobile', 'bank-card', 'resident-id']);
  });

  it('finds a mobile written with +86 in front', () => {
    expect(findPersonalData('+86 13812345678')[0]?.masked).toBe('138****5678');
    expect(findPersonalData('+8613812345678')[0]?.masked).toBe('86138****5678');
  });

  it('ignores digits that are part of a longer number, a decimal, a date or an office line', () => {
    const text = [
      '合同编号 213812345678901',
      '金额 0.13812345678',
      '公示期 2026-11-20 至 2026-11-26',
      '办公电话 0571-88001234',
      '订单 12345678901234567890',
      '统计 2026 年 10 月 158835 件',
    ].join('\n');
    expect(findPersonalData(text)).toEqual([]);
  });

  it('skips mobiles when asked to, but still finds IDs and cards', () => {
    const hits = findPersonalData(`13812345678 ${ID}`, { mobiles: false });
    expect(hits.map((h) => h.kind)).toEqual(['resident-id']);
  });

  it('does not take a long non-ID number ending in X for an ID', () => {
    expect(findPersonalData('110105199001011233X')).toEqual([]);
  });
});

describe('positionOf', () => {
  it('gives the 1-based line and column of an offset', () => {
    expect(positionOf('a\nbc\nd', 3)).toEqual({ line: 2, column: 2 });
    expect(positionOf('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('lineFinder', () => {
  it('gives the same line as positionOf for every offset, newlines included', () => {
    const text = 'a\nbc\n\nd\n';
    const lineAt = lineFinder(text);
    for (let i = 0; i <= text.length; i += 1) expect(lineAt(i), `offset ${i}`).toBe(positionOf(text, i).line);
  });

  it('is line 1 everywhere in a text without newlines', () => {
    expect(lineFinder('abc')(2)).toBe(1);
  });
});
