/**
 * What the CMS browser tests share: a fresh copy of the project (what a new clone has, plus a hard-linked
 * node_modules), starting `npm run cms` in it, and the few ways a clerk fills Decap's form.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { userEnv } from './build.ts';

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

/** Two free ports in a row (the save proxy's, and decap-server's right after it). */
export async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const next = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port + 1, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (next) return port;
  }
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/**
 * The project as a fresh clone has it: every file git tracks or would track (so uncommitted work is tested too),
 * in a git repository of its own, with node_modules hard-linked (never installed from the network here) minus
 * the caches a previous run left.
 */
export function freshCopy(): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'gkl-cms-copy-'));
  const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' })
    .stdout.split('\0')
    .filter((f) => f !== '' && !f.startsWith('tests/.output/') && existsSync(f));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(file, path.join(copy, file));
  }
  const linked = spawnSync('cp', ['-al', 'node_modules', path.join(copy, 'node_modules')]);
  if (linked.status !== 0) throw new Error(`cp -al node_modules: ${linked.stderr.toString()}`);
  for (const cache of ['.astro', '.vite'])
    rmSync(path.join(copy, 'node_modules', cache), { recursive: true, force: true });
  git(copy, 'init', '-q', '-b', 'main');
  git(copy, 'config', 'user.email', 'clerk@example.invalid');
  git(copy, 'config', 'user.name', '李文书');
  git(copy, 'add', '.');
  git(copy, 'commit', '-q', '-m', 'fresh copy');
  return copy;
}

export interface CmsProcess {
  child: ChildProcess;
  siteUrl: string;
  decapPort: number;
  log: () => string;
  stop: () => Promise<void>;
}

/** `npm run cms [-- flags]` in `cwd`, waiting until /admin/ answers. */
export async function startNpmRunCms(cwd: string, flags: string[] = []): Promise<CmsProcess> {
  const sitePort = await freePort();
  const decapPort = await freePortPair();
  const child = spawn('npm', ['run', 'cms', ...(flags.length > 0 ? ['--', ...flags] : [])], {
    cwd,
    env: {
      ...userEnv(),
      // `npm run` finds `node` on PATH: the Node running the tests (24), not an older system one.
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      PORT: String(sitePort),
      DECAP_PORT: String(decapPort),
      ASTRO_CACHE_DIR: path.join(cwd, 'node_modules', '.astro-cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const siteUrl = `http://localhost:${sitePort}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run cms exited:\n${output}`);
    try {
      const response = await fetch(`${siteUrl}/admin/`);
      if (response.ok) return { child, siteUrl, decapPort, log: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`npm run cms did not serve /admin/ within 3 minutes:\n${output}`);
}

/**
 * What the admin's one media-library load (getMedia) answered, per page: Decap asks once, when the app mounts after
 * login, and never again while the page lives (reopening the library does not reload it), so attachFile's failure
 * message says what that one answer was.
 */
const mediaLoads = new WeakMap<Page, string>();

async function mediaLoad(page: Page): Promise<{ ok: boolean; summary: string }> {
  const started = Date.now();
  const response = await page.waitForResponse(
    (r) => r.url().includes('/api/v1') && (r.request().postData() ?? '').includes('"action":"getMedia"'),
    { timeout: 120_000 },
  );
  const body = await response.text().catch(() => '');
  const names = [...body.matchAll(/"name":"([^"]+)"/g)].map((m) => m[1]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const listed = names.length > 0 ? names.join(', ') : body.slice(0, 200);
  const summary = `getMedia → ${response.status()} after ${seconds} s: ${listed}`;
  return { ok: response.ok(), summary };
}

/**
 * Open the admin at `url` and log in (the local backend's 登录 button; no password). Waits for the media library's
 * load; when that load failed, reloads and logs in again once, as a clerk who sees an empty library would.
 */
export async function logIn(page: Page, url: string): Promise<void> {
  const attempt = async (reload: boolean) => {
    // A tab already showing this admin's login page (a test looked at it first) logs in where it is.
    if (reload || page.url() !== url) await page.goto(url, { timeout: 180_000 });
    const login = page.getByRole('button', { name: '登录' });
    await login.waitFor({ timeout: 180_000 });
    const loaded = mediaLoad(page);
    await login.click();
    await page.getByText('村务公开').first().waitFor({ timeout: 60_000 });
    return loaded;
  };
  let load = await attempt(false);
  if (!load.ok) {
    const first = load.summary;
    load = await attempt(true);
    load.summary = `${first}; after a reload: ${load.summary}`;
  }
  mediaLoads.set(page, load.summary);
}

/** Decap's box around one field (label, control, hint, our error message), by the field's name in the config. */
export function field(page: Page | Locator, name: string): Locator {
  return page
    .locator(`label[for^="${name}-field-"]`)
    .locator('xpath=ancestor::div[contains(@class,"ControlContainer")][1]');
}

/**
 * One logged-in admin tab that the tests needing no tab of their own share, moved from form to form as a clerk
 * moves: loading and logging in to the 5 MB admin costs Chromium about 3 CPU-seconds a tab. `open` makes a new
 * logged-in tab, when no test has handed one over with `adopt`.
 */
export class AdminTab {
  #page: Page | undefined;
  readonly #adminUrl: () => string;
  readonly #open: () => Promise<Page>;

  constructor(adminUrl: () => string, open: () => Promise<Page>) {
    this.#adminUrl = adminUrl;
    this.#open = open;
  }

  /** From now on, share this logged-in tab (a test that logged in on a page of its own is done with it). */
  adopt(page: Page): void {
    this.#page = page;
  }

  /**
   * The shared tab, moved to `hash` (e.g. `#/collections/matters/new`). It goes through the collection's list first,
   * as a clerk does (list, then 新建 or an entry): Decap keeps the open form's values when one editor address is
   * replaced by another directly, and the list closes the form.
   */
  async at(hash: string): Promise<Page> {
    this.#page ??= await this.#open();
    const page = this.#page;
    // An earlier test's "内容已保存" notice must be gone, or this test's wait for its own would find it at once.
    await page.getByText('内容已保存').waitFor({ state: 'hidden', timeout: 30_000 });
    const collection = /^#\/collections\/([^/]+)/.exec(hash)?.[1];
    if (collection === undefined) throw new Error(`AdminTab.at: ${hash} is not in a collection`);
    await page.goto(`${this.#adminUrl()}#/collections/${collection}`);
    await page.locator(`a[href$="/collections/${collection}/new"]`).first().waitFor({ timeout: 30_000 });
    if (hash !== `#/collections/${collection}`) await page.goto(`${this.#adminUrl()}${hash}`);
    return page;
  }

  async close(): Promise<void> {
    await this.#page?.close();
    this.#page = undefined;
  }
}

/** Pick an option in a Decap select field (react-select), by the field's label and the option text. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(option);
  await page.getByText(option, { exact: true }).last().click();
}

/**
 * Replace the Markdown body's text (the rich-text editor is a contenteditable, not an input). The text goes in as
 * one input, as a Chinese input method commits a phrase, not one key event per character.
 */
export async function typeBody(page: Page, text: string): Promise<void> {
  const editor = field(page, 'markdownBody').locator('[contenteditable="true"]');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** 发布 → 立即发布 (no editorial workflow). */
export async function publishNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: '发布' }).click();
  await page.getByText('立即发布').click();
}

/**
 * Attach a file to a new 附件 row through the file widget's library: `existing` (an earlier upload) must be listed;
 * upload `file`, then pick it.
 */
export async function attachFile(page: Page, title: string, file: string, existing: string): Promise<string> {
  await page.getByRole('button', { name: /添加附件/ }).click();
  await page.getByLabel('附件名称', { exact: true }).last().fill(title);
  await page.getByRole('button', { name: '选择或上传文件' }).last().click();
  // The library lists what is already in content/uploads (it once showed "未找到资源"); logIn has waited for its load.
  await page
    .getByText(existing, { exact: true })
    .waitFor({ timeout: 30_000 })
    .catch((error: unknown) => {
      throw new Error(
        `${existing} not listed in the media library (its load at login: ${mediaLoads.get(page) ?? 'not recorded'})\n${String(error)}`,
      );
    });
  const upload = page.locator('input[type="file"]');
  await upload.setInputFiles(file);
  // The new upload is selected; its generated name is shown on its card.
  const card = page.getByText(/^\d{4}-\d{2}-\d{2}-fujian-[0-9a-f]{4}\.pdf$/).first();
  await card.waitFor({ timeout: 30_000 });
  const name = (await card.textContent()) ?? '';
  await page.getByRole('button', { name: '使用选中的文件' }).click();
  await page.getByText(`/uploads/${name}`).waitFor();
  return name;
}

/** decap-server in git mode on `repo`, bound to 127.0.0.1, once it answers; throws with its log if it does not. */
export async function startDecapServer(repo: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['node_modules/decap-server/dist/index.js'], {
    env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: repo, PORT: String(port), BIND_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1`, {
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
