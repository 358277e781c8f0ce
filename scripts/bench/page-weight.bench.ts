/**
 * Page weight per template of the built demo: gzip bytes of the HTML plus the CSS it links, and the bytes of
 * JavaScript it loads (files and inline). Target for a notice page: ≤ 40 KB HTML+CSS gzip, 0 bytes of JS files.
 * Reads an existing build (tests/.output/demo, or GONGKAILAN_DEMO_OUT, or dist/); builds nothing itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_OUT_DIR } from '../../tests/support/build.ts';

const TEMPLATES: [string, RegExp][] = [
  ['home', /^\/$/],
  ['place', /^\/places\/[a-z0-9]+\/$/],
  ['notice', /^\/notices\/\d{4}-\d{2}-\d{2}-[^/]+\/$/],
  ['minutes', /^\/meetings\/\d{4}-\d{2}-\d{2}-[^/]+\/$/],
  ['legal', /^\/legal\/(?!topic\/|type\/)[a-z0-9-]+\/$/],
  ['notice list', /^\/notices\/$/],
];
const NOTICE_BUDGET = 40 * 1024;

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export default async function bench(): Promise<void> {
  const dir = [DEMO_OUT_DIR, path.resolve('dist')].find((d) => existsSync(path.join(d, 'sitemap.xml')));
  if (dir === undefined) {
    console.log('no built site found: run the tests once (they build tests/.output/demo) or `npm run build`');
    return;
  }
  const paths = [...readFileSync(path.join(dir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (m) => new URL(m[1] as string).pathname,
  );
  console.log(`site: ${path.relative(process.cwd(), dir)}\n`);
  console.log('| template | page | HTML gzip | CSS gzip | HTML+CSS gzip | JS files | inline JS |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  let notice: { total: number; jsFiles: number } | undefined;
  for (const [name, pattern] of TEMPLATES) {
    const pathname = paths.find((p) => pattern.test(p));
    if (pathname === undefined) {
      console.log(`| ${name} | (none in sitemap) | | | | | |`);
      continue;
    }
    const html = readFileSync(path.join(dir, pathname, 'index.html'), 'utf8');
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)]
      .map((m) => readFileSync(path.join(dir, m[1] as string)))
      .reduce((sum, file) => sum + gz(file), 0);
    const jsFiles = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)]
      .map((m) => readFileSync(path.join(dir, m[1] as string)).length)
      .reduce((a, b) => a + b, 0);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => (m[1] ?? '').length)
      .reduce((a, b) => a + b, 0);
    const total = gz(html) + css;
    if (name === 'notice') notice = { total, jsFiles };
    console.log(`| ${name} | ${pathname} | ${kb(gz(html))} | ${kb(css)} | ${kb(total)} | ${jsFiles} B | ${inline} B |`);
  }
  if (notice !== undefined) {
    const ok = notice.total <= NOTICE_BUDGET && notice.jsFiles === 0;
    console.log(
      `\nnotice page: ${kb(notice.total)} HTML+CSS gzip (budget ${kb(NOTICE_BUDGET)}), ${notice.jsFiles} B of JS files → ${ok ? 'meets the target' : 'MISSES the target'}`,
    );
    console.log('(inline JS is the large-text mode: two CSP-hashed scripts, under 0.5 KB; no script files)');
  }
}
