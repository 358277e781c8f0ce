/**
 * Where a rate axis starts. Rates sit near 100%: from 0 every bar of 96.8% and 97.3% looks the same, so the axis
 * starts at the 5% step at least one point below the lowest value (95% for 96.8%), always ends at 100%, and the
 * chart's summary says where it starts (a bar that does not start at 0 must say so).
 */
export function rateAxisMin(values: readonly (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return 0;
  const lowest = Math.min(...present);
  return Math.max(0, Math.floor((lowest - 0.01) * 20 + 1e-9) / 20);
}

/** "横轴从 95% 开始" — or empty when the axis starts at 0. */
export function rateAxisNote(min: number, horizontal: boolean): string {
  if (min <= 0) return '';
  return `${horizontal ? '横轴' : '纵轴'}从 ${Math.round(min * 100)}% 开始，以便看出差别。`;
}
