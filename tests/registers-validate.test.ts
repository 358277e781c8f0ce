/**
 * The 三资 registers through `npm run validate`, as a clerk meets it: bad amounts, a contract ending before it
 * starts, payments above the contract amount, a duplicated contract id, a resource naming a contract that does
 * not exist, an ID number in the counterparty, a 决议 of another village or one that does not exist, a file named
 * after the wrong place; and the warnings (expiring, past due and unpaid, no 决议), in the exact words of
 * tests/fixtures/registers-invalid.expected.txt and .expected-warnings.txt.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const result = spawnSync(process.execPath, ['scripts/validate.ts'], {
  env: { ...process.env, CONTENT_DIR: 'tests/fixtures/registers-invalid', BUILD_DATE: '2026-11-24', NO_COLOR: '1' },
  encoding: 'utf8',
});

describe('npm run validate on registers', () => {
  it('fails with every problem, in the exact words reviewed in the expected file', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(readFileSync('tests/fixtures/registers-invalid.expected.txt', 'utf8'));
  });

  it('prints the warnings without failing on them, in the exact words reviewed', () => {
    expect(result.stdout).toBe(readFileSync('tests/fixtures/registers-invalid.expected-warnings.txt', 'utf8'));
  });

  it('names payments above the contract amount, to the 分', () => {
    expect(result.stderr).toContain(
      'tests/fixtures/registers-invalid/registers/dongcun.json:33 contracts.1.payments（合同 › 第 2 项 › 已付款项）\n' +
        '  问题：已付款项合计 12,000.01 元，超过合同总金额 12,000.00 元',
    );
  });

  it('refuses a 决议 of another village', () => {
    expect(result.stderr).toContain('  问题：会议纪要“2026-10-01-xicun-hetong”属于 xicun，不是 beicun');
  });
});
