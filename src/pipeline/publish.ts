// Turns validated series into the files the site and readers use (build/data/): one JSON per indicator for
// the pages, the catalog with latest values, the report, and the researchers' downloads (downloads/ and its
// index). Pure: returns path -> content.
import type { Catalog } from '../catalog/load.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import { summarize } from './ingest/ingest-report.ts';
import type { PublishedCatalogEntry, PublishedReport, PublishedSeries, PublishedValue } from './publication.ts';
import { publishedPaths } from './publication.ts';
import { allRegions } from './regions.ts';
import type { ValidatedIndicator } from './validate.ts';
import type { FileReport } from './types.ts';
import { publishDownloads } from './downloads/index.ts';
import type { FileContent } from './downloads/bundle.ts';
import type { TargetsData } from '../catalog/load-targets.ts';
import type { ProcurementData } from '../site-data/procurement.ts';
import { TARGETS_JSON } from './downloads/targets.ts';

export { sourceCitation as citation } from '../shared/downloads/citation.ts';

function national(values: PublishedValue[]): PublishedValue[] {
  return values.filter((v) => v.regionCode === NATIONAL_CODE);
}

function catalogEntry(series: PublishedSeries): PublishedCatalogEntry {
  const nat = national(series.values);
  const years = nat.map((v) => v.year);
  return {
    indicator: series.indicator,
    ...(nat.at(-1) ? { latest: nat.at(-1)! } : {}),
    ...(nat.at(-2) ? { previous: nat.at(-2)! } : {}),
    hasProvincial: series.values.some((v) => v.regionCode !== NATIONAL_CODE),
    nationalYears: years.length ? [Math.min(...years), Math.max(...years)] : null,
  };
}

export function publish(
  validated: Map<string, ValidatedIndicator>,
  catalog: Catalog,
  files: FileReport[],
  inputs: string[],
  targets?: TargetsData,
  procurement?: ProcurementData,
): Map<string, FileContent> {
  const out = new Map<string, FileContent>();
  const all: PublishedSeries[] = [];
  for (const { indicator, values, earlierReleases } of validated.values()) {
    const used = new Set([...values, ...earlierReleases].map((v) => v.source));
    const sources = Object.fromEntries([...used].sort().map((id) => [id, catalog.sources.get(id)!]));
    const series: PublishedSeries = { indicator, values, earlierReleases, sources };
    all.push(series);
    out.set(publishedPaths.series(indicator.id), JSON.stringify(series, null, 1) + '\n');
  }
  out.set(publishedPaths.catalog, JSON.stringify(all.map(catalogEntry), null, 1) + '\n');
  out.set(publishedPaths.regionNamesEn, JSON.stringify(Object.fromEntries(allRegions().map((r) => [r.code, r.nameEn])), null, 1) + '\n');
  const summary = summarize(files);
  const report: PublishedReport = {
    generatedFrom: inputs,
    files,
    totals: {
      ...summary.totals,
      published: all.reduce((n, s) => n + s.values.length, 0),
      earlierReleases: all.reduce((n, s) => n + s.earlierReleases.length, 0),
    },
  };
  const reportJson = JSON.stringify(report, null, 1) + '\n';
  out.set(publishedPaths.report, reportJson);
  const downloads = publishDownloads(all, catalog, reportJson, targets, procurement);
  out.set(TARGETS_JSON, JSON.stringify(downloads.targets, null, 1) + '\n');
  for (const [file, content] of downloads.files) out.set(publishedPaths.download(file), content);
  out.set(
    publishedPaths.downloadsIndex,
    JSON.stringify({ version: catalog.release.version, date: catalog.release.date, files: downloads.entries }, null, 1) + '\n',
  );
  out.set(publishedPaths.release, JSON.stringify(catalog.release, null, 1) + '\n');
  return out;
}
