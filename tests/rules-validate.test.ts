/**
 * Standing rules and lists through `npm run validate`, as a clerk meets them: two 现行 versions of one 村规民约, a
 * missing or mismatched previous version, a 征求意见稿 without its deadline, a 现行 version without its adopting
 * meeting, a flowchart without steps, a rule filed under a grid: each with file, line, field, problem and fix, in
 * the exact words of tests/fixtures/rules-invalid.expected.txt.
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

describe('npm run validate on rules and lists', () => {
  const result = validate('tests/fixtures/rules-invalid');

  it('fails with every problem, in the exact words reviewed in the expected file', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(readFileSync('tests/fixtures/rules-invalid.expected.txt', 'utf8'));
  });

  it('refuses a second 现行 version and says which one to repeal', () => {
    expect(result.stderr).toContain(
      'tests/fixtures/rules-invalid/rules/dongcun-cunguiminyue-2025.md:5 status（状态）\n' +
        '  问题：东村已有现行的村规民约（dongcun-cunguiminyue-2019），同一地点同类只能有一个现行版本\n' +
        '  修改：把旧版本“dongcun-cunguiminyue-2019”的状态改为“已废止”，或把本版本改为征求意见稿',
    );
  });

  it('refuses a previous version that does not exist or is another kind', () => {
    expect(result.stderr).toContain('  问题：找不到上一版本“dongcun-fuwu-2025”');
    expect(result.stderr).toContain(
      '  问题：上一版本“dongcun-cunguiminyue-2019”是东村的村规民约，本版本是东村的小微权力清单',
    );
  });

  it('asks a 征求意见稿 for its deadline and a 现行 version for its adoption', () => {
    expect(result.stderr).toContain('dongcun-gongyue-2026.md:2 commentDeadline（征求意见截止日期）');
    expect(result.stderr).toContain('  问题：现行版本缺少“通过日期”');
    expect(result.stderr).toContain('  问题：现行版本缺少“通过会议”');
    expect(result.stderr).toContain('  问题：找不到会议纪要“2026-01-01-meiyou”');
  });

  it('counts the rules it read', () => {
    expect(result.stderr).toContain(
      '内容检查未通过：9 处问题（site 1, places 3, meetings 1, rules 8；按 2026-11-24 检查）',
    );
  });
});
