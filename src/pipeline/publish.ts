// Turns validated series into the files the site and readers use (build/data/): one JSON and one tidy
// CSV per indicator, the catalog with latest values, and the report. Pure: returns path -> content.
import type { Catalog } from '../catalog/load.ts';
import type { SourceSpec } from '../catalog/schema.ts';
import { NATIONAL_CODE } from './regions.ts';
import { summarize } from './report.ts';
import { formatValue } from './tidy-csv.ts';
import type { PublishedCatalogEntry, PublishedReport, PublishedSeries, PublishedValue } from './published.ts';
import { publishedPaths } from './published.ts';
import type { ValidatedIndicator } from './validate.ts';
import type { FileReport } from './types.ts';
import Papa from 'papaparse';

export const PUBLISHED_CSV_COLUMNS = [
  'indicator_id', 'indicator', 'unit', 'region_code', 'region', 'year', 'value', 'status', 'source', 'source_file', 'source_line',
] as const;

export function citation(source: SourceSpec): string {
  return `${source.publisher}：${source.title}（${source.year}）`;
}

export function seriesCsv(series: PublishedSeries): string {
  const { indicator } = series;
  const rows = series.values.map((v) => [
    indicator.id, indicator.name_zh, indicator.unit, v.regionCode, v.region, String(v.year), formatValue(v.value, v.decimals),
    v.status, citation(series.sources[v.source]!), v.sourceFile, String(v.sourceLine),
  ]);
  return Papa.unparse({ fields: [...PUBLISHED_CSV_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}

function national(values: PublishedValue[]): PublishedValue[] {
  return values.filter((v) => v.regionCode === NATIONAL_CODE);
}

export function publish(validated: Map<string, ValidatedIndicator>, catalog: Catalog, files: FileReport[], inputs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const entries: PublishedCatalogEntry[] = [];
  for (const { indicator, values, earlierReleases } of validated.values()) {
    const used = new Set([...values, ...earlierReleases].map((v) => v.source));
    const sources = Object.fromEntries([...used].sort().map((id) => [id, catalog.sources.get(id)!]));
    const series: PublishedSeries = { indicator, values, earlierReleases, sources };
    out.set(publishedPaths.series(indicator.id), JSON.stringify(series, null, 1) + '\n');
    out.set(publishedPaths.csv(indicator.id), seriesCsv(series));
    const nat = national(values);
    const years = nat.map((v) => v.year);
    entries.push({
      indicator,
      ...(nat.at(-1) ? { latest: nat.at(-1)! } : {}),
      ...(nat.at(-2) ? { previous: nat.at(-2)! } : {}),
      hasProvincial: values.some((v) => v.regionCode !== NATIONAL_CODE),
      nationalYears: years.length ? [Math.min(...years), Math.max(...years)] : null,
    });
  }
  out.set(publishedPaths.catalog, JSON.stringify(entries, null, 1) + '\n');
  const summary = summarize(files);
  const all = [...validated.values()];
  const report: PublishedReport = {
    generatedFrom: inputs,
    files,
    totals: {
      ...summary.totals,
      published: all.reduce((n, v) => n + v.values.length, 0),
      earlierReleases: all.reduce((n, v) => n + v.earlierReleases.length, 0),
    },
  };
  out.set(publishedPaths.report, JSON.stringify(report, null, 1) + '\n');
  return out;
}
