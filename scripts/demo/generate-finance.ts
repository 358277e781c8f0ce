/**
 * Generates the demo's monthly finance ledgers: `content/finance/<place>-<YYYY-MM>.json` for 桃源村 and 柳湾村,
 * 2024-11 … 2026-10. Deterministic (seeded PRNG, no Math.random): running it twice gives the same files, so the
 * output is committed and reviewed.
 *
 *   node scripts/demo/generate-finance.ts          (writes into ./content, or CONTENT_DIR)
 *
 * Fictional but shaped like a village's 财务收支明细: quarterly 村级组织运转经费 from the township, rents and
 * contract fees, monthly cadre pay, cleaning, street-light power, a few projects; 桃源村 passes 低保 money on
 * (name and amount only, never an ID or account number), 柳湾村 collects a land contract fee every January.
 * All money is handled in integer 分 and every month is checked to balance before it is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FIRST_MONTH = '2024-11';
const MONTHS = 24;

interface Line {
  date: string;
  voucher: string;
  summary: string;
  category: string;
  /** 分 while generating; 元 in the file. */
  fen: number;
}

/** mulberry32, seeded per place-month (as in generate-stats.ts). */
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

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

interface Month {
  month: string;
  /** 1–12. */
  m: number;
  /** 0-based month index in the series. */
  i: number;
  rand: () => number;
  income: Omit<Line, 'voucher'>[];
  expense: Omit<Line, 'voucher'>[];
}

/** A whole-yuan amount around `base` yuan (± spread share), in 分. */
function yuan(rand: () => number, base: number, spread = 0.15): number {
  return Math.round(base * (1 + (rand() * 2 - 1) * spread)) * 100;
}

/** An amount with 角 and 分, around `base` yuan, in 分 (power bills, office supplies). */
function exact(rand: () => number, base: number, spread = 0.3): number {
  return Math.round(base * 100 * (1 + (rand() * 2 - 1) * spread));
}

function day(month: Month, d: number): string {
  return `${month.month}-${String(d).padStart(2, '0')}`;
}

function common(mo: Month, cadrePay: number, cleaners: number): void {
  const { rand, m } = mo;
  if (m % 3 === 1) {
    mo.income.push({
      date: day(mo, 6),
      summary: `镇财政拨付${m <= 3 ? '一' : m <= 6 ? '二' : m <= 9 ? '三' : '四'}季度村级组织运转经费`,
      category: 'subsidy',
      fen: 45_000_00,
    });
  }
  if (m % 3 === 0) {
    mo.income.push({ date: day(mo, 21), summary: '银行存款结息', category: 'otherIncome', fen: exact(rand, 420) });
  }
  const prev = addMonths(mo.month, -1).slice(5).replace(/^0/, '');
  mo.expense.push({ date: day(mo, 10), summary: `发放村干部${prev}月基本报酬`, category: 'management', fen: cadrePay });
  mo.expense.push({
    date: day(mo, 12),
    summary: `支付保洁员${prev}月工资（${cleaners}人）`,
    category: 'publicWelfare',
    fen: cleaners * 2_200_00,
  });
  mo.expense.push({ date: day(mo, 16), summary: '村部及路灯电费', category: 'publicWelfare', fen: exact(rand, 780) });
  if (rand() < 0.7) {
    mo.expense.push({
      date: day(mo, 3 + Math.floor(rand() * 20)),
      summary: '购买办公用品、打印耗材',
      category: 'management',
      fen: exact(rand, 460),
    });
  }
}

/** 桃源村: 厂房租金, the 路灯 project of 2025, 低保 and 临时救助 passed on to residents (name and amount only). */
function taoyuan(mo: Month): void {
  const { rand, m, month } = mo;
  common(mo, 13_800_00, 4);
  mo.income.push({ date: day(mo, 5), summary: '集体厂房租金（桃源茶叶加工厂）', category: 'operating', fen: 6_800_00 });
  if (m === 12) {
    mo.income.push({
      date: day(mo, 18),
      summary: '村茶园合作社年度分红',
      category: 'investment',
      fen: yuan(rand, 38_000, 0.1),
    });
  }
  const dibao: [string, string, number][] = [
    ['2025-01', '代发春节临时救助金（三组 王桂兰）', 1_200_00],
    ['2025-08', '代发临时救助金（七组 李德顺，住院）', 3_000_00],
    ['2026-01', '代发春节临时救助金（三组 王桂兰）', 1_200_00],
  ];
  for (const [when, summary, fen] of dibao) {
    if (month === when) mo.expense.push({ date: day(mo, 20), summary, category: 'relief', fen });
  }
  // 低保: the township pays 桃源村 one household's 低保 quarterly, the village pays it out the same month.
  if (m % 3 === 2) {
    mo.income.push({
      date: day(mo, 8),
      summary: '镇民政办拨付代发低保金（三个月）',
      category: 'subsidy',
      fen: 2_040_00,
    });
    mo.expense.push({
      date: day(mo, 9),
      summary: '代发低保金（五组 陈秀英，三个月）',
      category: 'relief',
      fen: 2_040_00,
    });
  }
  if (month === '2025-10') {
    mo.income.push({
      date: day(mo, 14),
      summary: '“一事一议”路灯项目财政奖补资金',
      category: 'subsidy',
      fen: 60_000_00,
    });
    mo.expense.push({
      date: day(mo, 20),
      summary: '路灯安装工程预付款（30%）',
      category: 'publicWelfare',
      fen: 40_860_00,
    });
  }
  if (month === '2026-01') {
    mo.expense.push({
      date: day(mo, 15),
      summary: '路灯安装工程进度款（60%）',
      category: 'publicWelfare',
      fen: 81_720_00,
    });
  }
  if (month === '2026-04') {
    mo.expense.push({
      date: day(mo, 22),
      summary: '路灯安装工程尾款（扣质保金5%）',
      category: 'publicWelfare',
      fen: 2_370_00,
    });
  }
}

/** 柳湾村: 鱼塘 and 机动地 contract fees (发包收入), the 柳湾 market stalls, a 水渠 repair. */
function liuwan(mo: Month): void {
  const { rand, m, month } = mo;
  common(mo, 15_600_00, 5);
  mo.income.push({
    date: day(mo, 4),
    summary: '柳湾农贸市场摊位租金',
    category: 'operating',
    fen: yuan(rand, 9_600, 0.08),
  });
  if (m === 1) {
    mo.income.push({
      date: day(mo, 15),
      summary: '集体机动地126亩承包费（丰禾粮食种植专业合作社，每亩600元）',
      category: 'contracting',
      fen: 75_600_00,
    });
  }
  if (m === 3 || m === 9) {
    mo.income.push({ date: day(mo, 11), summary: '沙洲鱼塘承包费（半年）', category: 'contracting', fen: 8_500_00 });
  }
  if (m === 7) {
    mo.expense.push({
      date: day(mo, 25),
      summary: '防汛物资（编织袋、救生衣）',
      category: 'publicWelfare',
      fen: exact(rand, 5_600, 0.1),
    });
  }
  if (month === '2025-11' || month === '2026-03') {
    mo.expense.push({
      date: day(mo, 18),
      summary: '农贸市场雨棚维修',
      category: 'operatingCost',
      fen: exact(rand, 7_800, 0.1),
    });
  }
}

const VILLAGES = [
  { id: 'taoyuan', opening: 286_431_20, fill: taoyuan },
  { id: 'liuwan', opening: 412_908_65, fill: liuwan },
];

const contentRoot = path.resolve(process.env['CONTENT_DIR'] ?? 'content');
const outDir = path.join(contentRoot, 'finance');
mkdirSync(outDir, { recursive: true });
let written = 0;
for (const village of VILLAGES) {
  let balance = village.opening;
  for (let i = 0; i < MONTHS; i++) {
    const month = addMonths(FIRST_MONTH, i);
    const mo: Month = {
      month,
      m: Number(month.slice(5)),
      i,
      rand: prng(hash(`${village.id}-${month}`)),
      income: [],
      expense: [],
    };
    village.fill(mo);
    // One voucher sequence per month, in date order across income and expense (as 记账凭证 are numbered).
    const all = [
      ...mo.income.map((l) => ({ side: 'income' as const, l })),
      ...mo.expense.map((l) => ({ side: 'expense' as const, l })),
    ];
    all.sort((a, b) => (a.l.date < b.l.date ? -1 : a.l.date > b.l.date ? 1 : a.side === 'income' ? -1 : 1));
    const numbered = all.map((x, n) => ({ ...x, line: { ...x.l, voucher: `记-${String(n + 1).padStart(3, '0')}` } }));
    const toFile = (l: Line) => ({
      date: l.date,
      voucher: l.voucher,
      summary: l.summary,
      category: l.category,
      amount: l.fen / 100,
    });
    const income = numbered.filter((x) => x.side === 'income').map((x) => x.line);
    const expense = numbered.filter((x) => x.side === 'expense').map((x) => x.line);
    const opening = balance;
    balance = opening + income.reduce((s, l) => s + l.fen, 0) - expense.reduce((s, l) => s + l.fen, 0);
    if (balance < 0) throw new Error(`${village.id} ${month}: balance would be negative`);
    const ledger = {
      place: village.id,
      month,
      openingBalance: opening / 100,
      income: income.map(toFile),
      expense: expense.map(toFile),
      closingBalance: balance / 100,
    };
    writeFileSync(path.join(outDir, `${village.id}-${month}.json`), `${JSON.stringify(ledger, null, 2)}\n`);
    written++;
  }
}
console.log(`wrote ${written} files to ${path.relative(process.cwd(), outDir) || outDir}`);
