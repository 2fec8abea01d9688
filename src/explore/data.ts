// What the indicator page's scripts fetch on demand (/explore/<id>.json): every value in force, by region, in a
// compact row form; and the default "data shown" blocks of the page (the download-what-you-see contract).
import type { Status } from '../catalog/schema.ts';
import type { PublishedSeries } from '../pipeline/publication.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import { sourceLabel } from '../site-data/summaries.ts';
import { provincialYears, provincialValuesOf } from '../site-data/provincial.ts';
import { regionNameIn } from '../site-data/region-names.ts';

/** [year, value, decimals, status, source id] */
export type ExploreRow = [number, number, number, Status, string];

export interface ExploreData {
  id: string;
  name: string;
  unit: string;
  /** The English edition's name and unit, and region names (src/site-data/region-names.ts); optional for older data. */
  name_en?: string;
  unit_en?: string;
  regionsEn?: Record<string, string>;
  breaks: number[];
  /** Region code -> full name, the nation (100000) included. */
  regions: Record<string, string>;
  /** Source id -> the short label the page shows. */
  sources: Record<string, string>;
  /** Region code -> rows sorted by year. */
  values: Record<string, ExploreRow[]>;
}

/** One chart or table on screen: which regions over which years. */
export interface DataShownBlock {
  regions: string[];
  from: number;
  to: number;
}

export function exploreData(series: PublishedSeries): ExploreData {
  const regions: Record<string, string> = {};
  const values: Record<string, ExploreRow[]> = {};
  const sorted = [...series.values].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.year - b.year);
  const regionsEn: Record<string, string> = {};
  for (const v of sorted) {
    regions[v.regionCode] = v.region;
    regionsEn[v.regionCode] = regionNameIn('en', v.regionCode, v.region);
    (values[v.regionCode] ??= []).push([v.year, v.value, v.decimals, v.status, v.source]);
  }
  const sources = Object.fromEntries(Object.keys(series.sources).map((id) => [id, sourceLabel(id, series.sources)]));
  const { indicator } = series;
  return {
    id: indicator.id,
    name: indicator.name_zh,
    unit: indicator.unit,
    name_en: indicator.name_en,
    unit_en: indicator.unit_en,
    regionsEn,
    breaks: indicator.breaks.map((b) => b.year),
    regions,
    sources,
    values,
  };
}

/** The blocks the page shows before the reader changes anything: the national line, then the map of the latest provincial year. */
export function defaultDataShown(series: PublishedSeries): DataShownBlock[] {
  const blocks: DataShownBlock[] = [];
  const nationalYears = series.values.filter((v) => v.regionCode === NATIONAL_CODE).map((v) => v.year);
  if (nationalYears.length > 0) blocks.push({ regions: [NATIONAL_CODE], from: Math.min(...nationalYears), to: Math.max(...nationalYears) });
  const year = provincialYears(series).at(-1);
  if (year !== undefined)
    blocks.push({
      regions: provincialValuesOf(series, year)
        .map((v) => v.regionCode)
        .sort(),
      from: year,
      to: year,
    });
  return blocks;
}
