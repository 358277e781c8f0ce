/**
 * Generates the demo's monthly governance statistics: `content/stats/<place>-<YYYY-MM>.json` for every village
 * and community, 2024-11 … 2026-10. Deterministic (seeded PRNG, no Math.random): running it twice gives the same
 * files, so the output can be committed and reviewed.
 *
 *   node scripts/demo/generate-stats.ts            (writes into ./content, or CONTENT_DIR)
 *
 * The figures are fictional but shaped like real 台账: seasonal peaks (disputes and petitions around 春节 and the
 * harvest / land season, safety hazards in the summer flood season and the winter fire season, legal education in
 * 宪法宣传周 in December and in March), a slow improvement over the two years, and different mixes for villages
 * and urban communities. Grid-worker numbers are read from `content/places/`, so they always match.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FIRST_MONTH = '2024-11';
const MONTHS = 24;
/** The one month with no dispute received, to show the "—" rate on the site. */
const NO_DISPUTES = { place: 'nanling', month: '2026-08' };

interface Profile {
  id: string;
  kind: 'village' | 'community';
  /** Demands received in an ordinary month at the start of the period. */
  demands: number;
  /** Disputes received in an ordinary month at the start of the period. */
  disputes: number;
  hazards: number;
  volunteers: number;
}

const PROFILES: Profile[] = [
  { id: 'taoyuan', kind: 'village', demands: 46, disputes: 5, hazards: 5, volunteers: 24 },
  { id: 'shiqiao', kind: 'village', demands: 36, disputes: 4, hazards: 5, volunteers: 18 },
  { id: 'liuwan', kind: 'village', demands: 55, disputes: 6, hazards: 6, volunteers: 28 },
  { id: 'nanling', kind: 'village', demands: 23, disputes: 2, hazards: 4, volunteers: 12 },
  { id: 'qinghe', kind: 'community', demands: 66, disputes: 4, hazards: 6, volunteers: 46 },
  { id: 'xinhua', kind: 'community', demands: 64, disputes: 3, hazards: 4, volunteers: 52 },
  { id: 'jinxiu', kind: 'community', demands: 58, disputes: 3, hazards: 5, volunteers: 38 },
];

/** Seasonal multipliers, January first. */
const SEASON = {
  demands: [1.25, 1.3, 1.05, 0.95, 0.95, 1.0, 1.1, 1.05, 1.0, 1.05, 1.0, 1.1],
  villageDisputes: [1.5, 1.7, 1.25, 1.0, 0.9, 0.85, 0.85, 0.9, 1.1, 1.35, 1.1, 1.2],
  communityDisputes: [1.3, 1.35, 1.05, 1.0, 0.95, 1.0, 1.1, 1.1, 1.0, 1.0, 0.95, 1.1],
  hazards: [1.5, 1.35, 0.9, 0.8, 0.9, 1.45, 1.8, 1.45, 0.9, 0.85, 1.05, 1.35],
  petitions: [1.8, 2.0, 1.3, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.1, 1.0, 1.2],
  sanitation: [0.9, 1.2, 0.9, 0.9, 1.0, 1.2, 1.4, 1.4, 1.1, 1.0, 0.9, 0.9],
  legalActivities: [2, 2, 4, 2, 2, 2, 2, 1, 2, 2, 2, 6],
};

/** mulberry32: small, fast, good enough for demo numbers. */
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

/** FNV-1a hash of a string, as a seed: each place-month gets its own stream, so editing one leaves the rest. */
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

function at(list: readonly number[], i: number): number {
  const value = list[i];
  if (value === undefined) throw new Error(`no value at ${i}`);
  return value;
}

function gridWorkerCounts(placesDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of readdirSync(placesDir).filter((f) => f.endsWith('.json'))) {
    const place = JSON.parse(readFileSync(path.join(placesDir, file), 'utf8')) as {
      level: string;
      parent?: string;
      gridWorkers?: unknown[];
    };
    if (place.level !== 'grid' || place.parent === undefined) continue;
    counts.set(place.parent, (counts.get(place.parent) ?? 0) + (place.gridWorkers?.length ?? 0));
  }
  return counts;
}

/** From this month on the demo records carry the closed-loop detail; older ones show records without it stay valid. */
const CLOSED_LOOP_FROM = '2025-11';

/** Handling units besides the village's own committee: share of the cases, chance of being late, of staying open. */
const UNITS = [
  { unit: '街道城管办', share: 0.12, late: 0.05, open: 1 },
  { unit: '街道社会事务办', share: 0.1, late: 0.03, open: 1 },
  { unit: '街道综治中心', share: 0.08, late: 0.04, open: 1 },
  { unit: '区住建局', share: 0.05, late: 0.22, open: 4 },
  { unit: '供电所', share: 0.04, late: 0.1, open: 2 },
];
const CATEGORY_WEIGHTS = {
  village: { livelihood: 0.34, disputes: 0.14, infrastructure: 0.2, environment: 0.14, policy: 0.14, other: 0.04 },
  community: { livelihood: 0.38, disputes: 0.1, infrastructure: 0.12, environment: 0.18, policy: 0.17, other: 0.05 },
};

/**
 * The closed-loop detail for one record, simulated case by case so every part adds up (the schema checks it):
 * each demand goes to a unit, the open ones are picked (slow units more often), resolved ones are late with the
 * unit's own chance, and the dissatisfied ones are mostly late ones. A separate random stream, so the counts of
 * records generated before this detail existed do not change.
 */
function closedLoop(
  profile: Profile,
  placeName: string,
  month: string,
  d: { received: number; resolved: number; rated: number; satisfied: number },
) {
  const random = prng(hash(`${profile.id}-${month}-closed-loop`));
  const own = { unit: `${placeName}${profile.kind === 'village' ? '村委会' : '居委会'}`, late: 0.01, open: 1 };
  const units = [{ ...own, share: 1 - UNITS.reduce((a, u) => a + u.share, 0) }, ...UNITS];
  const pickUnit = () => {
    let r = random();
    for (const [i, u] of units.entries()) {
      r -= u.share;
      if (r < 0) return i;
    }
    return 0;
  };
  const cases = Array.from({ length: d.received }, () => ({
    unit: pickUnit(),
    open: false,
    late: false,
    unhappy: false,
  }));
  const byOpenness = [...cases].sort((a, b) => units[b.unit]!.open * random() - units[a.unit]!.open * random());
  byOpenness.slice(0, d.received - d.resolved).forEach((c) => (c.open = true));
  for (const c of cases) if (!c.open) c.late = random() < units[c.unit]!.late;
  const resolvedCases = cases.filter((c) => !c.open).sort((a, b) => Number(b.late) - Number(a.late) || random() - 0.5);
  resolvedCases.slice(0, d.rated - d.satisfied).forEach((c) => (c.unhappy = true));

  const weights = CATEGORY_WEIGHTS[profile.kind];
  const byCategory = Object.fromEntries(
    Object.entries(weights).map(([k, w]) => [k, Math.floor(d.received * w * (0.9 + random() * 0.2))]),
  ) as Record<keyof typeof weights, number>;
  const assigned = Object.values(byCategory).reduce((a, b) => a + b, 0);
  byCategory.livelihood += d.received - assigned;
  if (byCategory.livelihood < 0) throw new Error('category split overflowed');

  const county = Math.floor(d.resolved * (0.01 + random() * 0.02));
  const township = Math.floor(d.resolved * (0.05 + random() * 0.04));
  const grid = Math.floor((d.resolved - county - township) * (0.55 + random() * 0.1));
  const byLevel = { grid, village: d.resolved - county - township - grid, township, county };

  const late = cases.filter((c) => c.late).length;
  return {
    byCategory,
    byLevel,
    timeliness: { onTime: d.resolved - late, late },
    units: units
      .map((u, i) => {
        const mine = cases.filter((c) => c.unit === i);
        return {
          unit: u.unit,
          assigned: mine.length,
          onTime: mine.filter((c) => !c.open && !c.late).length,
          late: mine.filter((c) => c.late).length,
          open: mine.filter((c) => c.open).length,
          dissatisfied: mine.filter((c) => c.unhappy).length,
        };
      })
      .filter((row) => row.assigned > 0),
  };
}

function monthStats(profile: Profile, month: string, index: number, gridWorkers: number, placeName: string) {
  const random = prng(hash(`${profile.id}-${month}`));
  const noise = (spread: number) => 1 + (random() * 2 - 1) * spread;
  const round = (x: number) => Math.max(0, Math.round(x));
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const m = Number(month.slice(5)) - 1;
  /** 0 at the start, 1 at the end of the period. */
  const t = index / (MONTHS - 1);
  const village = profile.kind === 'village';

  // 群众说事、干部解题
  const received = round(profile.demands * at(SEASON.demands, m) * (1 + 0.06 * t) * noise(0.1));
  const responded = received - (random() < 0.25 ? 1 : 0);
  /** Randomised rounding, so small places do not round every month to 100%. */
  const share = (of: number, rate: number) => Math.min(of, Math.floor(of * rate + random()));
  const resolved = Math.min(responded, share(received, 0.945 + 0.035 * t + (random() - 0.5) * 0.02));
  const rated = round(resolved * (0.72 + 0.1 * t + random() * 0.08));
  const satisfied = share(rated, 0.955 + 0.025 * t + (random() - 0.5) * 0.016);

  // 矛盾纠纷
  const disputeSeason = at(village ? SEASON.villageDisputes : SEASON.communityDisputes, m);
  const noDisputes = profile.id === NO_DISPUTES.place && month === NO_DISPUTES.month;
  const disputesReceived = noDisputes
    ? 0
    : Math.max(1, round(profile.disputes * disputeSeason * (1 - 0.15 * t) * noise(0.25)));
  const mediated = Math.max(0, disputesReceived - (random() < 0.2 ? 1 : 0));

  // 安全隐患
  const found = Math.max(1, round(profile.hazards * at(SEASON.hazards, m) * noise(0.25)));
  const fixed = found - (random() < 0.3 ? 1 : 0) - (found > 8 && random() < 0.3 ? 1 : 0);

  // 网格事件
  const gridDisputes = noDisputes ? 0 : Math.max(1, disputesReceived - pick(0, 1));
  const publicSecurity = round((village ? 1.5 : 2.5) * noise(0.6));
  const safety = Math.max(1, found - pick(0, 2));
  const publicOpinion = round((village ? 5 : 7) * at(SEASON.demands, m) * noise(0.3));
  const sanitation = round((village ? 6 : 11) * at(SEASON.sanitation, m) * noise(0.25));
  const livelihood = round((village ? 9 : 17) * at(SEASON.demands, m) * noise(0.2));
  const reported = gridDisputes + publicSecurity + safety + publicOpinion + sanitation + livelihood;
  const closed = Math.min(reported, round(reported * (0.94 + 0.04 * t + random() * 0.02)));

  // 普法
  const activities = Math.max(1, at(SEASON.legalActivities, m) + pick(-1, 1));
  const participants = activities * pick(village ? 28 : 35, village ? 65 : 90);

  const petitions = round((village ? 1.2 : 0.9) * at(SEASON.petitions, m) * (1 - 0.4 * t) * noise(0.5));
  const policeIncidents = round((village ? 1.6 : 2.8) * (m === 0 || m === 1 ? 1.3 : 1) * (1 - 0.2 * t) * noise(0.6));

  const stats: Record<string, unknown> = {
    place: profile.id,
    month,
    demands: { received, responded, resolved, rated, satisfied },
    gridEvents: { disputes: gridDisputes, publicSecurity, safety, publicOpinion, sanitation, livelihood, closed },
    disputes: { received: disputesReceived, mediated },
    hazards: { found, fixed },
    policeIncidents,
    petitions,
    legalEducation: { activities, participants },
    staff: { gridWorkers, volunteers: profile.volunteers + Math.floor(index / 6) + pick(0, 2) },
  };
  if (month >= CLOSED_LOOP_FROM)
    stats['closedLoop'] = closedLoop(profile, placeName, month, { received, resolved, rated, satisfied });
  if (noDisputes) stats['note'] = '本月未受理矛盾纠纷，调解成功率不计算（显示为“—”）。';
  else if (m === 11) stats['note'] = '本月含“12·4”国家宪法日及宪法宣传周集中普法活动。';
  else if (m === 1) stats['note'] = '本月含春节返乡人员集中反映的诉求和矛盾纠纷。';
  return stats;
}

const contentRoot = path.resolve(process.env['CONTENT_DIR'] ?? 'content');
const outDir = path.join(contentRoot, 'stats');
mkdirSync(outDir, { recursive: true });
const workers = gridWorkerCounts(path.join(contentRoot, 'places'));
const placeName = (id: string) =>
  (JSON.parse(readFileSync(path.join(contentRoot, 'places', `${id}.json`), 'utf8')) as { name: string }).name.replace(
    /(村|社区)$/,
    '',
  );
let written = 0;
for (const profile of PROFILES) {
  const gridWorkers = workers.get(profile.id);
  if (gridWorkers === undefined) throw new Error(`content/places has no grids for ${profile.id}`);
  for (let i = 0; i < MONTHS; i++) {
    const month = addMonths(FIRST_MONTH, i);
    const stats = monthStats(profile, month, i, gridWorkers, placeName(profile.id));
    writeFileSync(path.join(outDir, `${profile.id}-${month}.json`), `${JSON.stringify(stats, null, 2)}\n`);
    written++;
  }
}
console.log(`wrote ${written} files to ${path.relative(process.cwd(), outDir) || outDir}`);
