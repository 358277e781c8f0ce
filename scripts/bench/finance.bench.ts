/**
 * Finance ledgers (issue 17): what ledger lines cost the build. The demo content without its ledgers is built
 * once as the baseline, then with generated ledgers of 2,000 and 10,000 lines (every village and community, a
 * month per ledger, ~40 lines a month, balances chained in 分, valid for the content gate); each row prints the
 * one-command build's seconds and peak memory, and the cost per 1,000 lines over the baseline.
 *
 *   npm run bench -- finance          (BENCH_FINANCE_LINES=2000,10000 sets the sizes)
 *
 * Everything is written under tests/.output/bench/finance/ (removed at the start of the next run).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addMonths } from '../../src/lib/site/dates.ts';
import { fenToYuan } from '../../src/lib/finance/finance.ts';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES } from '../../src/schemas/finance.ts';
import { loadAverage, mb, runPhase, type PhaseResult } from './lib/measure.ts';

const SIZES = (process.env.BENCH_FINANCE_LINES ?? '2000,10000').split(',').map(Number);
const TODAY = '2026-11-24';
const LAST_MONTH = '2026-10';
const LINES_PER_MONTH = 40;
const WORK = path.resolve('tests/.output/bench/finance');
const SUMMARIES = ['集体厂房租金', '村级组织运转经费', '保洁员工资', '村部电费', '道路维修材料', '代发低保金'];

/** mulberry32: the same ledgers on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo content, its ledgers replaced by `lines` generated lines; returns the number of ledger files. */
export function writeFinanceCorpus(dir: string, lines: number): number {
  rmSync(dir, { recursive: true, force: true });
  cpSync('content', dir, { recursive: true });
  rmSync(path.join(dir, 'finance'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'finance'));
  if (lines === 0) return 0;
  const places = readdirSync(path.join(dir, 'places'))
    .map((f) => ({
      id: f.replace(/\.json$/, ''),
      ...(JSON.parse(readFileSync(path.join(dir, 'places', f), 'utf8')) as object),
    }))
    .filter((p) => ['village', 'community'].includes((p as { level?: string }).level ?? ''))
    .map((p) => p.id)
    .sort();
  const ledgers = Math.ceil(lines / LINES_PER_MONTH);
  const months = Math.ceil(ledgers / places.length);
  const random = prng(17);
  let written = 0;
  let files = 0;
  for (const place of places) {
    let balanceFen = 50_000_000;
    for (let i = months - 1; i >= 0 && written < lines; i -= 1) {
      const month = addMonths(LAST_MONTH, -i);
      const count = Math.min(LINES_PER_MONTH, lines - written);
      const income: unknown[] = [];
      const expense: unknown[] = [];
      const opening = balanceFen;
      for (let n = 0; n < count; n += 1) {
        const fen = 1000 + Math.floor(random() * 500_000);
        const isIncome = n % 2 === 0;
        // Never below zero: an expense larger than the balance becomes an income.
        const side = isIncome || fen > balanceFen ? income : expense;
        balanceFen += side === income ? fen : -fen;
        const categories = side === income ? INCOME_CATEGORIES : EXPENSE_CATEGORIES;
        side.push({
          date: `${month}-${String(1 + (n % 28)).padStart(2, '0')}`,
          voucher: `记-${String(n + 1).padStart(3, '0')}`,
          summary: `${SUMMARIES[n % SUMMARIES.length] as string}（第 ${n + 1} 笔）`,
          category: categories[n % categories.length],
          amount: fenToYuan(fen),
        });
      }
      written += count;
      files += 1;
      const ledger = {
        place,
        month,
        openingBalance: fenToYuan(opening),
        income,
        expense,
        closingBalance: fenToYuan(balanceFen),
      };
      writeFileSync(path.join(dir, 'finance', `${place}-${month}.json`), `${JSON.stringify(ledger, null, 2)}\n`);
    }
  }
  return files;
}

async function build(name: string): Promise<PhaseResult> {
  const root = path.join(WORK, name);
  return runPhase(`build ${name}`, process.execPath, ['scripts/build.ts'], {
    env: {
      CONTENT_DIR: path.join(root, 'content'),
      OUT_DIR: path.join(root, 'dist'),
      BUILD_DATE: TODAY,
      ASTRO_CACHE_DIR: path.join(root, 'astro-cache'),
      CHART_CACHE_DIR: path.join(root, 'chart-cache'),
    },
  });
}

export default async function bench(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  console.log('demo content, its ledgers replaced by generated ones; `npm run build`, each in fresh caches');
  writeFinanceCorpus(path.join(WORK, 'base', 'content'), 0);
  // The first build of a run also warms the machine (OS file cache, Vite's dependency scan): not counted.
  const warmUp = await build('base');
  rmSync(path.join(WORK, 'base', 'dist'), { recursive: true, force: true });
  rmSync(path.join(WORK, 'base', 'astro-cache'), { recursive: true, force: true });
  rmSync(path.join(WORK, 'base', 'chart-cache'), { recursive: true, force: true });
  const base = await build('base');
  console.log(`(warm-up build, not counted: ${warmUp.seconds.toFixed(1)} s)`);
  console.log(
    '| ledger lines | ledger files | build | peak memory | per 1,000 lines over baseline | per 1,000 lines over previous size | load |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  console.log(`| 0 (baseline) | 0 | ${base.seconds.toFixed(1)} s | ${mb(base.peakRss)} | | | ${loadAverage()} |`);
  let previous = { lines: 0, seconds: base.seconds };
  for (const lines of SIZES) {
    const files = writeFinanceCorpus(path.join(WORK, String(lines), 'content'), lines);
    const result = await build(String(lines));
    const per = (seconds: number, over: number) => `${((seconds * 1000 * 1000) / over).toFixed(0)} ms`;
    console.log(
      `| ${lines.toLocaleString('en')} | ${files} | ${result.seconds.toFixed(1)} s | ${mb(result.peakRss)} | ${per(result.seconds - base.seconds, lines)} | ${per(result.seconds - previous.seconds, lines - previous.lines)} | ${loadAverage()} |`,
    );
    previous = { lines, seconds: result.seconds };
  }
}
