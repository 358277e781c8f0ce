/** Service standards (办结时限) as residents read them: "3 个工作日内", "当天". */
import { DEMAND_CATEGORIES, type DemandCategory } from '../../schemas/stats.ts';

export interface ServiceStandard {
  category: DemandCategory;
  days: number;
  note?: string | undefined;
}

/** 0 → "当天", n → "n 个工作日内". */
export function timeLimitText(days: number): string {
  return days === 0 ? '当天' : `${days} 个工作日内`;
}

/** Standards in the order of DEMAND_CATEGORIES (site.json may list them in any order). */
export function orderedStandards(standards: readonly ServiceStandard[]): ServiceStandard[] {
  return [...standards].sort((a, b) => DEMAND_CATEGORIES.indexOf(a.category) - DEMAND_CATEGORIES.indexOf(b.category));
}
