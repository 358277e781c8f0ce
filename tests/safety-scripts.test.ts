/**
 * The maintainers' stand-alone checks: `scan:privacy` finds personal data in a built copy of the site, and the
 * nightly `check:external-links` reports each dead link to another site with the pages that use it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simplePdf } from './support/pdf.ts';

let site: string;
let server: Server;
let origin: string;

/** Run a script asynchronously (the test's own HTTP server must keep answering meanwhile). */
function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => res.writeHead(req.url === '/ok' ? 200 : 404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site = mkdtempSync(path.join(os.tmpdir(), 'gkl-site-'));
  mkdirSync(path.join(site, 'notices', 'a'), { recursive: true });
  writeFileSync(
    path.join(site, 'notices', 'a', 'index.html'),
    `<p>政策原文 <a href="${origin}/ok">有效</a>，<a href="${origin}/gone">已失效</a></p>`,
  );
  writeFileSync(path.join(site, 'dibao.csv'), '姓名,身份证号\n张三,110105199001011232\n');
  mkdirSync(path.join(site, 'uploads'));
  writeFileSync(
    path.join(site, 'uploads', 'butie.pdf'),
    simplePdf([['Subsidy roster (fictional)'], ['Li  card 6222021234567890128  500 CNY']]),
  );
});

afterAll(async () => {
  rmSync(site, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('npm run scan:privacy', () => {
  it('fails on an ID number in a built data file and shows the masked form to use', async () => {
    const result = await run(['scripts/scan-privacy.ts', site], { CONTENT_DIR: 'tests/fixtures/valid-minimal' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dibao.csv:2\n  问题：生成的网站文件中有完整的身份证号码');
    expect(result.stderr).toContain('改为 110105********1232');
    expect(result.stderr).not.toContain('110105199001011232');
  });

  it('reads the text of PDF attachments in the built site too', async () => {
    const result = await run(['scripts/scan-privacy.ts', site], { CONTENT_DIR: 'tests/fixtures/valid-minimal' });
    expect(result.stderr).toContain('uploads/butie.pdf:1\n  问题：生成的网站文件中有完整的银行卡号');
    expect(result.stderr).toContain('改为 6222***********0128');
    expect(result.stderr).not.toContain('6222021234567890128');
  });
});

describe('npm run check:external-links', () => {
  it('reports the dead link with the page that uses it, and passes the live one', async () => {
    const result = await run(['scripts/check-external-links.ts', site], { LINK_TIMEOUT_MS: '5000' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${origin}/gone（HTTP 404）\n  用在：/notices/a/`);
    expect(result.stderr).not.toContain(`${origin}/ok`);
    expect(result.stderr).toContain('2 个链接中 1 个失效');
  });
});
