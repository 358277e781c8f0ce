/**
 * The stage orderings of a statistics record, as `npm run validate` reports them on real content files
 * (tests/fixtures/invalid-stats): responded ≥ resolved (the 100 responded / 155,055 resolved, which
 * published 响应率 0.1% beside 解题率 97.6%), and the optional closed-loop detail adding up to what it splits.
 * Exact words in tests/fixtures/invalid-stats.expected.txt; the 2026-09 record has every part and is accepted.
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

describe('statistics stage orderings (npm run validate)', () => {
  it('reports each broken ordering with file, line, field, problem and fix, in exact words', () => {
    const result = validate('tests/fixtures/invalid-stats');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(readFileSync('tests/fixtures/invalid-stats.expected.txt', 'utf8'));
  });

  it('names the issue example: 155,055 resolved with only 100 responded', () => {
    const result = validate('tests/fixtures/invalid-stats');
    expect(result.stderr).toContain(
      'tests/fixtures/invalid-stats/stats/dongcun-2026-06.json:7 demands.resolved（群众诉求 › 干部解题（已办结））\n' +
        '  问题：已办结 155055 多于已响应 100\n' +
        '  修改：核对台账：已办结不能超过已响应\n',
    );
    // The valid record with every closed-loop part raises nothing.
    expect(result.stderr).not.toContain('dongcun-2026-09.json');
    expect(result.stderr).toContain('内容检查未通过：7 处问题');
  });
});
