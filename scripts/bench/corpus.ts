/**
 * Synthetic but realistic benchmark corpus: a whole content directory (site.json, a 街道 with its villages,
 * communities and grids, notices, meetings, legal material and N places × M months of statistics) that passes
 * `npm run validate`. Deterministic: the same options give byte-identical files, so runs are comparable.
 *
 *   node scripts/bench/corpus.ts 1000 tests/.output/bench/corpus-1000     (entries, target folder)
 *   node scripts/bench/corpus.ts 1000 town/content --town fengxi:枫溪 --seed 2   (one town of a county)
 *
 * "Entries" are the files a build turns into pages: notices + meetings + legal + stats. Places and site.json
 * come on top. The Chinese text is assembled from the phrase banks in `lib/phrases.ts`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addDays, addMonths, monthOf } from '../../src/lib/site/dates.ts';
import {
  GIVEN_NAMES,
  LEGAL_MATERIAL,
  LEGAL_SOURCES,
  MEETING_DISCUSSION,
  MEETING_TOPICS,
  NAME_SYLLABLES,
  NOTICE_KINDS,
  ROADS,
  SURNAMES,
  VILLAGE_GROUPS,
} from './lib/phrases.ts';

export interface Town {
  /** Slug of the 街道, used as the root place id and in URLs. */
  id: string;
  /** Chinese name without 街道, e.g. 云溪. */
  name: string;
}

export interface CorpusOptions {
  /** Entries to write: notices + meetings + legal + stats files. */
  entries: number;
  /** Build day (YYYY-MM-DD, Asia/Shanghai): every item is dated on or before it, so all of it is public. */
  today: string;
  /** Months of statistics per place (default 36, i.e. three years of 台账). */
  months?: number;
  /** PRNG seed; a different seed gives a different but equally valid corpus. */
  seed?: number;
  /** Which 街道 (two towns in one county need different ids and names). */
  town?: Town;
}

/** How many of each kind an entry count turns into. */
export interface CorpusPlan {
  entries: number;
  /** Villages and communities (each has one statistics file per month). */
  places: number;
  months: number;
  stats: number;
  notices: number;
  meetings: number;
  legal: number;
}

/** Statistics are about a fifth of the entries, like a real 街道 that publishes monthly figures for 3 years. */
const STATS_SHARE = 0.2;
const DEFAULT_TOWN: Town = { id: 'yunxi', name: '云溪' };

/** Split an entry count into places × months of statistics, notices (60 %), meetings (30 %) and legal (10 %). */
export function planCorpus(entries: number, months = 36): CorpusPlan {
  if (!Number.isInteger(entries) || entries < 20) throw new Error(`entries must be an integer ≥ 20, got ${entries}`);
  const effectiveMonths = Math.min(months, Math.max(1, Math.floor((entries * STATS_SHARE) / 2)));
  const places = Math.max(2, Math.round((entries * STATS_SHARE) / effectiveMonths));
  const stats = places * effectiveMonths;
  const rest = entries - stats;
  const notices = Math.round(rest * 0.6);
  const meetings = Math.round(rest * 0.3);
  return { entries, places, months: effectiveMonths, stats, notices, meetings, legal: rest - notices - meetings };
}

/** mulberry32 with helpers: small, fast and deterministic (never Math.random). */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** `n` distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

interface GeneratedPlace {
  id: string;
  name: string;
  kind: 'village' | 'community';
  grids: number;
  /** Office landline, unique per place. */
  phone: string;
}

const yuan = (cents: number): string => {
  const whole = Math.floor(cents / 100).toString();
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(cents % 100).padStart(2, '0')}`;
};

/** YAML scalar: JSON strings are valid YAML and never need thinking about colons or quotes. */
const q = (text: string): string => JSON.stringify(text);
const list = (items: readonly string[]): string => `[${items.map(q).join(', ')}]`;
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));

function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN_NAMES);
}

function makePlaces(random: Random, count: number, townId: string): GeneratedPlace[] {
  const places: GeneratedPlace[] = [];
  const ids = new Set<string>([townId]);
  const names = new Set<string>();
  for (let attempt = 0; places.length < count; attempt += 1) {
    const [a, b] = random.sample(NAME_SYLLABLES, 2) as [readonly [string, string], readonly [string, string]];
    // Past the distinct pairs, number the names (桃源二村) so any count works.
    const round = Math.floor(attempt / 2000);
    const kind = random.chance(0.3) ? 'community' : 'village';
    const base = `${a[0]}${b[0]}`;
    const name = `${base}${round > 0 ? '新' : ''}${kind === 'community' ? '社区' : '村'}`;
    const id = `${a[1]}${b[1]}${round > 0 ? round : ''}`;
    if (ids.has(id) || names.has(name)) continue;
    ids.add(id);
    names.add(name);
    const index = places.length + 1;
    places.push({ id, name, kind, grids: random.int(2, 4), phone: `0999-8${String(6000000 + index * 10).slice(-7)}` });
  }
  return places;
}

function placeFiles(random: Random, town: Town, places: GeneratedPlace[]): Map<string, string> {
  const files = new Map<string, string>();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const villages = places.filter((p) => p.kind === 'village').length;
  files.set(
    `places/${town.id}.json`,
    json({
      name: `${town.name}街道`,
      level: 'street',
      order: 0,
      address: `示例省青川市溪山区${town.name}大道 88 号`,
      phone: '0999-86660000',
      intro: `${town.name}街道（基准测试用虚构数据）辖 ${villages} 个行政村和 ${places.length - villages} 个社区。`,
    }),
  );
  let mobile = 0;
  places.forEach((place, i) => {
    files.set(
      `places/${place.id}.json`,
      json({
        name: place.name,
        level: place.kind,
        parent: town.id,
        order: i + 1,
        area:
          place.kind === 'village'
            ? `${VILLAGE_GROUPS.slice(0, random.int(4, 9)).join('、')}`
            : `${random.pick(ROADS)} 1-40 号楼`,
        households: random.int(300, 2500),
        population: random.int(1000, 8000),
        address: `${town.name}街道${random.pick(ROADS)}${random.int(1, 200)}号${place.name}党群服务中心`,
        phone: place.phone,
        intro: `${place.name}位于${town.name}街道${random.pick(['东部', '西部', '南部', '北部', '中部'])}，设有便民服务窗口和人民调解室。`,
      }),
    );
    for (let g = 1; g <= place.grids; g += 1) {
      mobile += 1;
      files.set(
        `places/${place.id}-g${g}.json`,
        json({
          name: `第${'一二三四五六'[g - 1]}网格`,
          level: 'grid',
          parent: place.id,
          order: g,
          gridWorkers: [
            // Work mobiles, published on purpose (publicContact field); 138 0000 xxxx is a reserved-looking range.
            { name: personName(random), phone: `1380000${String(mobile % 10000).padStart(4, '0')}`, role: 'full-time' },
          ],
        }),
      );
    }
  });
  return files;
}

function statsFile(random: Random, place: GeneratedPlace, month: string): string {
  const received = random.int(10, 90);
  const responded = received - random.int(0, Math.min(2, received));
  const resolved = Math.max(0, responded - random.int(0, 4));
  const rated = Math.floor(resolved * (0.6 + random.next() * 0.35));
  const satisfied = rated - random.int(0, Math.min(3, rated));
  const events = {
    disputes: random.int(0, 8),
    publicSecurity: random.int(0, 6),
    safety: random.int(0, 8),
    publicOpinion: random.int(1, 12),
    sanitation: random.int(2, 20),
    livelihood: random.int(2, 20),
  };
  const reported = Object.values(events).reduce((a, b) => a + b, 0);
  const disputes = random.int(0, 8);
  const hazards = random.int(0, 10);
  const stats = {
    place: place.id,
    month,
    demands: { received, responded, resolved, rated, satisfied },
    gridEvents: { ...events, closed: reported - random.int(0, Math.min(3, reported)) },
    disputes: { received: disputes, mediated: disputes - random.int(0, Math.min(1, disputes)) },
    hazards: { found: hazards, fixed: hazards - random.int(0, Math.min(2, hazards)) },
    policeIncidents: random.int(0, 6),
    petitions: random.int(0, 4),
    legalEducation: { activities: random.int(1, 5), participants: random.int(20, 300) },
    staff: { gridWorkers: place.grids + random.int(0, 2), volunteers: random.int(10, 60) },
  };
  return `${JSON.stringify(stats, null, 2)}\n`;
}

function noticeFile(
  random: Random,
  place: GeneratedPlace,
  published: string,
  n: number,
): { name: string; text: string } {
  const kind = random.pick(NOTICE_KINDS);
  const [year, month] = published.split('-') as [string, string];
  const values = { place: place.name, year, month: Number(month), n: random.int(1, 4), days: 7 };
  const days = kind.category === 'finance' ? 15 : 7;
  values.days = days;
  const title = fill(random.pick(kind.titles), values);
  const paragraphs: string[] = [fill(random.pick(kind.opening), values)];
  if (kind.table === true) {
    const income = random.int(500_000, 9_000_000);
    const lines = random.sample(kind.items, random.int(5, 8)).map((item, i) => {
      const amount = random.int(10_000, 900_000);
      return `| 付-${month}-${String(i + 1).padStart(2, '0')} | ${item} | ${yuan(amount)} |`;
    });
    paragraphs.push(
      `## 一、收入情况\n\n本月收入 ${yuan(income)} 元，主要为街道拨付工作经费和集体资产租金。`,
      `## 二、支出明细\n\n| 凭证号 | 摘要 | 金额（元） |\n| --- | --- | ---: |\n${lines.join('\n')}`,
    );
  } else if (kind.slug === 'dibao') {
    // Real 低保 lists name each household (name, group, amount; never ID or bank numbers).
    const rows = Array.from(
      { length: random.int(5, 15) },
      () =>
        `| ${personName(random)} | ${random.pick(VILLAGE_GROUPS)} | ${random.int(1, 5)} | ${yuan(random.int(40_000, 180_000))} |`,
    );
    paragraphs.push(
      `## 公示名单\n\n| 户主姓名 | 所在组 | 保障人数 | 月保障金额（元） |\n| --- | --- | ---: | ---: |\n${rows.join('\n')}`,
      random.pick(kind.items) + '。',
    );
  } else {
    const items = random.sample(kind.items, random.int(3, kind.items.length));
    paragraphs.push(
      `## 公开内容\n\n${items.map((item, i) => `${i + 1}. ${item}${random.pick(['。', '，群众无异议。', '，已登记在册。'])}`).join('\n')}`,
    );
  }
  paragraphs.push(...random.sample(kind.closing, kind.closing.length));
  paragraphs.push(
    `${place.name}${place.kind === 'village' ? '村民委员会' : '居民委员会'}\n${year}年${Number(month)}月${Number(published.slice(8))}日`,
  );
  const needsReview = kind.category === 'village' || kind.category === 'finance';
  const reviewers = Array.from({ length: random.int(2, 3) }, () => personName(random));
  const front = [
    '---',
    `title: ${q(title)}`,
    `category: ${kind.category}`,
    `place: ${place.id}`,
    `published: ${published}`,
    'period:',
    `  start: ${published}`,
    `  end: ${addDays(published, days)}`,
    `summary: ${q(`${place.name}${title.replace(place.name, '')}，公示期${days}天。`)}`,
    'contact:',
    `  name: ${q(personName(random))}`,
    `  role: ${q(place.kind === 'village' ? '村委会文书' : '社区报账员')}`,
    `  phone: ${q(place.phone)}`,
    ...(needsReview
      ? [
          'review:',
          `  by: ${list(reviewers)}`,
          `  date: ${addDays(published, -random.int(1, 3))}`,
          `  opinion: ${q('经审核，内容真实准确，同意公开。')}`,
        ]
      : []),
    `keywords: ${list(random.sample(kind.keywords, 3))}`,
    '---',
  ];
  return {
    name: `${published}-${place.id}-${kind.slug}-${n}`,
    text: `${front.join('\n')}\n${paragraphs.join('\n\n')}\n`,
  };
}

const MEETING_BODIES_BY_STEP = {
  propose: 'party-branch',
  consult: 'two-committees',
  review: 'party-members',
  resolve: 'representatives',
} as const;
const STEP_NAMES = { propose: '党支部提议会', consult: '“两委”联席会议', review: '党员大会', resolve: '村民代表会议' };

function meetingFile(
  random: Random,
  place: GeneratedPlace,
  date: string,
  n: number,
  noticeOfPlace: string | undefined,
): { name: string; text: string } {
  const step = random.pick(['propose', 'consult', 'review', 'resolve'] as const);
  const topics = random.sample(MEETING_TOPICS, random.int(1, 3));
  const expected = random.int(7, 60);
  const present = expected - random.int(0, Math.min(5, expected - 1));
  const decisions = topics.map((topic, i) => {
    const forVotes = present - random.int(0, Math.min(3, present));
    const announced = step === 'resolve' && i === 0 && noticeOfPlace !== undefined;
    return [
      `  - title: ${q(`同意${topic.replace(/^(研究|讨论|审议|商议)/, '')}`)}`,
      `    detail: ${q(random.pick(MEETING_DISCUSSION))}`,
      `    votes: { for: ${forVotes}, against: ${random.int(0, present - forVotes)}, abstain: 0 }`,
      ...(announced ? [`    notices: [${noticeOfPlace}]`] : []),
    ].join('\n');
  });
  const title = `${place.name}${STEP_NAMES[step]}（${topics[0]?.slice(2, 14) ?? '议事'}）`.slice(0, 60);
  const front = [
    '---',
    `title: ${q(title)}`,
    `body: ${MEETING_BODIES_BY_STEP[step]}`,
    `date: ${date}`,
    `place: ${place.id}`,
    `venue: ${q(`${place.name}党群服务中心二楼会议室`)}`,
    `chair: ${q(personName(random))}`,
    `recorder: ${q(personName(random))}`,
    'attendance:',
    `  expected: ${expected}`,
    `  present: ${present}`,
    `  attendees: ${q('村务监督委员会成员、驻村干部')}`,
    `agenda: ${list(topics)}`,
    'decisions:',
    ...decisions,
    `summary: ${q(`${place.name}召开${STEP_NAMES[step]}，${topics.join('，')}。`.slice(0, 200))}`,
    `keywords: ${list(['四议两公开', '议事', STEP_NAMES[step]])}`,
    '---',
  ];
  const body = [
    `## 会议议题\n\n${topics.map((t, i) => `${i + 1}. ${t}`).join('\n')}`,
    `## 讨论情况\n\n${random.sample(MEETING_DISCUSSION, random.int(3, 6)).join('\n\n')}`,
    `## 会议决定\n\n应到 ${expected} 人，实到 ${present} 人，符合会议召开要求。经表决，会议通过上述事项，按“四议两公开”程序推进并及时公开。`,
  ];
  return { name: `${date}-${place.id}-yishi-${n}`, text: `${front.join('\n')}\n${body.join('\n\n')}\n` };
}

function legalFile(random: Random, town: Town, published: string, n: number): { name: string; text: string } {
  const material = random.pick(LEGAL_MATERIAL);
  const type = random.pick(['article', 'qa', 'case'] as const);
  const title = random.pick(material.titles);
  const statutes = random.sample(material.articles, random.int(1, 2));
  const front = [
    '---',
    `title: ${q(title)}`,
    `type: ${type}`,
    `topic: ${material.topic}`,
    `audience: ${list(random.sample(['all', 'elderly', 'farmers', 'migrant-workers'], random.int(1, 2)))}`,
    `published: ${published}`,
    ...(type === 'qa' ? [`question: ${q(material.question)}`] : []),
    'statutes:',
    ...statutes.map((article) => `  - { law: ${q(material.law)}, article: ${article} }`),
    `summary: ${q(material.paragraphs[0]!.slice(0, 120))}`,
    `source: ${q(`${town.name}街道${random.pick(LEGAL_SOURCES).replace('街道', '')}`)}`,
    `keywords: ${list([material.law, '普法'])}`,
    '---',
  ];
  const body = [
    type === 'case'
      ? `## 基本案情\n\n${personName(random).slice(0, 1)}某与邻居因${title.replace(/[？?]$/, '')}发生纠纷，经网格员上门了解情况后，报请人民调解委员会调解。`
      : `## 法律解读\n\n${random.pick(material.paragraphs)}`,
    `## 法律依据\n\n${statutes.map((a) => `《${material.law}》第${a}条。`).join('\n')}`,
    `## 温馨提示\n\n${random.sample(material.paragraphs, material.paragraphs.length).join('\n\n')}`,
  ];
  return { name: `${material.topic}-${n}`, text: `${front.join('\n')}\n${body.join('\n\n')}\n` };
}

function siteFile(town: Town, plan: CorpusPlan): string {
  return `${JSON.stringify(
    {
      name: `${town.name}街道村务公开栏`,
      description: `${town.name}街道基准测试站点：${plan.places} 个村（社区），${plan.entries} 条内容，全部为自动生成的虚构数据。`,
      rootPlace: town.id,
      region: '示例省青川市溪山区',
      siteUrl: `https://${town.id}.gongkai.example.org`,
      demo: true,
      office: { name: `${town.name}街道党政办公室`, address: `${town.name}大道 88 号`, phone: '0999-86660000' },
      feedback: { authority: `${town.name}街道办事处`, phone: '0999-86660010' },
      contacts: [{ name: `${town.name}街道综治中心`, role: '矛盾纠纷调处', phone: '0999-86660020' }],
    },
    null,
    2,
  )}\n`;
}

/** The whole content directory as relative path → file text. Pure and deterministic. */
export function generateCorpus(options: CorpusOptions): { files: Map<string, string>; plan: CorpusPlan } {
  const town = options.town ?? DEFAULT_TOWN;
  const plan = planCorpus(options.entries, options.months);
  const random = new Random(options.seed ?? 20_261_124);
  const places = makePlaces(random, plan.places, town.id);
  const files = new Map<string, string>([['site.json', siteFile(town, plan)], ...placeFiles(random, town, places)]);

  // Statistics end last month (the current month is still being counted).
  const lastMonth = addMonths(monthOf(options.today), -1);
  for (const place of places) {
    for (let m = plan.months - 1; m >= 0; m -= 1) {
      const month = addMonths(lastMonth, -m);
      files.set(`stats/${place.id}-${month}.json`, statsFile(random, place, month));
    }
  }
  // Items are spread over the same window as the statistics, newest on the build day.
  const windowDays = plan.months * 30;
  const day = () => addDays(options.today, -random.int(0, windowDays));
  const latestNotice = new Map<string, string>();
  for (let n = 1; n <= plan.notices; n += 1) {
    const place = random.pick(places);
    const notice = noticeFile(random, place, day(), n);
    latestNotice.set(place.id, notice.name);
    files.set(`notices/${notice.name}.md`, notice.text);
  }
  for (let n = 1; n <= plan.meetings; n += 1) {
    const place = random.pick(places);
    const meeting = meetingFile(random, place, day(), n, latestNotice.get(place.id));
    files.set(`meetings/${meeting.name}.md`, meeting.text);
  }
  for (let n = 1; n <= plan.legal; n += 1) {
    const legal = legalFile(random, town, day(), n);
    files.set(`legal/${legal.name}.md`, legal.text);
  }
  return { files, plan };
}

/** Write a corpus into `dir`, replacing whatever was there. */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusPlan {
  const { files, plan } = generateCorpus(options);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['places', 'notices', 'meetings', 'stats', 'legal'])
    mkdirSync(path.join(dir, sub), { recursive: true });
  for (const [file, text] of files) writeFileSync(path.join(dir, file), text);
  return plan;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // --town id:name and --seed: one town of a simulated county (.github/workflows/county-build.yml).
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { town: { type: 'string' }, seed: { type: 'string' } },
  });
  const [entries = '1000', dir = `tests/.output/bench/corpus-${entries}`] = positionals;
  const [id, name] = values.town?.split(':') ?? [];
  if (values.town !== undefined && (id === undefined || name === undefined || !/^[a-z][a-z0-9-]*$/.test(id))) {
    throw new Error(`--town must be id:名称, e.g. yunxi:云溪, got ${values.town}`);
  }
  const plan = writeCorpus(dir, {
    entries: Number(entries),
    today: process.env.BUILD_DATE ?? '2026-11-24',
    ...(id === undefined || name === undefined ? {} : { town: { id, name } }),
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  });
  console.log(`${dir}: ${JSON.stringify(plan)}`);
}
