import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsSchema } from '../src/schemas/stats.ts';

function runImport(csv: string, ...flags: string[]) {
  const content = mkdtempSync(path.join(os.tmpdir(), 'gkl-import-'));
  cpSync('tests/fixtures/valid-minimal', content, { recursive: true });
  // What an interrupted run of the old importer left: an empty file. It must not crash the next run.
  if (flags.includes('--replace')) writeFileSync(path.join(content, 'stats', 'dongcun-2026-09.json'), '');
  if (csv.includes('ambiguous'))
    cpSync('tests/fixtures/import/extra-places', path.join(content, 'places'), { recursive: true });
  const result = spawnSync(process.execPath, ['scripts/import-stats.ts', csv, ...flags], {
    env: { ...process.env, CONTENT_DIR: content, BUILD_DATE: '2026-11-24' },
    encoding: 'utf8',
  });
  return { ...result, statsDir: path.join(content, 'stats') };
}

describe('npm run import:stats', () => {
  it('imports a spreadsheet export with Chinese headers, BOM, CRLF, quoted cells and place names', () => {
    const run = runImport('tests/fixtures/import/valid-stats.csv');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(run.statsDir).sort()).toEqual([
      'dongcun-2026-08.json',
      'dongcun-2026-09.json',
      'dongcun-2026-10.json',
    ]);
    const august = statsSchema.parse(JSON.parse(readFileSync(path.join(run.statsDir, 'dongcun-2026-08.json'), 'utf8')));
    expect(august.demands).toEqual({ received: 1020, responded: 1020, resolved: 998, rated: 800, satisfied: 790 });
    const september = JSON.parse(readFileSync(path.join(run.statsDir, 'dongcun-2026-09.json'), 'utf8')) as {
      note: string;
    };
    expect(september.note).toBe('本月起按新口径统计，含“网上信访”');
  });

  it('with --dry-run checks everything and writes nothing', () => {
    const run = runImport('tests/fixtures/import/valid-stats.csv', '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 份月度统计检查通过（--dry-run，未写入）');
    expect(readdirSync(run.statsDir)).toEqual(['dongcun-2026-10.json']);
  });

  it('reports every bad row with its line and column, and writes nothing at all', () => {
    const run = runImport('tests/fixtures/import/invalid-stats.csv');
    expect(run.status).toBe(1);
    expect(readdirSync(run.statsDir)).toEqual(['dongcun-2026-10.json']);
    const file = 'tests/fixtures/import/invalid-stats.csv';
    expect(run.stderr).toBe(
      [
        `${file}:2 demands.responded（列“已响应”）\n  问题：已响应 41 多于受理诉求 40\n  修改：核对台账：已响应不能超过受理诉求`,
        `${file}:3 place（列“村/社区”）\n  问题：找不到地点“西村”\n  修改：填写地点编号（如 taoyuan）或名称（如 桃源村）`,
        `${file}:4 month（列“月份”）\n  问题：不是有效的月份（格式应为 YYYY-MM，如 2025-03）\n  修改：按提示的格式修改“月份”`,
        // From the content gate (validateEntries), worded as `npm run validate` words it.
        `${file}:5 month（列“月份”）\n  问题：2027-01 还没到（今天是 2026-11-24）\n  修改：统计只能填报已经开始的月份：检查年份和月份`,
        `${file}:6 demands.received（列“群众说事（受理诉求）”）\n  问题：应为数字，现在是文字“四十”\n  修改：只填阿拉伯数字，不要带单位或文字，如 12`,
        `${file}:7 legalEducation.participants（列“参与人次”）\n  问题：缺少必填项\n  修改：填写“普法宣传 › 参与人次”`,
        `${file}:9 month（列“月份”）\n  问题：dongcun 在 2026-05 已有一份统计（第 8 行）\n  修改：每个地点每月只保留一份统计：合并两份文件的数字，删除其中一份`,
        `${file}:10 month（列“月份”）\n  问题：东村 2026-10 已有统计文件\n  修改：确认要覆盖时加 --replace 重新导入，否则删除这一行`,
        '',
        '8 个问题，未写入任何文件。改正后重新导入。',
        '',
      ].join('\n'),
    );
  });

  it('reads a .xlsx as Excel saves it (a number shown as "1,020" is 1020)', () => {
    const run = runImport('tests/fixtures/import/valid-stats.xlsx');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const august = JSON.parse(readFileSync(path.join(run.statsDir, 'dongcun-2026-08.json'), 'utf8')) as {
      demands: { received: number };
    };
    expect(august.demands.received).toBe(1020);
    expect(readdirSync(run.statsDir)).toContain('dongcun-2026-09.json');
  });

  it('reads a CSV saved as GBK (Excel on Chinese Windows) or UTF-16 ("Unicode 文本"), and says it converted it', () => {
    for (const [fixture, encoding] of [
      ['valid-stats-gbk.csv', 'GB18030'],
      ['valid-stats-utf16.txt', 'UTF-16LE'],
    ] as const) {
      const run = runImport(`tests/fixtures/import/${fixture}`);
      expect(run.stderr, fixture).toBe('');
      expect(run.stdout).toContain(`文件是 ${encoding} 编码，已自动转换。`);
      const september = JSON.parse(readFileSync(path.join(run.statsDir, 'dongcun-2026-09.json'), 'utf8')) as {
        note: string;
      };
      expect(september.note).toBe('本月起按新口径统计，含“网上信访”');
    }
  });

  it('says which encoding to save as when the header cannot be read at all', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gkl-import-')), 'big5.csv');
    // Valid bytes in no encoding the importer expects for a stats table: Shift_JIS katakana, not a Chinese header.
    writeFileSync(file, Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x2c, 0x83, 0x65, 0x0d, 0x0a]));
    const run = runImport(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('表头一个列名也不认识');
    expect(run.stderr).toContain('修改：在 Excel 中“另存为”，保存类型选“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件');
  });

  it('skips Excel\'s empty rows (",,,,") instead of reporting them', () => {
    const run = runImport('tests/fixtures/import/excel-empty-rows.csv');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 份月度统计已导入。');
  });

  it('checks every row\'s cell count against the header: an unquoted "1,200" is refused, not split into 1 and a note', () => {
    const run = runImport('tests/fixtures/import/cell-counts.csv');
    expect(run.status).toBe(1);
    expect(readdirSync(run.statsDir)).toEqual(['dongcun-2026-10.json']);
    const file = 'tests/fixtures/import/cell-counts.csv';
    expect(run.stderr).toBe(
      [
        `${file}:2\n  问题：这一行有 26 格，表头有 25 列\n  修改：数字里的千位逗号（如 1,200）会把一格分成两格：去掉逗号写 1200，或给这一格加英文引号 "1,200"`,
        `${file}:3\n  问题：这一行有 26 格，表头有 25 列\n  修改：数字里的千位逗号（如 1,200）会把一格分成两格：去掉逗号写 1200，或给这一格加英文引号 "1,200"`,
        '',
        '2 个问题，未写入任何文件。改正后重新导入。',
        '',
      ].join('\n'),
    );
  });

  it('refuses a place name several places share, listing the candidates with their 街道/村', () => {
    const run = runImport('tests/fixtures/import/ambiguous-place.csv');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'tests/fixtures/import/ambiguous-place.csv:2 place（列“村/社区”）\n  问题：有 2 个地点都叫“新村”：北街街道 · 新村（村，编号 beijie-xincun）、测试街道 · 新村（村，编号 xincun）',
    );
    expect(readdirSync(run.statsDir)).toEqual(['dongcun-2026-10.json']);
  });

  it('refuses an unknown flag (a typo of --dry-run must not write files)', () => {
    const run = runImport('tests/fixtures/import/valid-stats.csv', '--dryrun');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不认识的参数 --dryrun');
    expect(readdirSync(run.statsDir)).toEqual(['dongcun-2026-10.json']);
  });

  it('leaves no temporary file behind (each file is written to a temporary name, then renamed)', () => {
    const run = runImport('tests/fixtures/import/valid-stats.csv', '--replace');
    expect(run.status).toBe(0);
    expect(readdirSync(run.statsDir).sort()).toEqual([
      'dongcun-2026-08.json',
      'dongcun-2026-09.json',
      'dongcun-2026-10.json',
    ]);
    expect(readFileSync(path.join(run.statsDir, 'dongcun-2026-09.json'), 'utf8')).toContain('"place": "dongcun"');
  });
});
