/**
 * The editors' admin (/admin/, Decap CMS) as a village office PC loads it: the JavaScript it downloads (the entry
 * chunk and what it imports statically, raw and gzip; lazily loaded chunks listed apart) and the time until the
 * login button is visible, in Chromium with the CPU slowed 4× through the DevTools protocol (a low-end office PC),
 * median of 3 cold loads. Goal: login visible ≤ 3 s. Reads an existing build (tests/.output/demo, dist/, or the
 * CMS test's tests/.output/cms-admin); builds nothing itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../tests/support/browser.ts';
import { DEMO_OUT_DIR, OUTPUT_ROOT } from '../../tests/support/build.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { kb, mb } from './lib/measure.ts';

const GOAL_MS = 3000;
const RUNS = 3;

/** Static and dynamic imports of a built chunk (Vite writes them as relative "./name.js"). */
function importsOf(source: string): { static: string[]; dynamic: string[] } {
  const found = (pattern: RegExp) => [...new Set([...source.matchAll(pattern)].map((m) => m[1] as string))];
  return {
    static: found(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g),
    // Lazily loaded chunks: plain import("./x.js"), or Vite's preload map (`__vite__mapDeps`, "_astro/x.js").
    dynamic: [...found(/\bimport\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g), ...found(/["']_astro\/([\w.-]+\.js)["']/g)],
  };
}

export default async function bench(): Promise<void> {
  const dir = [DEMO_OUT_DIR, path.resolve('dist'), path.join(OUTPUT_ROOT, 'cms-admin')].find((d) =>
    existsSync(path.join(d, 'admin', 'index.html')),
  );
  if (dir === undefined) {
    console.log('no built admin found: run the tests once (they build tests/.output/demo) or `npm run build`');
    return;
  }
  const html = readFileSync(path.join(dir, 'admin', 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/_astro\/([^"]+)"/g)].map((m) => m[1] as string);
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (eager.has(name)) continue;
    eager.add(name);
    const imports = importsOf(readFileSync(path.join(dir, '_astro', name), 'utf8'));
    queue.push(...imports.static);
    for (const d of imports.dynamic) lazy.add(d);
  }
  for (const name of eager) lazy.delete(name);
  const size = (names: Iterable<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const name of names) {
      const bytes = readFileSync(path.join(dir, '_astro', name));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  const eagerSize = size(eager);
  const lazySize = size(lazy);
  console.log(`site: ${path.relative(process.cwd(), dir)}\n`);
  console.log('| admin JavaScript | files | raw | gzip |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| loaded at start | ${eager.size} | ${mb(eagerSize.raw)} | ${mb(eagerSize.gzip)} |`);
  console.log(`| loaded when needed | ${lazy.size} | ${mb(lazySize.raw)} | ${mb(lazySize.gzip)} |`);
  const largest = [...eager]
    .map((name) => ({ name, raw: readFileSync(path.join(dir, '_astro', name)).length }))
    .sort((a, b) => b.raw - a.raw)
    .slice(0, 3);
  console.log(`\nlargest at start: ${largest.map((c) => `${c.name} ${kb(c.raw)}`).join(', ')}`);

  const server = await serveStatic(dir, {}, { gzip: true });
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      // A fresh context each time: nothing cached, like the first visit of the day.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const started = Date.now();
      await page.goto(`${server.url}/admin/`);
      await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 120_000 });
      times.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
  console.log(
    `\nlogin visible (4× CPU throttling, local server, ${RUNS} cold loads): ${times.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')}; ` +
      `median ${(median / 1000).toFixed(1)} s → ${median <= GOAL_MS ? 'meets' : 'MISSES'} the ${GOAL_MS / 1000} s goal`,
  );
}
