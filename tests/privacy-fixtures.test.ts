/**
 * The personal-data scanner on the forms people really write (issue 12), through `npm run validate`.
 * tests/fixtures/privacy/notices/2026-11-20-must-fail.md has one case per body line (full-width digits, zero-width
 * and U+3000 separators, IDs with a wrong check code, mobiles in any grouping and with any dash or dot, bank cards
 * in any grouping); each must be refused on its own line with the exact message of privacy.expected.txt.
 * 2026-11-20-must-pass.md holds look-alikes that must not be flagged: masked numbers, office lines with area codes,
 * 文号, 统一社会信用代码, contract numbers, amounts, dates, tables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCli } from './support/gate-checkers.ts';

const DIR = 'tests/fixtures/privacy';
const FAIL = `${DIR}/notices/2026-11-20-must-fail.md`;
const PASS = `${DIR}/notices/2026-11-20-must-pass.md`;

/** 1-based numbers of the body lines (after the front matter) that hold a case. */
function caseLines(file: string): number[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const bodyStart = lines.indexOf('---', 1) + 2;
  return lines.flatMap((line, i) => (i + 1 > bodyStart && line.trim() !== '' ? [i + 1] : []));
}

describe('personal data written the way people write it', () => {
  const result = validateCli(DIR);

  it('is refused with the exact message for every case, and nothing else is', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(readFileSync('tests/fixtures/privacy.expected.txt', 'utf8'));
  });

  it('is found once on every line of the must-fail file, at that line', () => {
    const flagged = [...result.stderr.matchAll(new RegExp(`^${FAIL}:(\\d+) body`, 'gm'))].map((m) => Number(m[1]));
    expect(caseLines(FAIL)).toHaveLength(32);
    expect(flagged).toEqual(caseLines(FAIL));
  });

  it('never flags the look-alikes of the must-pass file', () => {
    expect(caseLines(PASS).length).toBeGreaterThan(20);
    expect(result.stderr).not.toContain(PASS);
  });
});
