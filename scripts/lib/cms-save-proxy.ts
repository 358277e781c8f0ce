/**
 * A small HTTP proxy in front of decap-server (`npm run cms` and the CMS browser tests start it), for what
 * decap-server does not do:
 *
 * - Lost edits: decap-server writes whatever it is sent, so two tabs (or two people) on one entry silently
 *   overwrite each other. The admin (cms/lost-edit-guard.ts) sends, with every save, the SHA-256 of each file as it
 *   was when the form loaded it; the proxy compares it with the file as it is now (on the draft's branch in git
 *   mode) and refuses with "此条目已被他人修改，请刷新后再改" when they differ. Requests are handled one at a time,
 *   so no save slips in between the comparison and the write.
 * - Who: commit subjects get the editor's name appended, and publishing a reviewed draft (git mode) is a merge
 *   commit "发布 村务公开：… （审核发布：姓名）" instead of a silent fast-forward, so `git log` says who published what.
 *
 * Everything else is passed through unchanged (CORS preflights included: decap-server answers those).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { collections, type CollectionName } from '../../src/schemas/index.ts';

const exec = promisify(execFile);

const CONFLICT_MESSAGE = '此条目已被他人修改，请刷新后再改';

export interface SaveProxyOptions {
  /** decap-server's origin, e.g. http://127.0.0.1:8082 */
  target: string;
  /** The repository decap-server writes to (GIT_REPO_DIRECTORY). */
  repo: string;
  mode: 'fs' | 'git';
  /** Name appended to commit subjects (git mode). */
  editor: string;
  host: string;
  port: number;
}

export interface SaveProxy {
  url: string;
  /** Who is editing now (the next commits carry this name). */
  editor: string;
  close(): Promise<void>;
}

interface DataFile {
  path: string;
  slug?: string;
  raw: string;
  newPath?: string;
}

interface Body {
  action?: string;
  params?: Record<string, unknown> & {
    branch?: string;
    entry?: DataFile;
    dataFiles?: DataFile[];
    options?: { commitMessage?: string; useWorkflow?: boolean; collectionName?: string };
    collection?: string;
    slug?: string;
    /** Added by the admin: path → SHA-256 of the file when the form loaded it. */
    gongkailanBase?: Record<string, string>;
  };
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** "修改 治理统计：shiqiao-2026-10" + editor → "修改 治理统计：shiqiao-2026-10（李文书）". */
function withEditor(subject: string, editor: string): string {
  return editor === '' || subject.endsWith(`（${editor}）`) ? subject : `${subject}（${editor}）`;
}

export function collectionLabel(name: string): string {
  return name in collections ? collections[name as CollectionName].label : name;
}

async function git(repo: string, ...args: string[]): Promise<string | undefined> {
  try {
    return (await exec('git', args, { cwd: repo, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout.toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}

export function startSaveProxy(options: SaveProxyOptions): Promise<SaveProxy> {
  let queue: Promise<unknown> = Promise.resolve();
  const proxy: SaveProxy = { url: '', editor: options.editor, close: () => Promise.resolve() };

  /** The file's text as decap-server would read it now: on the draft branch, else on the main branch, else disk. */
  async function currentText(file: string, body: Body): Promise<string | undefined> {
    const params = body.params ?? {};
    if (options.mode === 'git') {
      const refs: string[] = [];
      if (params.options?.useWorkflow === true && params.options.collectionName !== undefined) {
        const slug = params.entry?.slug ?? params.dataFiles?.[0]?.slug;
        refs.push(`cms/${params.options.collectionName}/${slug}`);
      }
      refs.push(params.branch ?? 'main');
      for (const ref of refs) {
        if ((await git(options.repo, 'rev-parse', '--verify', '--quiet', ref)) === undefined) continue;
        return git(options.repo, 'show', `${ref}:${file}`);
      }
      return undefined;
    }
    try {
      return await readFile(path.resolve(options.repo, file), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Undefined when the save may go ahead; else the refusal. */
  async function conflict(body: Body): Promise<string | undefined> {
    const params = body.params ?? {};
    const base = params.gongkailanBase ?? {};
    const files = params.dataFiles ?? (params.entry === undefined ? [] : [params.entry]);
    for (const file of files) {
      const expected = base[file.path];
      if (expected === undefined) continue;
      const now = await currentText(file.path, body);
      if (now === undefined || sha256(now) !== expected) return CONFLICT_MESSAGE;
    }
    return undefined;
  }

  async function publish(body: Body): Promise<{ status: number; json: unknown }> {
    const params = body.params ?? {};
    const branch = `cms/${params.collection}/${params.slug}`;
    const main = params.branch ?? 'main';
    const subject = withEditor(`发布 ${collectionLabel(String(params.collection))}：${params.slug}`, proxy.editor);
    const current = (await git(options.repo, 'rev-parse', '--abbrev-ref', 'HEAD'))?.trim();
    if (current !== main && (await git(options.repo, 'checkout', '-q', main)) === undefined) {
      return { status: 500, json: { error: `无法切换到 ${main} 分支` } };
    }
    const merged = await git(options.repo, 'merge', '--no-ff', '--no-verify', '--no-gpg-sign', '-m', subject, branch);
    if (merged === undefined) {
      await git(options.repo, 'merge', '--abort');
      return { status: 409, json: { error: `${branch} 无法合并到 ${main}：请在命令行处理冲突` } };
    }
    await git(options.repo, 'branch', '-D', branch);
    return { status: 200, json: { message: `branch ${branch} merged to ${main}` } };
  }

  async function forward(
    request: http.IncomingMessage,
    bodyText: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    const target = new URL(request.url ?? '/', options.target);
    const headers = { ...request.headers, host: target.host, 'content-length': String(bodyText.length) };
    return new Promise((resolve, reject) => {
      const upstream = http.request(target, { method: request.method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(bodyText);
    });
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse, raw: Buffer): Promise<void> {
    const origin = request.headers.origin;
    const reply = (status: number, json: unknown) => {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      // Same origins decap-server allows (localhost only).
      if (origin !== undefined && /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)) {
        headers['access-control-allow-origin'] = origin;
        headers.vary = 'Origin';
      }
      response.writeHead(status, headers).end(JSON.stringify(json));
    };
    let body: Body | undefined;
    if (request.method === 'POST') {
      try {
        body = JSON.parse(raw.toString('utf8')) as Body;
      } catch {
        body = undefined;
      }
    }
    if (body?.params !== undefined) {
      const params = body.params;
      if (body.action === 'persistEntry') {
        const refused = await conflict(body);
        if (refused !== undefined) return reply(409, { error: refused });
      }
      if (body.action === 'publishUnpublishedEntry' && options.mode === 'git') {
        const result = await publish(body);
        return reply(result.status, result.json);
      }
      delete params.gongkailanBase;
      if (params.options?.commitMessage !== undefined) {
        params.options.commitMessage = withEditor(params.options.commitMessage, proxy.editor);
      }
      raw = Buffer.from(JSON.stringify(body));
    }
    const result = await forward(request, raw);
    const headers = { ...result.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    response.writeHead(result.status, headers).end(result.body);
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const job = queue.then(() => handle(request, response, Buffer.concat(chunks)));
      queue = job.catch((error: unknown) => {
        if (!response.headersSent) {
          response.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
          response.end(JSON.stringify({ error: `decap-server 没有响应：${String(error)}` }));
        }
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      proxy.url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
      proxy.close = () => new Promise((done) => server.close(() => done()));
      resolve(proxy);
    });
  });
}
