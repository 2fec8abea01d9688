// Reads what `npm run data` published to build/data, failing loudly when it has not been run.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PublishedCatalogEntry, PublishedReport, PublishedSeries } from '../../src/pipeline/published.ts';

const DIR = fileURLToPath(new URL('../../build/data/', import.meta.url));

function readJson<T>(path: string): T {
  if (!existsSync(DIR + path)) throw new Error(`build/data/${path} is missing: run \`npm run data\` (or \`npm run build\`) first`);
  return JSON.parse(readFileSync(DIR + path, 'utf8')) as T;
}

export const publishedCatalog = () => readJson<PublishedCatalogEntry[]>('catalog.json');
export const publishedSeries = (id: string) => readJson<PublishedSeries>(`series/${id}.json`);
export const publishedReport = () => readJson<PublishedReport>('report.json');
export const publishedCsv = (id: string) => {
  if (!existsSync(`${DIR}csv/${id}.csv`)) throw new Error(`build/data/csv/${id}.csv is missing: run \`npm run data\` first`);
  return readFileSync(`${DIR}csv/${id}.csv`, 'utf8');
};
