import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/lib/content/content-files.ts';
import { validateEntries } from '../src/lib/content/validate-content.ts';

const FIXTURES = 'tests/fixtures/finance-import';
const GBK_CSV = `${FIXTURES}/ledger-gbk.csv`;
const TODAY = '2026-12-24';

/** A temporary copy of the minimal content (place 东村 = dongcun), with `extra` files laid over it. */
function contentCopy(extra: Record<string, string> = {}): string {
  const content = mkdtempSync(path.join(os.tmpdir(), 'gkl-finimport-'));
  cpSync('tests/fixtures/valid-minimal', content, { recursive: true });
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  }
  return content;
}

/** The real command, as `npm run import:finance -- …` runs it. */
function runImport(content: string, file: string, ...flags: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import-finance.ts', file, ...flags], {
    env: { ...process.env, CONTENT_DIR: content, BUILD_DATE: TODAY, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const financeDir = path.join(content, 'finance');
  const files = () => (existsSync(financeDir) ? readdirSync(financeDir).sort() : []);
  return { ...result, financeDir, files };
}

let xlsx: string;

/**
 * The same ledger as the GBK CSV, as the accounting software's .xlsx export: real date cells, numbers as numbers
 * formatted "#,##0.00", the 本月合计 rows included.
 */
beforeAll(async () => {
  const rows = parseCsv(iconv.decode(readFileSync(GBK_CSV), 'gbk')) as string[][];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('现金日记账');
  rows.forEach((cells, i) => {
    if (i === 0) {
      sheet.addRow(cells);
      return;
    }
    sheet.addRow(
      cells.map((cell, column) => {
        if (cell === '') return null;
        if (column === 0) {
          const [y, m, d] = cell.split('/').map(Number) as [number, number, number];
          return new Date(Date.UTC(y, m - 1, d));
        }
        return column >= 4 ? Number(cell.replace(/,/g, '')) : cell;
      }),
    );
  });
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
  for (const column of [5, 6, 7]) sheet.getColumn(column).numFmt = '#,##0.00';
  xlsx = path.join(mkdtempSync(path.join(os.tmpdir(), 'gkl-finimport-xlsx-')), '台账.xlsx');
  await workbook.xlsx.writeFile(xlsx);
});

describe('npm run import:finance', () => {
  it('imports the .xlsx export and the GBK CSV of the same ledger to byte-identical JSON that passes the gate', () => {
    const fromXlsx = runImport(contentCopy(), xlsx, '--place', 'dongcun');
    expect(fromXlsx.stderr).toBe('');
    expect(fromXlsx.status).toBe(0);
    const fromCsv = runImport(contentCopy(), GBK_CSV, '--place', '东村');
    expect(fromCsv.stderr).toBe('');
    expect(fromCsv.status).toBe(0);
    expect(fromCsv.stdout).toContain('文件是 GB18030 编码，已自动转换。');
    expect(fromCsv.stdout).toContain('跳过 2 行合计（本月合计、本年累计）。');
    expect(fromCsv.files()).toEqual(['dongcun-2026-11.json', 'dongcun-2026-12.json']);
    expect(fromXlsx.files()).toEqual(fromCsv.files());
    for (const name of fromCsv.files()) {
      expect(readFileSync(path.join(fromXlsx.financeDir, name))).toEqual(
        readFileSync(path.join(fromCsv.financeDir, name)),
      );
    }
    const november = JSON.parse(readFileSync(path.join(fromCsv.financeDir, 'dongcun-2026-11.json'), 'utf8')) as {
      openingBalance: number;
      income: { category: string; amount: number }[];
      expense: { category: string }[];
      closingBalance: number;
    };
    // 254,412.16 + 6,800 + 45,000 − 13,800 − 986.24, in 分.
    expect(november.openingBalance).toBe(254412.16);
    expect(november.closingBalance).toBe(291425.92);
    expect(november.income.map((l) => [l.category, l.amount])).toEqual([
      ['operating', 6800],
      ['subsidy', 45000],
    ]);
    expect(november.expense.map((l) => l.category)).toEqual(['management', 'publicWelfare']);
    const december = JSON.parse(readFileSync(path.join(fromCsv.financeDir, 'dongcun-2026-12.json'), 'utf8')) as {
      openingBalance: number;
      closingBalance: number;
    };
    expect(december).toMatchObject({ openingBalance: 291425.92, closingBalance: 291946.42 });
    // What `npm run validate` runs, on the folder as written.
    const { entries } = readContent(path.dirname(fromCsv.financeDir));
    expect(validateEntries(entries, TODAY).errors).toEqual([]);
  });

  it("opens with last month's closing balance when that ledger exists, and fills a month without lines", () => {
    const october = {
      place: 'dongcun',
      month: '2026-10',
      openingBalance: 100,
      income: [],
      expense: [],
      closingBalance: 100.5,
    };
    const csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'gkl-finimport-')), 'ledger.csv');
    writeFileSync(
      csv,
      [
        '日期,凭证号,摘要,科目,收入,支出',
        '2026-11-03,记-001,集体厂房租金,经营收入,6800,',
        '2027-01-05,记-001,保洁工资,公益事业支出,,800.5',
      ].join('\n'),
    );
    const content = contentCopy({ 'finance/dongcun-2026-10.json': JSON.stringify(october) });
    const finance = path.join(content, 'finance');
    const run = spawnSync(process.execPath, ['scripts/import-finance.ts', csv, '--place', 'dongcun'], {
      env: { ...process.env, CONTENT_DIR: content, BUILD_DATE: '2027-01-20' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('2026-12 没有收支，生成一份空台账（期初、期末余额相同）。');
    const read = (month: string) =>
      JSON.parse(readFileSync(path.join(finance, `dongcun-${month}.json`), 'utf8')) as {
        openingBalance: number;
        closingBalance: number;
      };
    expect(read('2026-11')).toMatchObject({ openingBalance: 100.5, closingBalance: 6900.5 });
    expect(read('2026-12')).toMatchObject({ openingBalance: 6900.5, closingBalance: 6900.5 });
    expect(read('2027-01')).toMatchObject({ openingBalance: 6900.5, closingBalance: 6100 });
  });

  it('names the row and column of every problem, with a fix, and writes nothing', () => {
    const content = contentCopy();
    const file = `${FIXTURES}/invalid.csv`;
    const run = runImport(content, file, '--place', 'dongcun', '--opening', '20000');
    expect(run.status).toBe(1);
    expect(run.files()).toEqual([]);
    expect(run.stderr).toBe(readFileSync(`${FIXTURES}/invalid.expected.txt`, 'utf8'));
  });

  it("reports the gate's ledger rules on the rows they concern: a voucher used twice, an opening that does not chain", () => {
    const file = `${FIXTURES}/duplicate-voucher.csv`;
    const duplicate = runImport(contentCopy(), file, '--place', 'dongcun');
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toBe(
      [
        `${file} 第 4 行「凭证号」：凭证号“记-001”与收入明细第 1 笔重复`,
        '  修改：核对凭证：同一个月每张凭证只有一个编号；一张凭证记多笔时改用 记-012-1、记-012-2',
        '',
        '1 个问题，未写入任何文件。改正后重新导入。',
        '',
      ].join('\n'),
    );
    const october = { place: 'dongcun', month: '2026-10', openingBalance: 999, closingBalance: 999 };
    const content = contentCopy({ 'finance/dongcun-2026-10.json': JSON.stringify(october) });
    writeFileSync(path.join(content, 'ledger.csv'), readFileSync(file, 'utf8').replace('记-001,路灯', '记-002,路灯'));
    const chain = runImport(content, path.join(content, 'ledger.csv'), '--place', 'dongcun');
    expect(chain.status).toBe(1);
    expect(chain.stderr).toContain('第 2 行「收入」：期初余额 1,000.00 元与上月（2026-10）期末余额 999.00 元不一致');
    expect(chain.files()).toEqual(['dongcun-2026-10.json']);
  });

  it('refuses to overwrite an existing ledger without --replace, and needs an opening balance and a place', () => {
    const first = runImport(contentCopy(), GBK_CSV);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain(`${GBK_CSV}「--place」：没有指定是哪个村/社区的台账`);
    expect(first.files()).toEqual([]);

    const content = contentCopy();
    expect(runImport(content, GBK_CSV, '--place', 'dongcun').status).toBe(0);
    const before = readFileSync(path.join(content, 'finance', 'dongcun-2026-11.json'), 'utf8');
    const again = runImport(content, GBK_CSV, '--place', 'dongcun');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      `${GBK_CSV} 第 3 行「日期」：dongcun 2026-11 已有台账（${path.relative(process.cwd(), path.join(content, 'finance'))}/dongcun-2026-11.json）`,
    );
    const replaced = runImport(content, GBK_CSV, '--place', 'dongcun', '--replace');
    expect(replaced.status).toBe(0);
    expect(readFileSync(path.join(content, 'finance', 'dongcun-2026-11.json'), 'utf8')).toBe(before);
    // Written to a temporary name and renamed: nothing else is left in the folder.
    expect(replaced.files()).toEqual(['dongcun-2026-11.json', 'dongcun-2026-12.json']);
  });
});
