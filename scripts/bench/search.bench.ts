/**
 * Search benchmark: index size, indexing time and peak memory of Pagefind on a generated corpus of Chinese pages,
 * and the bytes a real Chromium fetches for a first and a second query.
 *
 * `BENCH_SEARCH_N` sets the number of pages (default 10,000). The corpus is plain HTML shaped like our pages
 * (`<html lang="zh-CN">`, `<main data-pagefind-body>`, the same hidden facet block as Base.astro), generated
 * deterministically, so runs are comparable; indexing uses the same `buildSearchIndex` as the build, in a child
 * process so its memory is measured alone.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { inSiteDir, PART_LIST_FILE, PRIMARY_BUNDLE, type PartList } from '../../src/lib/search/search-parts.ts';
import { folderSize, kb, loadAverage, mb, runPhase } from './lib/measure.ts';

const N = Number(process.env.BENCH_SEARCH_N ?? 10_000);
const WORK = path.resolve('tests/.output/bench-search');
const SITE = path.join(WORK, 'site');
const QUERIES = ['低保 公示', '矛盾纠纷'] as const;

// --- deterministic corpus -------------------------------------------------------------------------------------

function random(seed: number): () => number {
  // mulberry32: tiny, fast, good enough to vary text; the same seed gives the same corpus every run.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['桃源村', '石桥村', '柳湾村', '南岭村', '新华社区', '清河社区', '锦绣社区', '云溪街道'];
const TYPES = ['公告', '纪要', '统计', '普法'] as const;
const TOPICS = [
  '最低生活保障对象',
  '宅基地审批',
  '财务收支',
  '道路硬化工程',
  '路灯改造',
  '充电桩安装',
  '矛盾纠纷调解',
  '集体土地承包',
  '高龄津贴发放',
  '临时救助',
  '村集体经济收益分配',
  '农村危房改造',
];
const SENTENCES = [
  '根据《村民委员会组织法》第三十条规定，现将有关情况公示如下。',
  '经村民代表会议讨论，应到{a}人，实到{b}人，同意{b}票。',
  '本月受理群众说事{a}件，干部解题{b}件，群众满意率较高。',
  '共排查安全隐患{a}处，已整改到位{b}处，其余正在整改。',
  '项目总投资{a}万元，由村集体经济和上级补助资金共同承担。',
  '如有异议，请在公示期内向村务监督委员会反映，联系电话0999-8666{a}。',
  '网格员入户走访{a}户，收集社情民意{b}条，及时上报处置。',
  '依据《民法典》第{a}条，相邻各方应当按照有利生产、方便生活的原则处理相邻关系。',
  '本次共发放补贴资金{a}元，涉及{b}户，名单附后，身份证号已隐去中间位数。',
  '普法宣传进村入户，开展活动{a}场，参与群众{b}人次。',
];

function page(i: number, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const place = pick(PLACES);
  const type = TYPES[i % TYPES.length] as (typeof TYPES)[number];
  const topic = pick(TOPICS);
  const year = 2020 + Math.floor(next() * 7);
  const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const body = Array.from({ length: 6 + Math.floor(next() * 8) }, () =>
    pick(SENTENCES)
      .replace('{a}', String(Math.floor(next() * 2000)))
      .replace(/\{b\}/g, String(Math.floor(next() * 500))),
  );
  const title = `${place}关于${year}年${topic}的${type === '纪要' ? '会议纪要' : type === '统计' ? '统计' : '公示'}（第${i + 1}号）`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header data-pagefind-ignore><nav><a href="/">首页</a></nav></header>
<main data-pagefind-body><h1>${title}</h1>${body.map((s) => `<p>${s}</p>`).join('\n')}
<div hidden data-pagefind-ignore><span data-pagefind-filter="type">${type}</span><span data-pagefind-filter="place">${place}</span><span data-pagefind-filter="year">${year}</span><span data-pagefind-filter="category">${topic}</span><span data-pagefind-meta="type">${type}</span><span data-pagefind-meta="place">${place}</span><span data-pagefind-meta="date">${date}</span><span data-pagefind-sort="date">${date}</span></div>
</main><footer data-pagefind-ignore>云溪街道办事处</footer></body></html>`;
}

function writeCorpus(n: number): number {
  rmSync(WORK, { recursive: true, force: true });
  const next = random(20261124);
  let bytes = 0;
  for (let i = 0; i < n; i += 1) {
    const dir = path.join(SITE, 'p', String(i));
    mkdirSync(dir, { recursive: true });
    const html = page(i, next);
    bytes += Buffer.byteLength(html);
    writeFileSync(path.join(dir, 'index.html'), html);
  }
  writeFileSync(path.join(SITE, 'index.html'), '<!doctype html><html lang="zh-CN"><body>bench</body></html>');
  return bytes;
}

// --- indexing in a child process, with its memory sampled ----------------------------------------------------

async function indexInChild(siteDir: string): Promise<{ seconds: number; peakRss: number; pages: number }> {
  // The same function the build's integration calls, alone in a child so its memory is not mixed with ours.
  const script = `import { buildSearchIndex } from ${JSON.stringify(path.resolve('src/lib/search/search-index.ts'))};
const summary = await buildSearchIndex(${JSON.stringify(siteDir)});
process.stdout.write('\\n' + JSON.stringify(summary));`;
  const run = await runPhase('Pagefind indexing', process.execPath, ['--input-type=module', '-e', script]);
  const summary = JSON.parse(run.output.trim().split('\n').at(-1) ?? '{}') as { pages: number };
  return { seconds: run.seconds, peakRss: run.peakRss, pages: summary.pages };
}

// --- bytes fetched by Chromium --------------------------------------------------------------------------------

/**
 * The bundles a query reads: every part in the site's part list (PART_LIST_FILE, written by every build, split or
 * not), else the one index (the bench's own corpus is indexed by buildSearchIndex, which writes it too).
 */
function searchBundles(siteDir: string): string[] {
  const list = inSiteDir(siteDir, PART_LIST_FILE);
  if (!existsSync(list)) return [PRIMARY_BUNDLE];
  return (JSON.parse(readFileSync(list, 'utf8')) as PartList).parts.map((part) => part.bundle);
}

/**
 * Bytes a real Chromium fetches for each query in turn, over every part of the index as the search page queries
 * them (src/scripts/search-page.ts: each part its own instance, results merged by score); reused by
 * pipeline.bench.ts on the real site.
 */
export async function bytesPerQuery(
  siteDir: string,
): Promise<{ query: string; bytes: number; requests: number; results: number; parts: number }[]> {
  const bundles = searchBundles(siteDir);
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    // Listen on the context, not the page: Pagefind fetches its index from a Web Worker.
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    let pending = 0;
    context.on('request', () => (pending += 1));
    context.on('requestfailed', () => (pending -= 1));
    context.on('requestfinished', (request) => {
      void request.sizes().then((sizes) => {
        // Bytes on the wire: headers plus the (already gzip-compressed) body, as served by a plain static host.
        bytes += sizes.responseHeadersSize + sizes.responseBodySize;
        requests += 1;
        pending -= 1;
      });
    });
    const settled = async () => {
      // data() resolves before the worker's last fetches are reported; wait until the network is quiet.
      for (let quiet = 0; quiet < 5; quiet = pending === 0 ? quiet + 1 : 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await page.goto(`${server.url}/`);
    await settled();
    const measured = [];
    for (const query of QUERIES) {
      bytes = 0;
      requests = 0;
      // Source text, so no bundler rewrites the dynamic import; the top 10 results load their data, as on our page.
      const results = (await page.evaluate(`(async () => {
        const bundles = ${JSON.stringify(bundles)};
        const parts = await Promise.all(bundles.map((bundle) => import(bundle + 'pagefind.js')));
        const found = await Promise.all(parts.map((pagefind) => pagefind.search(${JSON.stringify(query)})));
        const merged = found.flatMap((search) => search.results).sort((a, b) => b.score - a.score);
        await Promise.all(merged.slice(0, 10).map((r) => r.data()));
        return merged.length;
      })()`)) as number;
      await settled();
      measured.push({ query, bytes, requests, results, parts: bundles.length });
    }
    return measured;
  } finally {
    await browser.close();
    await server.close();
  }
}

// --- report ---------------------------------------------------------------------------------------------------

export default async function bench(): Promise<void> {
  const corpusBytes = writeCorpus(N);
  const indexed = await indexInChild(SITE);
  const size = folderSize(path.join(SITE, 'pagefind'));
  const queries = await bytesPerQuery(SITE);
  console.log(`| search (Pagefind ${N.toLocaleString('en')} generated Chinese pages; load ${loadAverage()}) | value |`);
  console.log('| --- | --- |');
  console.log(`| corpus HTML | ${mb(corpusBytes)} |`);
  console.log(`| pages indexed | ${indexed.pages} |`);
  console.log(`| indexing time (child process: start, index, write) | ${indexed.seconds.toFixed(1)} s |`);
  console.log(`| peak memory (Node + Pagefind binary, RSS sampled every 50 ms) | ${mb(indexed.peakRss)} |`);
  console.log(`| index size on disk | ${mb(size.bytes)} in ${size.files} files |`);
  queries.forEach((q, i) =>
    console.log(
      `| ${i === 0 ? 'first' : 'second'} query "${q.query}" (${q.results} results over ${q.parts} index part(s), top 10 loaded) | ${kb(q.bytes)} in ${q.requests} requests |`,
    ),
  );
  if (process.env.BENCH_KEEP !== '1') rmSync(WORK, { recursive: true, force: true });
}
