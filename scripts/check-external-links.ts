/**
 * `npm run check:external-links -- <built site folder>`: the nightly check of links to other sites (government
 * policy pages, laws, maps). Kept out of the build because it needs the network and other sites' uptime must not
 * block publishing. Every distinct http(s) link is requested once (HEAD, then GET when HEAD is refused), a few at
 * a time, with a timeout; the report lists each broken link with the pages that use it. Exit code 1 if any is broken.
 *
 * Env: LINK_TIMEOUT_MS (default 15000), LINK_CONCURRENCY (default 4), SITE_URL (links to it are skipped).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { externalLinks } from '../src/lib/build/output-checks.ts';

const root = path.resolve(process.argv[2] ?? 'dist');
const timeout = Number(process.env.LINK_TIMEOUT_MS ?? '15000');
const concurrency = Number(process.env.LINK_CONCURRENCY ?? '4');
const siteOrigin = process.env.SITE_URL === undefined ? undefined : new URL(process.env.SITE_URL).origin;

const usedBy = new Map<string, string[]>();
for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
  if (!name.endsWith('.html') || name.startsWith(`admin${path.sep}`)) continue;
  const file = path.join(root, name);
  if (!statSync(file).isFile()) continue;
  for (const url of externalLinks(readFileSync(file, 'utf8'), siteOrigin)) {
    usedBy.set(url, [
      ...(usedBy.get(url) ?? []),
      `/${name
        .split(path.sep)
        .join('/')
        .replace(/index\.html$/, '')}`,
    ]);
  }
}

async function status(url: string): Promise<string | undefined> {
  for (const method of ['HEAD', 'GET']) {
    try {
      const response = await fetch(url, {
        method,
        redirect: 'follow',
        signal: AbortSignal.timeout(timeout),
        headers: { 'User-Agent': 'gongkailan-link-check (+https://github.com/)' },
      });
      if (response.ok) return undefined;
      // Some servers refuse HEAD (405/403/501): ask again with GET before calling the link broken.
      if (method === 'HEAD' && [403, 405, 501].includes(response.status)) continue;
      return `HTTP ${response.status}`;
    } catch (error) {
      if (method === 'GET') return error instanceof Error ? error.message : String(error);
    }
  }
  return 'no answer';
}

const urls = [...usedBy.keys()].sort();
const broken: string[] = [];
let next = 0;
async function worker() {
  while (next < urls.length) {
    const url = urls[next++]!;
    const problem = await status(url);
    if (problem !== undefined) broken.push(`${url}（${problem}）\n  用在：${(usedBy.get(url) ?? []).join('、')}`);
  }
}
await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));

for (const line of broken.sort()) console.error(line);
if (broken.length > 0) {
  console.error(`外部链接检查：${urls.length} 个链接中 ${broken.length} 个失效。请更新或删除这些链接。`);
  process.exit(1);
}
console.log(`外部链接检查通过：${urls.length} 个链接均可访问。`);
