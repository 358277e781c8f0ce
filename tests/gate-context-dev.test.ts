/**
 * /admin/gate-context.json as the CMS fetches it under `npm run cms` (astro dev): regenerated from the files on
 * every request, so an entry saved a moment ago is known to the next save's cross-file rules, and complete
 * (scheduled notices included: the dev server is local). The production build's copy leaves out what is not public
 * (checked in cms/entry-check.test.ts through `publicOnly`, and on the built demo below).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateContext } from '../src/lib/content/content-gate.ts';
import { DEMO_OUT_DIR, OUTPUT_ROOT } from './support/build.ts';

const content = path.join(OUTPUT_ROOT, 'gate-context-dev');
let server: ChildProcess | undefined;
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function context(): Promise<GateContext> {
  const response = await fetch(`${base}/admin/gate-context.json`);
  expect(response.headers.get('content-type')).toContain('application/json');
  return (await response.json()) as GateContext;
}

const noticeIds = (c: GateContext) => c.entries.filter((e) => e.collection === 'notices').map((e) => e.id);

beforeAll(async () => {
  rmSync(content, { recursive: true, force: true });
  cpSync('tests/fixtures/valid-minimal', content, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      // As a clerk's shell runs it: without the variables Vitest sets (VITEST*, TEST, NODE_ENV and its
      // import.meta.env mirror MODE/DEV/PROD/SSR/BASE_URL), which make Astro's dev server answer 404 or change mode.
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([k]) => !/^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL)$/.test(k)),
        ),
        CONTENT_DIR: content,
        BUILD_DATE: '2026-11-24',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  for (let i = 0; i < 120; i += 1) {
    try {
      const r = await fetch(`${base}/admin/gate-context.json`, { signal: AbortSignal.timeout(30_000) });
      if (r.ok) return;
      log += `\nHTTP ${r.status}`;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not answer /admin/gate-context.json:\n${log}`);
}, 90_000);

afterAll(() => {
  server?.kill();
  rmSync(content, { recursive: true, force: true });
});

describe('/admin/gate-context.json under npm run cms', () => {
  it('lists every entry the rules need, scheduled ones included, and follows the files on every request', async () => {
    const before = await context();
    expect(before.partial).toBe(false);
    expect(noticeIds(before)).toEqual(['2026-11-20-caiwu-10yue']);
    expect(before.entries.find((e) => e.id === 'dongcun-g1')?.data).toEqual({
      name: '东村第一网格',
      level: 'grid',
      parent: 'dongcun',
    });
    const notice = readFileSync(path.join(content, 'notices/2026-11-20-caiwu-10yue.md'), 'utf8')
      .replaceAll('2026-11-20', '2026-12-01')
      .replace('2026-11-26', '2026-12-07');
    writeFileSync(path.join(content, 'notices/2026-12-01-caiwu-11yue.md'), notice);
    expect(noticeIds(await context())).toEqual(['2026-11-20-caiwu-10yue', '2026-12-01-caiwu-11yue']);
  });
});

describe('/admin/gate-context.json in the built demo', () => {
  it('holds only what is public on the build day', () => {
    const file = path.join(DEMO_OUT_DIR, 'admin/gate-context.json');
    if (!existsSync(file)) throw new Error(`demo not built at ${DEMO_OUT_DIR}`);
    const built = JSON.parse(readFileSync(file, 'utf8')) as GateContext;
    expect(built.partial).toBe(true);
    expect(noticeIds(built)).toContain('2026-11-23-shiqiao-zhaijidi-2026');
    // Scheduled for 2026-12-01: its id must not show on the public site before its day.
    expect(JSON.stringify(built)).not.toContain('2026-12-01-yunxi-yibao-jiaofei-2027');
  });
});
