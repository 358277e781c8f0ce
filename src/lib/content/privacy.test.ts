import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  isResidentId,
  lineFinder,
  maskBankCard,
  maskMobile,
  maskPersonalData,
  maskResidentId,
  normaliseForScan,
  locatePersonalData,
  passesLuhn,
  positionOf,
  residentIdStatus,
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

describe('findPersonalData on normalised text', () => {
  it('reads full-width digits, U+3000 and zero-width characters the way a reader sees them', () => {
    const text = `电话：１３８\u3000１２３４\u200b５６７８。`;
    expect(findPersonalData(text)).toEqual([
      {
        kind: 'mobile',
        index: 3,
        text: '１３８\u3000１２３４\u200b５６７８',
        digits: '13812345678',
        masked: '138****5678',
      },
    ]);
  });

  it('keeps the position of every character when zero-width characters are dropped', () => {
    const normal = normaliseForScan('a\u200bＢ1');
    expect(normal.text).toBe('aB1');
    expect(normal.origin).toEqual([0, 2, 3, 4]);
  });

  it('treats an ID with a real province and birth date but a wrong check code as an ID, and says so', () => {
    expect(residentIdStatus(ID)).toBe('valid');
    expect(residentIdStatus('110105199001011233')).toBe('check-digit-wrong');
    expect(residentIdStatus('990105199001011233')).toBeUndefined();
    expect(residentIdStatus('110105199002301233')).toBeUndefined();
    expect(findPersonalData('身份证 110105199001011233')).toEqual([
      {
        kind: 'resident-id',
        index: 4,
        text: '110105199001011233',
        digits: '110105199001011233',
        masked: '110105********1233',
        checkDigitWrong: true,
      },
    ]);
  });

  it('never joins dates, office lines or short groups into a number', () => {
    const text = [
      '2026-11-20—2026-11-27',
      '0571-87654321 0571-87654322',
      '2026.11.24 13812345',
      '第 1 2 3 组 13 15 18 户',
    ].join('\n');
    expect(findPersonalData(text)).toEqual([]);
  });

  it('finds a mobile right after a date on the same line', () => {
    expect(findPersonalData('2026-11-24 13812345678').map((h) => h.masked)).toEqual(['138****5678']);
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

describe('the quick first pass of findPersonalData (the whole text normalised at once)', () => {
  /** A deterministic sequence (a linear congruential generator), so a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed % 2147483648;
    return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  }
  // Each digit in the forms a keyboard, a paste or a converted document produces: ASCII, full-width, circled,
  // mathematical bold (outside the BMP), superscript; and what can sit between or after digits.
  const digitForms = (d: number): string[] => [
    String(d),
    String.fromCodePoint(0xff10 + d),
    d === 0 ? '⓪' : String.fromCodePoint(0x2460 + d - 1),
    String.fromCodePoint(0x1d7ce + d),
    '⁰¹²³⁴⁵⁶⁷⁸⁹'[d] as string,
  ];
  const between = ['', '', '', ' ', '-', '\u3000', '\u200b', '·', '．', '\u0301', 'ᄀ', '가', '年', 'X', 'ｘ'];
  const numbers = ['13812345678', '11010519491231002X', '6222021234567890123', '20261124', '3.14159'];

  it('finds exactly what the character-by-character scan finds, on 3,000 generated texts', () => {
    const next = random(20261128);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    let withHits = 0;
    for (let n = 0; n < 3000; n += 1) {
      let text = '';
      for (let part = 0; part < 3; part += 1) {
        text += pick(['公示：', '电话 ', '（', '身份证号', 'tel:+86', '']);
        for (const char of pick(numbers)) {
          text += /\d/.test(char) ? pick(digitForms(Number(char))) : char;
          if (next() < 0.2) text += pick(between);
        }
      }
      const exact = locatePersonalData(text);
      if (exact.length > 0) withHits += 1;
      expect(findPersonalData(text), JSON.stringify(text)).toEqual(exact);
    }
    // The generator must produce texts with personal data, or the comparison proves nothing.
    expect(withHits).toBeGreaterThan(500);
  });
});
