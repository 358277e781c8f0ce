/**
 * The CMS as a village clerk uses it: real Chromium, real Decap bundle built by `astro build`, real decap-server in
 * git mode, on a THROWAWAY git repository (decap-server commits with `git add .` and must never touch this repo).
 * Screenshots go to tests/.output/cms-screens, or to docs/images/editors when CMS_SCREENSHOTS=1 (docs/editors.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { buildSite, OUTPUT_ROOT } from './support/build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const TODAY = '2026-11-24';
const ADMIN_OUT = path.join(OUTPUT_ROOT, 'cms-admin');
const SITE_OUT = path.join(OUTPUT_ROOT, 'cms-site');
const SCREENSHOTS =
  process.env.CMS_SCREENSHOTS === '1' ? path.resolve('docs/images/editors') : path.join(OUTPUT_ROOT, 'cms-screens');

let repo: string;
let content: string;
let decapServer: ChildProcess;
let server: StaticServer;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function git(...args: string[]): string {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

async function startDecapServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['node_modules/decap-server/dist/index.js'], {
    env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: repo, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${port}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'info' }),
      });
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`decap-server did not start:\n${log}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function openAdmin(page: Page, hash: string): Promise<void> {
  await page.goto(`${server.url}/admin/${hash}`);
  // Every test page is a fresh browser context, so the local backend asks to log in each time.
  const login = page.getByRole('button', { name: '登录' });
  await login.waitFor({ timeout: 30_000 });
  await login.click();
}

/** Pick an option in a Decap select or relation field (react-select), by the field's label and the option text. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(option);
  await page.getByText(option, { exact: true }).last().click();
}

function noticeFiles(): string[] {
  return readdirSync(path.join(content, 'notices')).sort();
}

beforeAll(async () => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'gkl-cms-repo-'));
  content = path.join(repo, 'content');
  cpSync('tests/fixtures/valid-minimal', content, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('add', '.');
  git('commit', '-q', '-m', 'fixture');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const port = await freePort();
  // The admin page is built like production; only its local backend points at this test's decap-server.
  await buildSite({
    contentDir: content,
    outDir: ADMIN_OUT,
    today: TODAY,
    env: { CMS_LOCAL_BACKEND_URL: `http://localhost:${port}/api/v1`, CMS_EDITORIAL_WORKFLOW: '0' },
  });
  decapServer = await startDecapServer(port);
  server = await serveStatic(ADMIN_OUT);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  decapServer?.kill();
  if (repo !== undefined) rmSync(repo, { recursive: true, force: true });
});

describe('editing content through the CMS', () => {
  it('publishes a notice with a Chinese title and a 公示期 as an ASCII-named file that validates and appears on the built site', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 30_000 });
    await shot(page, '01-login');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('村务公开').first().waitFor();
    await shot(page, '02-collections');

    await page.goto(`${server.url}/admin/#/collections/notices/new`);
    await page.getByLabel('标题', { exact: true }).fill('关于桃源路路灯维修费用的公示');
    await choose(page, '公开类别', '党务公开');
    await choose(page, '发布单位', '东村');
    await page.getByLabel('发布日期', { exact: true }).fill(TODAY);
    await page.getByLabel('公示开始日期', { exact: true }).fill(TODAY);
    await page.getByLabel('公示结束日期', { exact: true }).fill('2026-11-30');
    await page.getByLabel('联系人', { exact: true }).fill('李文书');
    await page.getByLabel('联系电话', { exact: true }).fill('0999-86660002');
    await shot(page, '03-new-notice');

    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    await page.getByText('内容已保存').waitFor({ timeout: 30_000 });
    await shot(page, '04-published');
    await page.close();

    const file = path.join(content, 'notices', `${TODAY}-dongcun-party.md`);
    expect(noticeFiles()).toContain(`${TODAY}-dongcun-party.md`);
    const text = readFileSync(file, 'utf8');
    const frontMatter = parse(text.split('---\n')[1] ?? '') as Record<string, unknown>;
    expect(frontMatter).toEqual({
      title: '关于桃源路路灯维修费用的公示',
      category: 'party',
      place: 'dongcun',
      published: TODAY,
      period: { start: TODAY, end: '2026-11-30' },
      contact: { name: '李文书', phone: '0999-86660002' },
      draft: false,
    });
    expect(git('log', '--format=%s', '-1').trim()).toBe(`新建 村务公开：${TODAY}-dongcun-party`);

    const validate = spawnSync(process.execPath, ['scripts/validate.ts'], {
      env: { ...process.env, CONTENT_DIR: content, BUILD_DATE: TODAY },
      encoding: 'utf8',
    });
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);

    await buildSite({ contentDir: content, outDir: SITE_OUT, today: TODAY });
    const page2 = readFileSync(path.join(SITE_OUT, 'notices', `${TODAY}-dongcun-party`, 'index.html'), 'utf8');
    expect(page2).toContain('关于桃源路路灯维修费用的公示');
  }, 180_000);

  it('edits the monthly statistics of one village and saves the new count to its JSON file', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await openAdmin(page, '#/collections/stats/entries/dongcun-2026-10');
    const received = page.getByLabel('群众说事（受理诉求）', { exact: true });
    await received.waitFor({ timeout: 30_000 });
    await received.fill('45');
    await shot(page, '05-stats');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    await page.getByText('内容已保存').waitFor({ timeout: 30_000 });
    await page.close();
    const saved = JSON.parse(readFileSync(path.join(content, 'stats', 'dongcun-2026-10.json'), 'utf8')) as {
      demands: { received: number; resolved: number };
    };
    expect(saved.demands).toMatchObject({ received: 45, resolved: 39 });
  }, 120_000);

  it('refuses to save a notice whose 公示期 ends before it starts, shows why in Chinese, and writes no file', async () => {
    const before = noticeFiles();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await openAdmin(page, '#/collections/notices/new');
    await page.getByLabel('标题', { exact: true }).fill('关于公示期填反的测试公示');
    await choose(page, '公开类别', '其他公开');
    await choose(page, '发布单位', '东村');
    await page.getByLabel('发布日期', { exact: true }).fill(TODAY);
    await page.getByLabel('公示开始日期', { exact: true }).fill(TODAY);
    await page.getByLabel('公示结束日期', { exact: true }).fill('2026-11-20');
    await page.getByLabel('联系人', { exact: true }).fill('李文书');
    await page.getByLabel('联系电话', { exact: true }).fill('0999-86660002');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    const error = page.getByText('公示结束日期 2026-11-20 不晚于开始日期 2026-11-24', { exact: false }).first();
    await error.waitFor({ state: 'visible', timeout: 20_000 });
    await expect(error.textContent()).resolves.toContain('未保存，请先改正 1 处问题');
    await page.waitForTimeout(800); // let the notice finish sliding in before the guide's screenshot
    await shot(page, '06-refused');
    await expect(page.getByLabel('标题', { exact: true }).inputValue()).resolves.toBe('关于公示期填反的测试公示');
    await page.close();
    expect(noticeFiles()).toEqual(before);
    expect(existsSync(path.join(content, 'notices', `${TODAY}-dongcun-other.md`))).toBe(false);
  }, 120_000);
});
