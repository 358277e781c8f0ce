import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsSchema } from '../src/schemas/stats.ts';

function runImport(csv: string, ...flags: string[]) {
  const content = mkdtempSync(path.join(os.tmpdir(), 'gkl-import-'));
  cpSync('tests/fixtures/valid-minimal', content, { recursive: true });
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
        `${file}:5 month（列“月份”）\n  问题：2027-01 还没到（今天是 2026-11-24）\n  修改：检查年份和月份`,
        `${file}:6 demands.received（列“群众说事（受理诉求）”）\n  问题：应为数字，现在是文字“四十”\n  修改：只填阿拉伯数字，不要带单位或文字，如 12`,
        `${file}:7 legalEducation.participants（列“参与人次”）\n  问题：缺少必填项\n  修改：填写“普法宣传 › 参与人次”`,
        `${file}:9 month（列“月份”）\n  问题：与第 8 行重复（同一地点同一月份）\n  修改：合并两行的数字，只保留一行`,
        `${file}:10 month（列“月份”）\n  问题：东村 2026-10 已有统计文件\n  修改：确认要覆盖时加 --replace 重新导入，否则删除这一行`,
        '',
        '8 个问题，未写入任何文件。改正后重新导入。',
        '',
      ].join('\n'),
    );
  });
});
