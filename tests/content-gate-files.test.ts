/**
 * Files the gate refuses before reading their fields (issue 12, strict content files), one fixture file per case in
 * tests/fixtures/gate-files: GBK, broken UTF-8 and UTF-16 text, a JSON file with a BOM and one with a trailing
 * comma, a YAML alias bomb, an upper-case `.MD`, a notice in a sub-folder, a `.docx` among the minutes and a
 * misspelt `Draft:`. `npm run validate` reports each with the exact words of gate-files.expected.txt, and the build
 * stops with the very same messages before writing anything (validate and build agree).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_ROOT, runBuild } from './support/build.ts';
import { errorBlocks, GATE_TODAY, validateCli } from './support/gate-checkers.ts';

const FIXTURE = 'tests/fixtures/gate-files';
const expected = readFileSync('tests/fixtures/gate-files.expected.txt', 'utf8');

describe('content files the gate cannot read as published text', () => {
  it('are each reported by npm run validate with file, line and the exact fix, without a stack trace', () => {
    const result = validateCli(FIXTURE);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(expected);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    for (const file of [
      'notices/2026-11-21-bianma-gbk.md',
      'notices/2026-11-22-bianma-sunhuai.md',
      'places/xicun.json',
    ]) {
      expect(result.stderr).toMatch(new RegExp(`${file}:\\d+\\n {2}问题：.*请另存为 UTF-8`));
    }
  });

  it('stop the build with the same messages before anything is written', { timeout: 120_000 }, async () => {
    const outDir = path.join(OUTPUT_ROOT, 'gate-files-build');
    rmSync(outDir, { recursive: true, force: true });
    const result = await runBuild({ contentDir: FIXTURE, outDir, today: GATE_TODAY });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('内容检查未通过：10 处问题，网站未生成');
    expect(errorBlocks(result.output)).toEqual(errorBlocks(expected));
    expect(errorBlocks(expected)).toHaveLength(10);
    // Astro's own readers never ran: no English JSON or front-matter error, no "Missing parameter: id".
    expect(result.output).not.toMatch(/Unexpected token|is not valid JSON|Missing parameter|Excessive alias/);
    expect(existsSync(outDir)).toBe(false);
  });
});
