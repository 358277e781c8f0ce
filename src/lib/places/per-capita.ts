/**
 * Per-capita views for the place comparison: raw counts across places of very different size (919 vs 310
 * households) are unfair, so counts over a period are also shown per 1,000 residents and per 100 households, with
 * the year the population figures are for. A place without population or households gets "—", never a guess.
 */
import type { StatsCube } from '../stats/aggregate.ts';
import { countValue, indicator, type CountIndicator } from '../stats/indicators.ts';

export interface PerCapitaPlace {
  id: string;
  name: string;
  population?: number | undefined;
  households?: number | undefined;
  populationYear?: number | undefined;
}

/** The counts shown per capita, in display order. */
export const PER_CAPITA_INDICATORS: readonly CountIndicator[] = [
  'demands.received',
  'disputes.received',
  'petitions',
  'policeIncidents',
].map((id) => indicator(id) as CountIndicator);

/** count ÷ base × per, rounded to one decimal; null when the base is unknown or 0. */
export function perBase(count: number | null | undefined, base: number | undefined, per: number): number | null {
  if (count === null || count === undefined || base === undefined || base === 0) return null;
  return Math.round((count / base) * per * 10) / 10;
}

/** "12.3"; null → "—". */
export function formatRatePer(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

export interface PerCapitaRow {
  place: PerCapitaPlace;
  /** Per indicator: the count over the period, per 1,000 residents, per 100 households. */
  values: { count: number | null; perThousand: number | null; perHundredHouseholds: number | null }[];
}

export function perCapitaRows(
  cube: StatsCube,
  places: readonly PerCapitaPlace[],
  months: readonly string[],
): PerCapitaRow[] {
  return places.map((place) => {
    const counts = cube.period(place.id, months)?.counts;
    return {
      place,
      values: PER_CAPITA_INDICATORS.map((ind) => {
        const count = counts === undefined ? null : countValue(ind, counts);
        return {
          count,
          perThousand: perBase(count, place.population, 1000),
          perHundredHouseholds: perBase(count, place.households, 100),
        };
      }),
    };
  });
}
