/**
 * `npm run cms [-- --git] [--editor 姓名] [--host 地址]`: edit content/ on this machine.
 *
 * Starts decap-server (the local backend), the save proxy in front of it (scripts/lib/cms-save-proxy.ts: refuses
 * saves over a file changed since the form was opened, names the editor in commits) and the Astro dev server, then
 * prints the admin URL. Ctrl-C stops all three.
 *
 * - Default (fs mode): files are written straight into content/, nothing is committed; commit them yourself.
 * - `--git`: decap-server's git mode with the draft → review → publish workflow: every save is a commit, drafts live
 *   on branches `cms/…`. decap-server commits with `git add .` and checks out branches in this working tree, so
 *   use it only in a clean clone that holds nothing else (docs/cms-backends.md).
 * - `--editor 姓名`: the name put in commit subjects (default: `git config user.name`).
 * - `--host 地址`: listen on another address than 127.0.0.1 (e.g. 0.0.0.0 for the office LAN). Anyone who can reach
 *   the port can then write content/ without logging in, so the default is this machine only.
 *
 * Ports: PORT (site, 4321) and DECAP_PORT (the admin's backend, 8081; decap-server itself listens on the next port).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSaveProxy, type SaveProxy } from './lib/cms-save-proxy.ts';

const USAGE = '用法：npm run cms [-- --git] [--editor 姓名] [--host 127.0.0.1]';
let flags: { git?: boolean; editor?: string; host?: string };
try {
  flags = parseArgs({
    options: { git: { type: 'boolean' }, editor: { type: 'string' }, host: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}

const host = flags.host ?? '127.0.0.1';
const decapPort = Number(process.env.DECAP_PORT ?? '8081');
const sitePort = process.env.PORT ?? '4321';
const repo = process.cwd();
const mode = flags.git === true ? 'git' : 'fs';
const editor =
  flags.editor ?? spawnSync('git', ['config', 'user.name'], { cwd: repo, encoding: 'utf8' }).stdout?.trim() ?? '';
const children: ChildProcess[] = [];
const running: { proxy?: SaveProxy } = {};

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} 已退出（${signal ?? code}），正在关闭其他服务…`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code: number): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  void running.proxy?.close();
  process.exitCode = code;
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (mode === 'git' && spawnSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).stdout !== '') {
  console.error(
    '--git 模式下每次保存都会提交工作区的全部改动（git add .）：请先提交或清理当前改动，或换一个干净的克隆。',
  );
  process.exit(2);
}

// decap-server only ever talks to the proxy, so it stays on the loopback interface whatever --host says.
start('decap-server', [path.join(repo, 'node_modules/decap-server/dist/index.js')], {
  MODE: mode,
  GIT_REPO_DIRECTORY: repo,
  PORT: String(decapPort + 1),
  BIND_HOST: '127.0.0.1',
});
running.proxy = await startSaveProxy({
  target: `http://127.0.0.1:${decapPort + 1}`,
  repo,
  mode,
  editor,
  host,
  port: decapPort,
});
start('astro dev', [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', host, '--port', sitePort], {
  CMS_LOCAL_BACKEND_URL: `http://localhost:${decapPort}/api/v1`,
  // fs mode has no drafts or review: the admin shows plain "发布" instead of a workflow decap-server would ignore.
  CMS_EDITORIAL_WORKFLOW: mode === 'git' ? '1' : '0',
  ASTRO_TELEMETRY_DISABLED: '1',
});
console.log(
  `\n内容管理：http://localhost:${sitePort}/admin/ （${mode === 'git' ? '草稿→审核→发布，每次保存都会提交' : '直接写入 content/，不提交'}；按 Ctrl-C 退出）\n`,
);
