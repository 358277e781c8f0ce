/**
 * The production-built admin (`astro build`, as deployed) against decap-server in **git mode** with the editorial
 * workflow, behind the save proxy `npm run cms -- --git` uses, on a THROWAWAY git repository (decap-server commits
 * with `git add .` and checks out branches: it must never touch this repository). A clerk drafts, a 监委会 member
 * reviews and publishes; two tabs on one entry; a refused save writes nothing. `npm run cms` itself is driven by
 * tests/cms-dev.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSaveProxy, type SaveProxy } from '../scripts/lib/cms-save-proxy.ts';
import { buildToday } from '../src/lib/site/dates.ts';
import { launchBrowser } from './support/browser.ts';
import { buildSite, OUTPUT_ROOT } from './support/build.ts';
import {
  AdminTab,
  attachFile,
  choose,
  field,
  freePortPair,
  git as gitIn,
  logIn,
  startDecapServer,
} from './support/cms.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const TODAY = '2026-11-24';
const ADMIN_OUT = path.join(OUTPUT_ROOT, 'cms-admin');
const SITE_OUT = path.join(OUTPUT_ROOT, 'cms-site');
const PDF = path.resolve('tests/fixtures/cms/十月财务明细.pdf');

let repo: string;
let decapServer: ChildProcess;
let proxy: SaveProxy;
let server: StaticServer;
let browser: Browser;

const git = (...args: string[]) => gitIn(repo, ...args);
/** A file as it is on the main branch (decap-server checks out draft branches in the work tree). */
const onMain = (file: string) => git('show', `main:${file}`);

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  // Leaving an unsaved form is confirmed; Decap's offer of a local backup of an earlier test's edit is declined.
  page.on('dialog', (dialog) => void (/本地备份/.test(dialog.message()) ? dialog.dismiss() : dialog.accept()));
  await logIn(page, `${server.url}/admin/`);
  return page;
}

/** 李文书's logged-in admin tab, shared by the tests that need no fresh page (tests/support/cms.ts). */
const clerkTab = new AdminTab(() => `${server.url}/admin/`, newPage);

/** The workflow status menu in the editor's toolbar ("状态：草稿" → 待审核 / 待发布). */
async function setStatus(page: Page, status: '待审核' | '待发布'): Promise<void> {
  await page.getByText(/^状态：/).click();
  await page.getByRole('menuitem', { name: status }).click();
  await page.getByText('内容状态已更新').waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'gkl-cms-repo-'));
  cpSync('tests/fixtures/valid-minimal', path.join(repo, 'content'), { recursive: true });
  mkdirSync(path.join(repo, 'content', 'uploads'));
  cpSync(PDF, path.join(repo, 'content', 'uploads', '2026-10-dongcun-caiwu.pdf'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'office@example.invalid');
  git('config', 'user.name', '村委会电脑');
  git('add', '.');
  git('commit', '-q', '-m', 'fixture');
  // The servers take their ports before the (long) build, so no other test can take them in between.
  const port = await freePortPair();
  decapServer = await startDecapServer(repo, port + 1);
  proxy = await startSaveProxy({
    target: `http://127.0.0.1:${port + 1}`,
    repo,
    mode: 'git',
    editor: '李文书',
    host: '127.0.0.1',
    port,
  });
  // The admin page is built like production; only its local backend points at this test's proxy.
  await buildSite({
    contentDir: path.join(repo, 'content'),
    outDir: ADMIN_OUT,
    today: TODAY,
    env: { CMS_LOCAL_BACKEND_URL: `http://localhost:${port}/api/v1`, CMS_EDITORIAL_WORKFLOW: '1' },
  });
  server = await serveStatic(ADMIN_OUT);
  browser = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await clerkTab.close();
  await browser?.close();
  await server?.close();
  await proxy?.close();
  decapServer?.kill();
  if (repo !== undefined) rmSync(repo, { recursive: true, force: true });
});

describe('the production admin in git mode, draft → review → publish', () => {
  it('a clerk drafts a 财务公开 notice with a PDF, a 监委会 member reviews and publishes it; git log says what and who; the built site shows it', async () => {
    const slug = `${TODAY}-dongcun-finance`;
    const file = `content/notices/${slug}.md`;
    const clerk = await clerkTab.at('#/collections/notices/new');
    await clerk.getByLabel('标题', { exact: true }).fill('关于东村2026年10月财务收支情况的公示');
    await choose(clerk, '公开类别', '财务公开');
    await clerk.getByLabel('发布单位', { exact: true }).selectOption({ label: '东村' });
    await clerk.getByLabel('发布日期', { exact: true }).fill(TODAY);
    await clerk.getByLabel('公示开始日期', { exact: true }).fill(TODAY);
    await clerk.getByLabel('公示结束日期', { exact: true }).fill('2026-11-30');
    await clerk.getByLabel('联系人', { exact: true }).fill('李文书');
    await clerk.getByLabel('联系电话', { exact: true }).fill('0999-86660002');
    const upload = await attachFile(clerk, '10月收支明细', PDF, '2026-10-dongcun-caiwu.pdf');
    await clerk.getByRole('button', { name: /添加审核人/ }).click();
    await clerk
      .getByLabel(/^审核人（村务监督委员会）/)
      .last()
      .fill('王监委');
    await clerk.getByLabel(/^审核日期/).fill('2026-11-23');
    await clerk.getByRole('button', { name: '保存', exact: true }).click();
    await clerk.getByText('内容已保存').waitFor({ timeout: 30_000 });
    await setStatus(clerk, '待审核');
    // A draft: on its own branch, not on main yet.
    expect(git('log', '--format=%s', '-1', `cms/notices/${slug}`).trim()).toBe(`新建 村务公开：${slug}（李文书）`);
    expect(() => onMain(file)).toThrow();

    proxy.editor = '王监委';
    const reviewer = await newPage();
    await reviewer.goto(`${server.url}/admin/#/workflow`);
    await reviewer.getByText('关于东村2026年10月财务收支情况的公示').first().click();
    await reviewer.getByLabel('标题', { exact: true }).waitFor({ timeout: 30_000 });
    await setStatus(reviewer, '待发布');
    await reviewer.getByRole('button', { name: '发布', exact: true }).click();
    await reviewer.getByText('立即发布').click();
    await reviewer.getByText('内容已发布').waitFor({ timeout: 30_000 });
    await reviewer.close();
    proxy.editor = '李文书';

    expect(git('log', '--format=%s', '-1', 'main').trim()).toBe(`发布 村务公开：${slug}（王监委）`);
    expect(git('branch', '--list', 'cms/*').trim()).toBe('');
    const published = parse(onMain(file).split('---\n')[1] ?? '') as Record<string, unknown>;
    expect(published).toMatchObject({
      title: '关于东村2026年10月财务收支情况的公示',
      category: 'finance',
      place: 'dongcun',
      attachments: [{ title: '10月收支明细', file: `/uploads/${upload}` }],
      review: { by: ['王监委'], date: '2026-11-23' },
    });
    const uploaded = git('show', `main:content/uploads/${upload}`);
    expect(uploaded.length).toBeGreaterThan(0);

    git('checkout', '-q', 'main');
    await buildSite({ contentDir: path.join(repo, 'content'), outDir: SITE_OUT, today: TODAY });
    const html = readFileSync(path.join(SITE_OUT, 'notices', slug, 'index.html'), 'utf8');
    expect(html).toContain('关于东村2026年10月财务收支情况的公示');
    expect(html).toContain(`/uploads/${upload}`);
    expect(readFileSync(path.join(SITE_OUT, 'uploads', upload))).toEqual(readFileSync(PDF));
  }, 400_000);

  it('two tabs on one entry: the second save is refused with "此条目已被他人修改，请刷新后再改", the first edit stays', async () => {
    const first = await clerkTab.at('#/collections/stats/entries/dongcun-2026-10');
    const second = await newPage();
    await second.goto(`${server.url}/admin/#/collections/stats/entries/dongcun-2026-10`);
    for (const page of [first, second]) await page.getByLabel('信访', { exact: true }).waitFor({ timeout: 30_000 });
    await first.getByLabel('信访', { exact: true }).fill('7');
    await first.getByRole('button', { name: '保存', exact: true }).click();
    await first.getByText('内容已保存').waitFor({ timeout: 30_000 });
    await second.getByLabel('刑事治安警情', { exact: true }).fill('9');
    await second.getByRole('button', { name: '保存', exact: true }).click();
    await second.getByText('此条目已被他人修改，请刷新后再改').first().waitFor({ timeout: 30_000 });
    await second.close();
    const draft = JSON.parse(git('show', 'cms/stats/dongcun-2026-10:content/stats/dongcun-2026-10.json')) as {
      petitions: number;
      policeIncidents: number;
    };
    expect(draft.petitions).toBe(7);
    expect(draft.policeIncidents).not.toBe(9);
    expect(git('log', '--format=%s', '-1', 'cms/stats/dongcun-2026-10').trim()).toBe(
      '修改 治理统计：dongcun-2026-10（李文书）',
    );
  }, 180_000);

  it('asks for a 修改记录 note before saving an edit to a published notice, and the commit says why', async () => {
    // The CMS judges "published" on the real day in Asia/Shanghai, as it does for every save.
    const today = buildToday(undefined);
    const id = '2026-11-20-caiwu-10yue';
    const commits = git('rev-list', '--all', '--count');
    const page = await clerkTab.at(`#/collections/notices/entries/${id}`);
    const summary = page.getByLabel('摘要');
    await summary.waitFor({ timeout: 30_000 });
    await summary.fill('十月收入 12,000 元、支出 8,500 元（原写 1,200 元，已更正）。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const asked = field(page, 'changes').locator('.gkl-field-error');
    await asked.waitFor({ timeout: 20_000 });
    await expect(asked.textContent()).resolves.toContain(`这条内容已经公开，修改后要写明改了什么、为什么改`);
    expect(git('rev-list', '--all', '--count')).toBe(commits);
    // The clerk adds the note; the edit they typed is still there.
    await expect(summary.inputValue()).resolves.toContain('已更正');
    await page.getByRole('button', { name: /添加\s*修改记录/ }).click();
    await page.getByLabel(/^修改日期/).fill(today);
    await page.getByLabel(/^修改说明/).fill('更正十月收入金额，原写 1,200 元，应为 12,000 元');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('内容已保存').waitFor({ timeout: 30_000 });
    expect(git('log', '--format=%s', '-1', `cms/notices/${id}`).trim()).toBe(
      `修改 村务公开：${id}：更正十月收入金额，原写 1,200 元，应为 12,000 元（李文书）`,
    );
  }, 180_000);

  // The content gate in the real CMS (issue 12): before the save the page fetches /admin/gate-context.json and runs
  // the same gate as `npm run validate`. (Once a file of its own, with a second admin build and decap-server; run
  // beside this file, the two CMS sessions made this file's media library come up without its uploads.)
  it('refuses a 摘要 with a full ID number in full-width digits, after loading the gate context; nothing committed', async () => {
    const commits = git('rev-list', '--all', '--count');
    const page = await newPage();
    const contextLoads: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/admin/gate-context.json') contextLoads.push(response.status());
    });
    await page.goto(`${server.url}/admin/#/collections/notices/new`);
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
    await page.getByRole('button', { name: '保存', exact: true }).click();
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
    expect(git('rev-list', '--all', '--count')).toBe(commits);
  }, 120_000);

  it('refuses a notice whose 公示期 ends before it starts: the reason beside 公示结束日期, nothing committed', async () => {
    const commits = git('rev-list', '--all', '--count');
    const page = await clerkTab.at('#/collections/notices/new');
    await page.getByLabel('标题', { exact: true }).fill('关于公示期填反的测试公示');
    await choose(page, '公开类别', '其他公开');
    await page.getByLabel('发布单位', { exact: true }).selectOption({ label: '东村' });
    await page.getByLabel('发布日期', { exact: true }).fill(TODAY);
    await page.getByLabel('公示开始日期', { exact: true }).fill(TODAY);
    await page.getByLabel('公示结束日期', { exact: true }).fill('2026-11-20');
    await page.getByLabel('联系人', { exact: true }).fill('李文书');
    await page.getByLabel('联系电话', { exact: true }).fill('0999-86660002');
    // The preview already says what is wrong.
    await page
      .locator('iframe')
      .first()
      .contentFrame()
      .getByText('公示期有误：结束日期 2026-11-20 早于开始日期 2026-11-24')
      .waitFor();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const message = field(page, 'end').locator('.gkl-field-error');
    await message.waitFor({ timeout: 20_000 });
    await expect(message.textContent()).resolves.toContain('公示结束日期 2026-11-20 不晚于开始日期 2026-11-24');
    await expect(page.getByLabel('标题', { exact: true }).inputValue()).resolves.toBe('关于公示期填反的测试公示');
    expect(git('rev-list', '--all', '--count')).toBe(commits);
  }, 120_000);
});
