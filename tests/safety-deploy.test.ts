/**
 * scripts/deploy.ts builds into a fresh release folder and switches `current` only when the build and all its
 * checks pass: a failing build leaves the live site exactly as it was and leaves no half-written release behind.
 * Issue 12: KEEP_RELEASES is validated, pruning keeps only complete releases, a lock keeps two deploys apart and
 * two deploys in the same second get two folders. Everything runs through the script, as an operator runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
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
import { RELEASE_MARKER, releaseName } from '../src/lib/build/releases.ts';
import { userEnv } from './support/build.ts';

let root: string;
let leakyContent: string;

function deployEnv(contentDir: string, extra: Record<string, string> = {}) {
  return {
    ...userEnv(),
    DEPLOY_ROOT: root,
    CONTENT_DIR: path.resolve(contentDir),
    BUILD_DATE: '2026-11-24',
    ...extra,
  };
}

function deploy(contentDir: string, extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/deploy.ts'], { env: deployEnv(contentDir, extra), encoding: 'utf8' });
}

/** The pid of a process that has exited (for a lock left behind by a killed deploy). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
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
  it('builds a release, marks it complete and points current at it', () => {
    const result = deploy('tests/fixtures/valid-minimal');
    expect(result.status, result.stderr).toBe(0);
    const live = readlinkSync(path.join(root, 'current'));
    expect(live).toMatch(/^releases\/\d{8}T\d{6}Z/);
    expect(existsSync(path.join(root, 'current', 'index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'current', 'build-info.json'))).toBe(true);
    expect(existsSync(path.join(root, 'current', RELEASE_MARKER))).toBe(true);
    // The lock is released and the last run's report sits outside every release.
    expect(existsSync(path.join(root, '.deploy.lock'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(root, 'build-report.json'), 'utf8'))).toMatchObject({ ok: true });
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
    // The failing run's report says why, outside the served folders.
    expect(JSON.parse(readFileSync(path.join(root, 'build-report.json'), 'utf8'))).toMatchObject({
      ok: false,
      failedStep: 'validate',
    });
  }, 180_000);

  it('refuses a KEEP_RELEASES that is not a positive whole number before building anything', () => {
    const releasesBefore = readdirSync(path.join(root, 'releases'));
    for (const value of ['five', '0', '-2']) {
      const result = deploy('tests/fixtures/valid-minimal', { KEEP_RELEASES: value });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        `部署未开始：KEEP_RELEASES="${value}" 不是正整数：请写 1 或更大的整数（如 KEEP_RELEASES=5），或不设置（默认保留 5 个）`,
      );
    }
    expect(readdirSync(path.join(root, 'releases'))).toEqual(releasesBefore);
  });

  it('refuses to start while another deploy holds the lock', () => {
    writeFileSync(
      path.join(root, '.deploy.lock'),
      JSON.stringify({ pid: process.pid, started: '2026-11-24T02:00:00Z' }),
    );
    try {
      const result = deploy('tests/fixtures/valid-minimal');
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        `部署未开始：另一个部署正在进行（进程 ${process.pid}，开始于 2026-11-24T02:00:00Z）。` +
          `请等它结束后再运行；如确认没有部署在运行，删除 ${path.join(root, '.deploy.lock')}。`,
      );
    } finally {
      rmSync(path.join(root, '.deploy.lock'), { force: true });
    }
  });

  it('after an interrupted deploy, keeps the good releases; same-second deploys get their own folder; no overlap', async () => {
    const releases = path.join(root, 'releases');
    const good = readlinkSync(path.join(root, 'current')).replace(/^releases\//, '');
    // An interrupted deploy: a newer release folder with some pages and no completion marker. Planted under every
    // name the next deploy could take in the coming minute, so that deploy must pick a name of its own.
    const now = Date.now();
    const interrupted: string[] = [];
    for (let s = 0; s < 60; s += 1) {
      const name = releaseName(new Date(now + s * 1000));
      mkdirSync(path.join(releases, name, 'notices'), { recursive: true });
      writeFileSync(path.join(releases, name, 'notices', 'half.html'), '<p>half');
      interrupted.push(name);
    }
    // The killed deploy also left its lock behind.
    writeFileSync(path.join(root, '.deploy.lock'), JSON.stringify({ pid: deadPid(), started: 'earlier' }));

    const first = spawn(process.execPath, ['scripts/deploy.ts'], {
      env: deployEnv('tests/fixtures/valid-minimal', { KEEP_RELEASES: '2' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    first.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    first.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const done = new Promise<number>((resolve) => first.on('close', (code) => resolve(code ?? 1)));
    // While it builds, a second deploy is turned away.
    for (let i = 0; i < 200 && !output.includes('deploy: building release'); i += 1) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const second = deploy('tests/fixtures/valid-minimal', { KEEP_RELEASES: '2' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`部署未开始：另一个部署正在进行（进程 ${first.pid}，`);

    expect(await done, output).toBe(0);
    const live = readlinkSync(path.join(root, 'current')).replace(/^releases\//, '');
    // Its name was taken by a planted folder: it got one of its own, with a -N suffix.
    expect(live).toMatch(/^\d{8}T\d{6}Z-\d+$/);
    expect(interrupted).toContain(live.replace(/-\d+$/, ''));
    // KEEP_RELEASES=2 keeps the two complete releases (the new one and the previous good one), never a broken one.
    expect(readdirSync(releases).sort()).toEqual([good, live].sort());
    expect(output).toContain(`deploy: removed incomplete release ${interrupted[0]}`);
    expect(existsSync(path.join(root, '.deploy.lock'))).toBe(false);
  }, 240_000);
});
