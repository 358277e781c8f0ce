import { describe, expect, it } from 'vitest';
import type { RawEntry } from '../content/content-files.ts';
import { importFinance, parseLedgerAmount, parseLedgerDate } from './import-finance.ts';

const places: RawEntry[] = [
  {
    collection: 'places',
    id: 'ceshi',
    file: 'places/ceshi.json',
    data: { name: '测试街道', level: 'street', order: 1 },
    lineOf: () => undefined,
  },
  {
    collection: 'places',
    id: 'dongcun',
    file: 'places/dongcun.json',
    data: { name: '东村', level: 'village', parent: 'ceshi', order: 1, phone: '0999-86660002' },
    lineOf: () => undefined,
  },
];
const context = {
  places: [
    { id: 'ceshi', name: '测试街道', level: 'street' as const },
    { id: 'dongcun', name: '东村', level: 'village' as const, parent: 'ceshi' },
  ],
  today: '2026-12-24',
  existing: places,
  replace: false,
  folder: 'content/finance',
};
const run = (csv: string, extra: Partial<typeof context> & { place?: string; opening?: number } = {}) =>
  importFinance(new TextEncoder().encode(csv), '东村台账.csv', { ...context, ...extra });
const messages = (result: Awaited<ReturnType<typeof run>>) =>
  result.errors.map((e) => `${e.line ?? ''}「${e.field}」${e.message}`);

describe('import:finance reading', () => {
  it('reads the date formats accounting software writes', () => {
    for (const text of ['2026-08-05', '2026/8/5', '2026.8.5', '2026年8月5日', '20260805', '2026-08-05 00:00:00']) {
      expect(parseLedgerDate(text), text).toBe('2026-08-05');
    }
    expect(parseLedgerDate('8月5日')).toBeUndefined();
  });

  it('reads amounts with thousands commas, ¥ and 元; empty and "-" are no amount; words are not numbers', () => {
    expect(parseLedgerAmount('45,000.00')).toBe(45000);
    expect(parseLedgerAmount('¥1234.56')).toBe(1234.56);
    expect(parseLedgerAmount('98元')).toBe(98);
    expect(parseLedgerAmount('')).toBeNull();
    expect(parseLedgerAmount('-')).toBeNull();
    expect(parseLedgerAmount('一千')).toBeUndefined();
  });

  it('takes 借方/贷方 columns, the place from the file name, the opening from the 余额 column, and skips totals', async () => {
    const result = await run(
      [
        '序号,日期,凭证字号,摘要,会计科目,借方,贷方,余额,制单人',
        '1,,,上月结转,,,,100.00,',
        '2,2026-11-02,记-1,收鱼塘承包费,发包及上交收入,200.00,0.00,300.00,王会计',
        '3,2026-11-03,记-2,买扫帚,公益事业支出,0.00,50.50,249.50,王会计',
        '4,,,本月合计,,200.00,50.50,249.50,',
        '5,,,本年累计,,200.00,50.50,249.50,',
      ].join('\r\n'),
    );
    expect(messages(result)).toEqual([]);
    expect(result.totalRows).toBe(2);
    expect(result.ledgers).toHaveLength(1);
    expect(result.ledgers[0]).toMatchObject({
      place: 'dongcun',
      month: '2026-11',
      openingBalance: 100,
      income: [{ voucher: '记-1', category: 'contracting', amount: 200 }],
      expense: [{ voucher: '记-2', category: 'publicWelfare', amount: 50.5 }],
      closingBalance: 249.5,
    });
  });

  it('refuses unknown columns, a missing opening balance and personal data, naming the row and column', async () => {
    const header = await run('日期,凭证号,摘要,科目,收入,支出,经办人\n2026-11-02,记-1,租金,经营收入,200,\n');
    expect(messages(header)).toEqual(['1「经办人」不认识的列名“经办人”']);

    const noOpening = await run('日期,凭证号,摘要,科目,收入,支出\n2026-11-02,记-1,租金,经营收入,200,\n');
    expect(messages(noOpening)).toEqual([
      '「期初余额」不知道 2026-11 的期初余额：没有“期初余额”行，也没有 dongcun-2025-10.json'.replace(
        '2025-10',
        '2026-10',
      ),
    ]);
    expect(noOpening.ledgers).toEqual([]);

    const personal = await run(
      '日期,凭证号,摘要,科目,收入,支出\n2026-11-02,记-1,代发低保金 身份证11010519491231002X,救助及代发补助,,200\n',
      { opening: 1000 },
    );
    expect(personal.errors).toHaveLength(1);
    expect(personal.errors[0]).toMatchObject({ line: 2, field: '摘要' });
    expect(personal.ledgers).toEqual([]);
  });
});
