import { describe, expect, it } from 'vitest';
import { csvCell, CsvSyntaxError, parseCsv, toCsv } from './csv.ts';

describe('CSV for Excel and spreadsheets', () => {
  it('writes a BOM, CRLF and quotes only where needed, and reads its own output back', () => {
    const csv = toCsv(
      ['名称', '说明'],
      [
        ['东村', '含“引号”, 逗号'],
        ['西村', '两行\n文字'],
        ['空', null],
      ],
    );
    expect(csv).toBe('\uFEFF名称,说明\r\n东村,"含“引号”, 逗号"\r\n西村,"两行\n文字"\r\n空,\r\n');
    expect(parseCsv(csv).map((r) => r.cells)).toEqual([
      ['名称', '说明'],
      ['东村', '含“引号”, 逗号'],
      ['西村', '两行\n文字'],
      ['空', ''],
    ]);
  });

  it('numbers rows by the line they start on, across quoted line breaks and blank lines', () => {
    const rows = parseCsv('a,b\n"x\ny",1\n\nz,"say ""hi"""\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(rows[2]?.cells).toEqual(['z', 'say "hi"']);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(
      new CsvSyntaxError(2, '引号没有配对（以 " 开始的内容没有以 " 结束）'),
    );
  });

  it('neutralises cells a spreadsheet would run as a formula, and leaves plain numbers as numbers', () => {
    const row = ['=HYPERLINK("http://x.invalid","点此")', '+1+1', "-1+cmd|' /C calc'!A0", '@SUM(A1)', '\t=1', '\r=1'];
    expect(row.map(csvCell)).toEqual([
      '\'=HYPERLINK("http://x.invalid","点此")',
      "'+1+1",
      "'-1+cmd|' /C calc'!A0",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
    ]);
    // Negative and signed numbers (a change in a count, a negative balance) stay numbers, as numbers or as text.
    expect([-12, -0.5, '-12', '+3.5', '-3.25', 0].map(csvCell)).toEqual(['-12', '-0.5', '-12', '+3.5', '-3.25', '0']);
    // The prefix is part of the cell: quoted where needed, and read back as written.
    const csv = toCsv(['决定'], [['=1+1,2'], [-7]]);
    expect(csv).toBe('\uFEFF决定\r\n"\'=1+1,2"\r\n-7\r\n');
    expect(parseCsv(csv).map((r) => r.cells)).toEqual([['决定'], ["'=1+1,2"], ['-7']]);
  });
});
