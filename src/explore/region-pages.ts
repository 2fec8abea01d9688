// The provinces and, for one province, what its region page states about each indicator with provincial data:
// its values, the latest year's value and rank among the provinces, and the national value of that year.
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import { nationalValues, readCatalog, readSeries } from '../site-data/read.ts';
import { provincialValuesOf, rankOf, regionValues } from '../site-data/provincial.ts';
import { shortRegionName } from '../shared/charts/points.ts';

export interface ProvincialRegion {
  code: string;
  name: string;
  shortName: string;
}

function provincialEntries() {
  return readCatalog()
    .filter((e) => e.hasProvincial)
    .sort((a, b) => a.indicator.order - b.indicator.order || a.indicator.id.localeCompare(b.indicator.id));
}

/** Every province that has a value in any indicator, by code. */
export function provincialRegions(): ProvincialRegion[] {
  const names = new Map<string, string>();
  for (const entry of provincialEntries()) {
    for (const v of readSeries(entry.indicator.id).values) if (v.regionCode !== NATIONAL_CODE) names.set(v.regionCode, v.region);
  }
  return [...names].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name, shortName: shortRegionName(name) }));
}

export interface RegionIndicator {
  indicator: IndicatorSpec;
  /** The province's values, by year. */
  values: PublishedValue[];
  latest: PublishedValue;
  /** Every province's value in the latest year, highest first. */
  ofYear: PublishedValue[];
  rank: number;
  count: number;
  national?: PublishedValue;
  nationalSeries: PublishedValue[];
}

export function regionIndicators(code: string): RegionIndicator[] {
  return provincialEntries().flatMap((entry) => {
    const series = readSeries(entry.indicator.id);
    const values = regionValues(series, code);
    const latest = values.at(-1);
    if (!latest) return [];
    const ofYear = provincialValuesOf(series, latest.year);
    const nationalSeries = nationalValues(series);
    return [
      {
        indicator: series.indicator,
        values,
        latest,
        ofYear,
        rank: rankOf(ofYear, code)!,
        count: ofYear.length,
        national: nationalSeries.find((v) => v.year === latest.year),
        nationalSeries,
      },
    ];
  });
}
