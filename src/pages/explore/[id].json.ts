// /explore/<id>.json: the values the indicator page's scripts load on demand (another year, a comparison).
import type { APIRoute, GetStaticPaths } from 'astro';
import { readCatalog, readSeries } from '../../site-data/read.ts';
import { exploreData } from '../../explore/data.ts';

export const getStaticPaths = (() => readCatalog().map((entry) => ({ params: { id: entry.indicator.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(exploreData(readSeries(params.id!))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
