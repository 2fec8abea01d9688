// /data/<file>: every researcher's download the pipeline published (build/data/downloads/), byte for byte:
// tidy and wide CSVs, JSON, revisions.csv, ingestion.json, datapackage.json, README.md, SHA256SUMS, the zip.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readDownloadBytes, readDownloadsIndex } from '../../site-data/read.ts';

export const getStaticPaths = (() => readDownloadsIndex().files.map((f) => ({ params: { file: f.path } }))) satisfies GetStaticPaths;

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  md: 'text/markdown; charset=utf-8',
  zip: 'application/zip',
};

export const GET: APIRoute = ({ params }) => {
  const file = String(params.file);
  const type = TYPES[file.split('.').pop() ?? ''] ?? 'text/plain; charset=utf-8';
  return new Response(readDownloadBytes(file) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': type } });
};
