/**
 * The home page's key figures for one month with the change against the month before. Counts change by a number
 * of cases, rates by percentage points (never a "percent of a percent").
 */
import { gridEventsTotal, type StatsCounts } from './model.ts';
import { formatPercent, rateOf, type RateId } from './rates.ts';

export interface KeyFigure {
  id: string;
  label: string;
  /** Displayed value, e.g. "1,234 件" or "97.6%". */
  value: string;
  /** Change vs the previous month, e.g. "比上月 +12 件", "比上月 −0.4 个百分点", "与上月持平"; undefined when unknown. */
  change: string | undefined;
  /** Direction, for an arrow shown next to the text (the text alone carries the meaning). */
  direction: 'up' | 'down' | 'same' | undefined;
}

interface CountSpec {
  id: string;
  label: string;
  unit: string;
  value: (s: StatsCounts) => number;
}

const COUNTS: CountSpec[] = [
  { id: 'demandsReceived', label: '群众说事（受理诉求）', unit: '件', value: (s) => s.demands.received },
  { id: 'demandsResolved', label: '干部解题（已办结）', unit: '件', value: (s) => s.demands.resolved },
  { id: 'gridEvents', label: '网格事件', unit: '件', value: gridEventsTotal },
  { id: 'disputes', label: '矛盾纠纷受理', unit: '件', value: (s) => s.disputes.received },
];
const RATE_IDS: { id: RateId; label: string }[] = [
  { id: 'resolutionRate', label: '解题率' },
  { id: 'satisfactionRate', label: '满意率' },
];

const number = new Intl.NumberFormat('zh-CN');
/** A real minus sign reads better than a hyphen and screen readers say "负". */
const signed = (n: string, negative: boolean) => (negative ? `−${n}` : `+${n}`);

function direction(delta: number): KeyFigure['direction'] {
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
}

/** Figures for `current`, with changes when `previous` (the month before) is known. */
export function keyFigures(current: StatsCounts, previous: StatsCounts | undefined): KeyFigure[] {
  const counts = COUNTS.map((spec): KeyFigure => {
    const now = spec.value(current);
    const value = `${number.format(now)} ${spec.unit}`;
    if (previous === undefined)
      return { id: spec.id, label: spec.label, value, change: undefined, direction: undefined };
    const delta = now - spec.value(previous);
    const change =
      delta === 0 ? '与上月持平' : `比上月 ${signed(`${number.format(Math.abs(delta))} ${spec.unit}`, delta < 0)}`;
    return { id: spec.id, label: spec.label, value, change, direction: direction(delta) };
  });
  const rates = RATE_IDS.map(({ id, label }): KeyFigure => {
    const now = rateOf(id, current);
    const before = previous === undefined ? null : rateOf(id, previous);
    const value = formatPercent(now);
    if (now === null || before === null) return { id, label, value, change: undefined, direction: undefined };
    // Compare the rounded percentages residents see, so "97.6% vs 97.6%" never reads as a change.
    const points = Math.round((now - before) * 1000) / 10;
    const change =
      points === 0 ? '与上月持平' : `比上月 ${signed(`${Math.abs(points).toFixed(1)} 个百分点`, points < 0)}`;
    return { id, label, value, change, direction: direction(points) };
  });
  return [...counts, ...rates];
}
