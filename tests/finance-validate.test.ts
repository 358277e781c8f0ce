/**
 * Village finance ledgers through `npm run validate`, as a clerk meets it: a planted unbalanced month, a broken
 * month-to-month chain, a skipped month, a duplicated voucher, bad amounts and a 低保 line with an ID number, each
 * reported with file, line, field, problem and fix (and a finance notice's declared month, `covers`), in the exact words of tests/fixtures/finance-invalid.expected.txt.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function validate(contentDir: string) {
  return spawnSync(process.execPath, ['scripts/validate.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, BUILD_DATE: '2026-11-24' },
    encoding: 'utf8',
  });
}

describe('npm run validate on finance ledgers', () => {
  const result = validate('tests/fixtures/finance-invalid');

  it('fails with every problem, in the exact words reviewed in the expected file', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(readFileSync('tests/fixtures/finance-invalid.expected.txt', 'utf8'));
  });

  it('names the unbalanced month and the closing balance it should have', () => {
    expect(result.stderr).toContain(
      'tests/fixtures/finance-invalid/finance/dongcun-2026-09.json:30 closingBalance（期末余额）\n' +
        '  问题：期初余额 75,060.55 元 + 收入合计 6,500.00 元 − 支出合计 599.20 元 = 80,961.35 元，与期末余额 80,961.45 元相差 0.10 元\n' +
        '  修改：逐笔核对收支金额；如明细无误，期末余额应填 80,961.35',
    );
  });

  it('names the broken month-to-month chain and the opening balance it should have', () => {
    expect(result.stderr).toContain(
      'tests/fixtures/finance-invalid/finance/dongcun-2026-10.json:4 openingBalance（期初余额）\n' +
        '  问题：期初余额 80,000.00 元与上月（2026-09）期末余额 80,961.45 元不一致\n' +
        '  修改：期初余额应填 80,961.45；如上月期末余额有误，先改正 tests/fixtures/finance-invalid/finance/dongcun-2026-09.json',
    );
  });

  it('refuses a 低保 line that carries an ID number, and accepts the one with name and amount only', () => {
    expect(result.stderr).toContain(
      'tests/fixtures/finance-invalid/finance/beicun-2026-10.json:18 expense.0.summary（支出明细 › 第 1 项 › 摘要）\n' +
        '  问题：“支出明细 › 第 1 项 › 摘要”中有完整的身份证号码',
    );
    expect(result.stderr).not.toContain('expense.1.summary');
  });

  it('refuses a finance notice declaring a month after its publish day, and a declared month on a 村务 notice', () => {
    expect(result.stderr).toContain(
      'tests/fixtures/finance-invalid/notices/2026-11-20-caiwu-12yue.md:6 covers（公开月份）\n' +
        '  问题：公开月份 2026-12 晚于发布日期 2026-11-20',
    );
    expect(result.stderr).toContain('  问题：只有财务公开填写公开月份（本公告是村务公开）');
  });

  it('counts the ledgers it read', () => {
    expect(result.stderr).toContain(
      '内容检查未通过：10 处问题（site 1, places 4, notices 2, finance 6；按 2026-11-24 检查）',
    );
  });
});
