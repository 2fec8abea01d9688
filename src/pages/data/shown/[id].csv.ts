// /data/shown/<id>.csv: the data an indicator page shows by default (national series, latest provincial year),
// the no-JavaScript target of "download the data shown"; the page script builds the same CSV for other views.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readCatalog, readDownloadBytes, readSeries } from '../../../site-data/read.ts';
import { defaultShownBlocks } from '../../../site-data/summaries.ts';
import { shownCsv, type SeriesDownload } from '../../../shared/downloads/shown.ts';

export const getStaticPaths = (() => readCatalog().map((entry) => ({ params: { id: entry.indicator.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const id = String(params.id);
  const download = JSON.parse(new TextDecoder().decode(readDownloadBytes(`${id}.json`))) as SeriesDownload;
  return new Response(shownCsv(download, defaultShownBlocks(readSeries(id))).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
