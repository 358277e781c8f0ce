/**
 * scripts/deploy.ts builds into a fresh release folder and switches `current` only when the build and all its
 * checks pass: a failing build leaves the live site exactly as it was and leaves no half-written release behind.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let root: string;
let leakyContent: string;

function deploy(contentDir: string) {
  return spawnSync(process.execPath, ['scripts/deploy.ts'], {
    env: { ...process.env, DEPLOY_ROOT: root, CONTENT_DIR: path.resolve(contentDir), BUILD_DATE: '2026-11-24' },
    encoding: 'utf8',
  });
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'gkl-deploy-'));
  // Valid to the schemas but leaking a resident ID in the body: validation must stop it.
  leakyContent = mkdtempSync(path.join(os.tmpdir(), 'gkl-leaky-'));
  cpSync('tests/fixtures/valid-minimal', leakyContent, { recursive: true });
  const notice = path.join(leakyContent, 'notices', '2026-11-20-caiwu-10yue.md');
  writeFileSync(notice, `${readFileSync(notice, 'utf8')}\n领款人身份证 110105199001011232。\n`);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(leakyContent, { recursive: true, force: true });
});

describe('npm run deploy', () => {
  it('builds a release and points current at it', () => {
    const result = deploy('tests/fixtures/valid-minimal');
    expect(result.status, result.stderr).toBe(0);
    const live = readlinkSync(path.join(root, 'current'));
    expect(live).toMatch(/^releases\/\d{8}T\d{6}Z/);
    expect(existsSync(path.join(root, 'current', 'index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'current', 'build-info.json'))).toBe(true);
  }, 180_000);

  it('leaves the live site untouched when content is invalid or leaks personal data', () => {
    const liveBefore = readlinkSync(path.join(root, 'current'));
    const releasesBefore = readdirSync(path.join(root, 'releases'));
    for (const content of ['tests/fixtures/invalid-content', leakyContent]) {
      const result = deploy(content);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('部署失败：构建或检查未通过，线上网站保持不变');
    }
    expect(readlinkSync(path.join(root, 'current'))).toBe(liveBefore);
    expect(readdirSync(path.join(root, 'releases'))).toEqual(releasesBefore);
    expect(existsSync(path.join(root, 'current', 'index.html'))).toBe(true);
  }, 180_000);
});
