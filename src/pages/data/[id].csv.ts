// /data/<id>.csv: the tidy CSV the pipeline published (build/data/csv/<id>.csv), served byte for byte.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readCatalog, readCsvBytes } from '../../published/read.ts';

export const getStaticPaths = (() => readCatalog().map((entry) => ({ params: { id: entry.indicator.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readCsvBytes(String(params.id)) as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
