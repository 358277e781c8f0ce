/**
 * The content gate in the real CMS (issue 12): Decap bundled for the browser, real decap-server (git mode, throwaway
 * repository), real Chromium. Before the save the page fetches /admin/gate-context.json and runs the same gate as
 * `npm run validate`: a 摘要 holding a resident ID typed in full-width digits is refused with the gate's message,
 * no file is written and nothing is committed.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { choose, field, freePort, git as gitIn, startDecapServer } from './support/cms.ts';
import { buildSite, OUTPUT_ROOT } from './support/build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const TODAY = '2026-11-24';
const ADMIN_OUT = path.join(OUTPUT_ROOT, 'cms-gate-admin');

let repo: string;
let decapServer: ChildProcess | undefined;
let server: StaticServer | undefined;
let browser: Browser | undefined;

const git = (...args: string[]) => gitIn(repo, ...args);

beforeAll(async () => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'gkl-cms-gate-'));
  cpSync('tests/fixtures/valid-minimal', path.join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('add', '.');
  git('commit', '-q', '-m', 'fixture');
  const port = await freePort();
  await buildSite({
    contentDir: path.join(repo, 'content'),
    outDir: ADMIN_OUT,
    today: TODAY,
    env: { CMS_LOCAL_BACKEND_URL: `http://localhost:${port}/api/v1`, CMS_EDITORIAL_WORKFLOW: '0' },
  });
  decapServer = await startDecapServer(repo, port);
  server = await serveStatic(ADMIN_OUT);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  decapServer?.kill();
  if (repo !== undefined) rmSync(repo, { recursive: true, force: true });
});

describe('the CMS save check runs the content gate', () => {
  it('refuses a 摘要 with a full ID number in full-width digits, after loading the gate context', async () => {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const contextLoads: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/admin/gate-context.json') contextLoads.push(response.status());
    });
    await page.goto(`${server!.url}/admin/#/collections/notices/new`);
    const login = page.getByRole('button', { name: '登录' });
    await login.waitFor({ timeout: 30_000 });
    await login.click();
    await page.getByLabel('标题', { exact: true }).fill('东村困难群众临时救助公示');
    await choose(page, '公开类别', '党务公开');
    await page.getByLabel('发布单位', { exact: true }).selectOption({ label: '东村' });
    await page.getByLabel('发布日期', { exact: true }).fill(TODAY);
    await page.getByLabel('公示开始日期', { exact: true }).fill(TODAY);
    await page.getByLabel('公示结束日期', { exact: true }).fill('2026-11-30');
    await page
      .getByLabel('摘要')
      .fill('救助对象张某，身份证号１１０１０５１９４９１２３１００２Ｘ，救助金额 2,000 元。');
    await page.getByLabel('联系人', { exact: true }).fill('李文书');
    await page.getByLabel('联系电话', { exact: true }).fill('0999-86660002');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();

    // The gate's message and fix, under the 摘要 field (cms/field-errors.ts).
    const error = field(page, 'summary').locator('.gkl-field-error');
    await error.waitFor({ state: 'visible', timeout: 20_000 });
    await expect(error.textContent()).resolves.toBe(
      '“摘要”中有完整的身份证号码，公开会泄露个人信息（个人信息保护法第二十八条、第三十四条）。' +
        '改为 110105********002X（隐去出生日期）；低保、补贴名单只写姓名、组别和金额，不写身份证号',
    );
    expect(contextLoads).toEqual([200]);
    // The form keeps what the editor typed; nothing was written or committed.
    await expect(page.getByLabel('标题', { exact: true }).inputValue()).resolves.toBe('东村困难群众临时救助公示');
    await page.close();
    expect(readdirSync(path.join(repo, 'content', 'notices'))).toEqual(['2026-11-20-caiwu-10yue.md']);
    expect(git('log', '--format=%s').trim()).toBe('fixture');
  }, 120_000);
});
