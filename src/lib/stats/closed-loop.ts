/**
 * The closed loop in depth over a period: demands by category, by the level that resolved them, on time vs late vs
 * still open, and the 12345-bulletin table per handling unit (交办, 按时办结, 超时, 未办结, 不满意) with the late
 * units named. Read from the optional `closedLoop` part of the units' own records; every rate is derived here,
 * never stored.
 *
 * Completeness: a total exists only when every unit filed the detail for every month counted (the same rule as
 * aggregate.ts); otherwise the summary says how many did ("已填报 5/7") and gives no totals.
 */
import {
  DEMAND_CATEGORIES,
  RESOLVING_LEVELS,
  type DemandCategory,
  type ResolvingLevel,
  type Stats,
  type UnitRow,
} from '../../schemas/stats.ts';
import { ratio } from './rates.ts';

export interface UnitTotals extends UnitRow {
  /** 按时办结 ÷ (按时 + 超时); null when the unit resolved nothing. */
  onTimeRate: number | null;
  /** 不满意 ÷ (按时 + 超时); null when the unit resolved nothing. */
  dissatisfiedRate: number | null;
}

export interface ClosedLoopSummary {
  months: readonly string[];
  /** Record (unit × month) pairs counted, and how many had closed-loop detail. */
  filed: number;
  expected: number;
  /** Everything below is undefined unless filed === expected (> 0). */
  totals:
    | {
        received: number;
        resolved: number;
        /** received − resolved: still open at the end of the months. */
        open: number;
        byCategory: Record<DemandCategory, number> | undefined;
        byLevel: Record<ResolvingLevel, number> | undefined;
        timeliness: { onTime: number; late: number } | undefined;
        /** Per unit, most cases first; units with the same name in several villages are added up. */
        units: UnitTotals[];
      }
    | undefined;
}

function addInto<K extends string>(target: Record<K, number>, keys: readonly K[], source: Record<K, number>) {
  for (const k of keys) target[k] += source[k];
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * `recordsOf(unit, month)` returns a unit's own record. Categories/levels/timeliness/units are totalled only when
 * every counted record has that part.
 */
export function closedLoopSummary(
  unitIds: readonly string[],
  months: readonly string[],
  recordOf: (unit: string, month: string) => Stats | undefined,
): ClosedLoopSummary {
  const records = months.flatMap((m) => unitIds.map((u) => recordOf(u, m)));
  const expected = records.length;
  const filed = records.filter((r) => r?.closedLoop !== undefined).length;
  if (expected === 0 || filed < expected) return { months, filed, expected, totals: undefined };
  const all = records as Stats[];
  const every = <T>(get: (r: Stats) => T | undefined): T[] | undefined => {
    const parts = all.map(get);
    return parts.every((p) => p !== undefined) ? (parts as T[]) : undefined;
  };
  const categories = every((r) => r.closedLoop?.byCategory);
  const levels = every((r) => r.closedLoop?.byLevel);
  const timeliness = every((r) => r.closedLoop?.timeliness);
  let byCategory: Record<DemandCategory, number> | undefined;
  if (categories !== undefined) {
    byCategory = zeros(DEMAND_CATEGORIES);
    for (const c of categories) addInto(byCategory, DEMAND_CATEGORIES, c);
  }
  let byLevel: Record<ResolvingLevel, number> | undefined;
  if (levels !== undefined) {
    byLevel = zeros(RESOLVING_LEVELS);
    for (const l of levels) addInto(byLevel, RESOLVING_LEVELS, l);
  }
  const units = new Map<string, UnitRow>();
  for (const r of all) {
    for (const row of r.closedLoop?.units ?? []) {
      const sum = units.get(row.unit) ?? { unit: row.unit, assigned: 0, onTime: 0, late: 0, open: 0, dissatisfied: 0 };
      sum.assigned += row.assigned;
      sum.onTime += row.onTime;
      sum.late += row.late;
      sum.open += row.open;
      sum.dissatisfied += row.dissatisfied;
      units.set(row.unit, sum);
    }
  }
  const received = all.reduce((a, r) => a + r.demands.received, 0);
  const resolved = all.reduce((a, r) => a + r.demands.resolved, 0);
  return {
    months,
    filed,
    expected,
    totals: {
      received,
      resolved,
      open: received - resolved,
      byCategory,
      byLevel,
      timeliness:
        timeliness === undefined
          ? undefined
          : {
              onTime: timeliness.reduce((a, t) => a + t.onTime, 0),
              late: timeliness.reduce((a, t) => a + t.late, 0),
            },
      units: [...units.values()]
        .map((u) => ({
          ...u,
          onTimeRate: ratio(u.onTime, u.onTime + u.late),
          dissatisfiedRate: ratio(u.dissatisfied, u.onTime + u.late),
        }))
        .sort((a, b) => b.assigned - a.assigned || a.unit.localeCompare(b.unit, 'zh-CN')),
    },
  };
}

/** Units with cases resolved late or still open, most late first: the bulletin's 通报 line. */
export function lateUnits(units: readonly UnitTotals[]): UnitTotals[] {
  return units.filter((u) => u.late > 0).sort((a, b) => b.late - a.late || b.open - a.open);
}

/** "区住建局超时 5 件、街道城管办超时 2 件" — or undefined when nobody was late. */
export function describeLateUnits(units: readonly UnitTotals[]): string | undefined {
  const late = lateUnits(units);
  if (late.length === 0) return undefined;
  return late.map((u) => `${u.unit}超时 ${u.late} 件${u.open > 0 ? `、未办结 ${u.open} 件` : ''}`).join('；');
}
