// Provincial facts the explorer and the region pages state: which years have provincial values, a year's
// ranking, one province's series and its rank. Computed from a published series; no file access here.
import type { PublishedSeries, PublishedValue } from '../pipeline/publication.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';

/** Years with any provincial value, ascending. */
export function provincialYears(series: PublishedSeries): number[] {
  return [...new Set(series.values.filter((v) => v.regionCode !== NATIONAL_CODE).map((v) => v.year))].sort((a, b) => a - b);
}

/** Provincial values of one year, highest first (ties by code, so the order is stable). */
export function provincialValuesOf(series: PublishedSeries, year: number): PublishedValue[] {
  return rankValues(series.values.filter((v) => v.regionCode !== NATIONAL_CODE && v.year === year));
}

export function rankValues<T extends { value: number; regionCode: string }>(values: T[]): T[] {
  return [...values].sort((a, b) => b.value - a.value || a.regionCode.localeCompare(b.regionCode));
}

/** One region's values, by year. */
export function regionValues(series: PublishedSeries, regionCode: string): PublishedValue[] {
  return series.values.filter((v) => v.regionCode === regionCode).sort((a, b) => a.year - b.year);
}

/** Rank from the highest (1 = highest); equal values share a rank, as in the bureau's tables. */
export function rankOf(values: { value: number; regionCode: string }[], regionCode: string): number | undefined {
  const own = values.find((v) => v.regionCode === regionCode);
  if (!own) return undefined;
  return values.filter((v) => v.value > own.value).length + 1;
}
