/**
 * `npm run validate` as editors and CI meet it: every problem at once, each with file, line, field, problem
 * and fix, in the exact words of tests/fixtures/invalid-content.expected.txt (review wording changes there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild, OUTPUT_ROOT } from './support/build.ts';

function validate(contentDir: string) {
  return spawnSync(process.execPath, ['scripts/validate.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, BUILD_DATE: '2026-11-24' },
    encoding: 'utf8',
  });
}

describe('npm run validate', () => {
  it('accepts the valid fixture and says what it checked', () => {
    const result = validate('tests/fixtures/valid-minimal');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '内容检查通过：site 1, places 3, notices 1, meetings 1, stats 1, legal 1（按 2026-11-24 检查',
    );
  });

  it('reports every problem of the invalid fixture at once, with the exact messages', () => {
    const result = validate('tests/fixtures/invalid-content');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(readFileSync('tests/fixtures/invalid-content.expected.txt', 'utf8'));
    expect(result.stderr).toContain('内容检查未通过：18 处问题');
  });

  it('accepts the bundled demo content', () => {
    const result = validate('content');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the build with invalid content', () => {
  it('stops before writing anything to the output folder', async () => {
    const outDir = path.join(OUTPUT_ROOT, 'invalid-build');
    rmSync(outDir, { recursive: true, force: true });
    const result = await runBuild({ contentDir: 'tests/fixtures/invalid-content', outDir, today: '2026-11-24' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('内容检查未通过：18 处问题，网站未生成');
    expect(result.output).toContain('period.end（公示期 › 公示结束日期）');
    expect(existsSync(outDir)).toBe(false);
  });
});
