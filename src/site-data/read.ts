// The one place the site reads build/data (what the pipeline publishes), at build time with fs.
// Pages and tests go through here, so a missing or partial build/data fails with one clear message.
import fs from 'node:fs';
import path from 'node:path';
import {
  PUBLISHED_DIR,
  publishedPaths,
  type PublishedCatalogEntry,
  type PublishedReport,
  type PublishedSeries,
  type PublishedValue,
} from '../pipeline/publication.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import type { DownloadEntry } from '../pipeline/downloads/index.ts';
import type { ReleaseSpec } from '../catalog/schema.ts';

export interface DownloadsIndex {
  version: string;
  date: string;
  files: DownloadEntry[];
}

export class MissingPublishedDataError extends Error {}

export function publishedDir(root: string = process.cwd()): string {
  return path.resolve(root, PUBLISHED_DIR);
}

function readPublishedFile(relative: string, root?: string): string {
  const file = path.join(publishedDir(root), relative);
  if (!fs.existsSync(file)) {
    throw new MissingPublishedDataError(
      `${path.relative(process.cwd(), file)} 不存在：先运行 \`npm run data\`（生成 ${PUBLISHED_DIR}/）再构建网站或运行测试。` +
        ` (${PUBLISHED_DIR} is missing: run \`npm run data\` first.)`,
    );
  }
  return fs.readFileSync(file, 'utf8');
}

const cache = new Map<string, unknown>();
function readJson<T>(relative: string, root?: string): T {
  const key = `${root ?? ''}|${relative}`;
  if (!cache.has(key)) cache.set(key, JSON.parse(readPublishedFile(relative, root)));
  return cache.get(key) as T;
}

export function readCatalog(root?: string): PublishedCatalogEntry[] {
  return readJson<PublishedCatalogEntry[]>(publishedPaths.catalog, root);
}

/** English region names by GB/T 2260 code (the national total is "China"). */
export function readRegionNamesEn(root?: string): Record<string, string> {
  return readJson<Record<string, string>>(publishedPaths.regionNamesEn, root);
}

export function readSeries(id: string, root?: string): PublishedSeries {
  return readJson<PublishedSeries>(publishedPaths.series(id), root);
}

export function readReport(root?: string): PublishedReport {
  return readJson<PublishedReport>(publishedPaths.report, root);
}

/** A download (CSV, JSON, zip, ...) exactly as published, as bytes, so the site serves it unchanged. */
export function readDownloadBytes(fileName: string, root?: string): Uint8Array {
  const file = path.join(publishedDir(root), publishedPaths.download(fileName));
  if (!fs.existsSync(file)) readPublishedFile(publishedPaths.download(fileName), root); // throws the clear message
  return new Uint8Array(fs.readFileSync(file));
}

/** The tidy CSV of one indicator as published. */
export function readCsvBytes(id: string, root?: string): Uint8Array {
  return readDownloadBytes(`${id}.csv`, root);
}

export function readDownloadsIndex(root?: string): DownloadsIndex {
  return readJson<DownloadsIndex>(publishedPaths.downloadsIndex, root);
}

export function readRelease(root?: string): ReleaseSpec {
  return readJson<ReleaseSpec>(publishedPaths.release, root);
}

export function nationalValues(series: PublishedSeries): PublishedValue[] {
  return series.values.filter((v) => v.regionCode === NATIONAL_CODE).sort((a, b) => a.year - b.year);
}

/** Provincial values of the latest year that has any, highest first; empty when the series is national only. */
export function latestProvincialValues(series: PublishedSeries): { year: number; values: PublishedValue[] } | null {
  const provincial = series.values.filter((v) => v.regionCode !== NATIONAL_CODE);
  if (provincial.length === 0) return null;
  const year = Math.max(...provincial.map((v) => v.year));
  const values = provincial.filter((v) => v.year === year).sort((a, b) => b.value - a.value || a.regionCode.localeCompare(b.regionCode));
  return { year, values };
}
