/**
 * One gate, one verdict (issue 12): `npm run validate`, the build and the CMS save check judge the same content
 * files the same way. Each fixture folder holds one file per case (tests/fixtures/gate-entries: unknown keys,
 * personal data in a field and in the body, raw HTML, missing place and notice, a month not begun, a body over
 * 200 KB); the validate output is also compared word for word with its expected text, so agreeing on nothing
 * cannot pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKERS, validateCli, type Verdict } from './support/gate-checkers.ts';

const BAD = 'tests/fixtures/gate-entries';
const GOOD = 'tests/fixtures/valid-minimal';

describe('validate, build and the CMS save check agree', () => {
  it('gives the exact expected messages through npm run validate', () => {
    const result = validateCli(BAD);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(readFileSync('tests/fixtures/gate-entries.expected.txt', 'utf8'));
  });

  it('refuses the same problems in the same files and fields through every checker', { timeout: 120_000 }, async () => {
    const verdicts: Record<string, Verdict> = {};
    for (const [name, check] of Object.entries(CHECKERS)) verdicts[name] = await check(BAD);
    const reference = verdicts['npm run validate']!;
    expect(reference.ok).toBe(false);
    expect(reference.problems).toHaveLength(11);
    for (const [name, verdict] of Object.entries(verdicts)) expect(verdict, name).toEqual(reference);
  });

  it('accepts the same valid content through every checker', { timeout: 300_000 }, async () => {
    for (const [name, check] of Object.entries(CHECKERS)) {
      expect(await check(GOOD), name).toEqual({ ok: true, problems: [] });
    }
  });
});
