/**
 * Uploads are content (issue 12), tried as a clerk or an attacker would: tests/fixtures/uploads-refused holds an
 * SVG and an HTML page with script and a notice whose attachment path climbs out with `..`; the test adds what a
 * repository cannot hold: a symbolic link to /etc/passwd, one to the /etc/ssl folder and a 2 GB (sparse) file.
 * `npm run validate` and `npm run build` refuse each with the file's name and the fix, and read none of them.
 *
 * Then the last line of defence, in Chromium with the production headers (deploy/_headers): should an HTML or
 * SVG file ever reach /uploads/, or any HTML page without our meta policy reach the site, its script does not run.
 * The same files served without those headers do run their script, so the test can fail.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersForPath, parseHeadersFile } from '../src/lib/site/security-headers.ts';
import { launchBrowser } from './support/browser.ts';
import { runBuild, OUTPUT_ROOT, type BuildResult } from './support/build.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const FIXTURE = 'tests/fixtures/uploads-refused';
let contentDir: string;
let validate: { status: number | null; stderr: string };
let build: BuildResult;
const outDir = path.join(OUTPUT_ROOT, 'safety-uploads');

/** The validate/build message block for one file, with the project-relative path as both print it. */
function block(name: string, message: string, fix: string): string {
  return `${path.relative(process.cwd(), path.join(contentDir, name))}\n  问题：${message}\n  修改：${fix}`;
}

const ACTIVE = [
  'SVG、HTML、XML 和脚本文件在浏览器中可以运行代码，网站不发布这类附件',
  '把内容另存为 PDF，图片另存为 PNG 或 JPG，再重新上传',
] as const;
const LINK = [
  '这是一个链接（符号链接），指向上传文件夹以外的文件或文件夹，不会发布',
  '删除这个链接，把要公开的文件本身复制到 content/uploads/ 里',
] as const;

beforeAll(async () => {
  contentDir = mkdtempSync(path.join(os.tmpdir(), 'gkl-uploads-'));
  cpSync(FIXTURE, contentDir, { recursive: true });
  symlinkSync('/etc/passwd', path.join(contentDir, 'uploads', '2026-11-dibao-mingdan.csv'));
  symlinkSync('/etc/ssl', path.join(contentDir, 'uploads', 'zhengshu'));
  // Sparse: 2 GB long, no disk used. Reading it into memory would take seconds and gigabytes.
  const big = path.join(contentDir, 'uploads', '2026-11-huiyi-luxiang.pdf');
  writeFileSync(big, '');
  truncateSync(big, 2 * 1024 ** 3);
  validate = spawnSync(process.execPath, ['scripts/validate.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, BUILD_DATE: '2026-11-24' },
    encoding: 'utf8',
  });
  rmSync(outDir, { recursive: true, force: true });
  build = await runBuild({ contentDir, outDir, today: '2026-11-24' });
}, 180_000);

afterAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
});

describe('uploads that npm run validate and npm run build refuse', () => {
  it('lists each refused upload with its name, the problem and the fix, without reading it', () => {
    expect(validate.status).toBe(1);
    const expected = [
      `${path.relative(process.cwd(), path.join(contentDir, 'notices/2026-11-21-ludeng-hetong.md'))}:12 ` +
        'attachments.0.file（附件 › 第 1 项 › 附件文件）\n' +
        '  问题：附件路径不对：应以 /uploads/ 开头，文件名只用英文字母、数字、连字符，不能含“..”，扩展名为 pdf/xls/xlsx/doc/docx/jpg/png/csv\n' +
        '  修改：在后台重新上传附件，文件名改用英文或拼音',
      block('uploads/2026-11-butie-mingdan.html', ...ACTIVE),
      block('uploads/2026-11-dibao-mingdan.csv', ...LINK),
      block(
        'uploads/2026-11-huiyi-luxiang.pdf',
        '文件有 2.0 GB，超过附件上限 20 MB',
        '压缩或拆分后重新上传（扫描件可降低分辨率，表格可按月拆分）',
      ),
      block('uploads/2026-11-ludeng-shiyitu.svg', ...ACTIVE),
      block('uploads/zhengshu', ...LINK),
    ];
    expect(validate.stderr).toBe(
      `${expected.join('\n\n')}\n\n内容检查未通过：6 处问题（site 1, places 3, notices 2, meetings 1, stats 1, legal 1；按 2026-11-24 检查）。改正后重新运行 npm run validate。\n`,
    );
    // No line of /etc/passwd reaches the messages.
    expect(validate.stderr).not.toContain('root:');
  });

  it('stop the build before anything is written, with the same messages, without reading them', () => {
    expect(build.code).toBe(1);
    expect(build.output).toContain(block('uploads/2026-11-dibao-mingdan.csv', ...LINK));
    expect(build.output).toContain('文件有 2.0 GB，超过附件上限 20 MB');
    expect(build.output).toContain('内容检查未通过：6 处问题，网站未生成');
    // The 2 GB file is refused by its size (stat), never read: no read error, no out-of-memory crash. (Astro itself
    // prints where the validation hook stopped the build; that trace names no upload.)
    expect(build.output).not.toMatch(/ERR_FS_FILE_TOO_LARGE|RangeError|readFileSync|heap out of memory|EISDIR/);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('an uploaded file cannot run script in Chromium with the production headers', () => {
  let site: string;
  let browser: Browser;
  let withHeaders: StaticServer;
  let withoutHeaders: StaticServer;
  const rules = parseHeadersFile(readFileSync('deploy/_headers', 'utf8'));

  beforeAll(async () => {
    // A site folder as a host would serve it, with the script-carrying files where an attacker wants them.
    site = mkdtempSync(path.join(os.tmpdir(), 'gkl-uploads-site-'));
    mkdirSync(path.join(site, 'uploads'));
    for (const name of ['2026-11-ludeng-shiyitu.svg', '2026-11-butie-mingdan.html']) {
      cpSync(path.join(FIXTURE, 'uploads', name), path.join(site, 'uploads', name));
    }
    // An HTML page outside /uploads/ that carries no meta policy of ours: the header script-src must hold it.
    cpSync(path.join(FIXTURE, 'uploads', '2026-11-butie-mingdan.html'), path.join(site, 'stray.html'));
    withHeaders = await serveStatic(site, (pathname) => headersForPath(rules, pathname));
    withoutHeaders = await serveStatic(site);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await withHeaders.close();
    await withoutHeaders.close();
    rmSync(site, { recursive: true, force: true });
  });

  /** The /beacon requests a page's scripts made (none may be made when scripts are blocked). */
  async function beacons(origin: string, pathname: string): Promise<string[]> {
    const page = await browser.newPage();
    const seen: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/beacon') seen.push(url.search.slice(1));
    });
    await page.goto(`${origin}${pathname}`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    await page.close();
    return seen.sort();
  }

  it('serves /uploads/ with a sandbox that allows nothing', async () => {
    const response = await fetch(`${withHeaders.url}/uploads/2026-11-ludeng-shiyitu.svg`);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('runs no script from an uploaded SVG or HTML file, nor from a stray page', async () => {
    expect(await beacons(withHeaders.url, '/uploads/2026-11-ludeng-shiyitu.svg')).toEqual([]);
    expect(await beacons(withHeaders.url, '/uploads/2026-11-butie-mingdan.html')).toEqual([]);
    expect(await beacons(withHeaders.url, '/stray.html')).toEqual([]);
  });

  it('(control) the same files without the headers do run their script', async () => {
    expect(await beacons(withoutHeaders.url, '/uploads/2026-11-ludeng-shiyitu.svg')).toEqual([
      'svg-onload',
      'svg-script',
    ]);
    expect(await beacons(withoutHeaders.url, '/uploads/2026-11-butie-mingdan.html')).toEqual([
      'html-onerror',
      'html-script',
    ]);
  });
});
