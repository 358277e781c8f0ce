/**
 * `npm run cms`: edit content/ on this machine. Starts decap-server (the local backend, fs mode: files are written
 * straight into content/, no commits) and the Astro dev server, then prints the admin URL. Ctrl-C stops both.
 * Commit the changes yourself afterwards (git add content/ && git commit), or use a GitHub/GitLab backend
 * (docs/cms-backends.md) for the draft → review → publish workflow.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const decapPort = process.env.DECAP_PORT ?? '8081';
const sitePort = process.env.PORT ?? '4321';
const repo = process.cwd();
const children: ChildProcess[] = [];

function start(name: string, args: string[], env: Record<string, string>): void {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} 已退出（${signal ?? code}），正在关闭其他服务…`);
    stop(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stop(code: number): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('decap-server', [path.join(repo, 'node_modules/decap-server/dist/index.js')], {
  MODE: 'fs',
  GIT_REPO_DIRECTORY: repo,
  PORT: decapPort,
});
start('astro dev', [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', sitePort], {
  CMS_LOCAL_BACKEND_URL: `http://localhost:${decapPort}/api/v1`,
  // decap-server's fs mode has no drafts or review; the admin shows plain "发布" instead of a workflow it ignores.
  CMS_EDITORIAL_WORKFLOW: '0',
});
console.log(`\n内容管理：http://localhost:${sitePort}/admin/ （按 Ctrl-C 退出）\n`);
