/**
 * The home page's key figures for one month with the change against the month before. Counts change by a number
 * of cases, rates by percentage points (never a "percent of a percent"). Which figures, their names and units:
 * KEY_FIGURES in indicators.ts; the sign and point wording: change.ts.
 */
import { formatCount, formatPoints, percentagePoints, signed } from './change.ts';
import { KEY_FIGURES, type KeyFigureDefinition } from './indicators.ts';
import type { StatsCounts } from './model.ts';
import { formatPercent } from './rates.ts';

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

const UNCHANGED = '与上月持平';

function direction(delta: number): KeyFigure['direction'] {
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
}

function figure(def: KeyFigureDefinition, current: StatsCounts, previous: StatsCounts | undefined): KeyFigure {
  const { id, label } = def;
  const now = def.value(current);
  const before = previous === undefined ? null : def.value(previous);
  if (def.kind === 'rate') {
    const value = formatPercent(now);
    if (now === null || before === null) return { id, label, value, change: undefined, direction: undefined };
    // Compare the rounded percentages residents see, so "97.6% vs 97.6%" never reads as a change.
    const points = percentagePoints(now - before);
    const change = points === 0 ? UNCHANGED : `比上月 ${formatPoints(points)}`;
    return { id, label, value, change, direction: direction(points) };
  }
  const value = `${formatCount(now)} ${def.unit}`;
  if (now === null || before === null) return { id, label, value, change: undefined, direction: undefined };
  const delta = now - before;
  const change = delta === 0 ? UNCHANGED : `比上月 ${signed(delta, formatCount(Math.abs(delta)))} ${def.unit}`;
  return { id, label, value, change, direction: direction(delta) };
}

/** Figures for `current`, with changes when `previous` (the month before) is known. */
export function keyFigures(current: StatsCounts, previous: StatsCounts | undefined): KeyFigure[] {
  return KEY_FIGURES.map((def) => figure(def, current, previous));
}
