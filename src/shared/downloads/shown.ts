// "Download the data shown": the rows of an indicator's JSON download that fall in the blocks on screen
// (each chart or table: regions × a year range). Used by the build (the default view, for readers without
// JavaScript) and by the browser (whatever the reader is looking at), so both write the same CSV.
import { NATIONAL_CODE } from '../national-code.ts';
import { sourceCitation } from './citation.ts';
import { csvDocument } from './csv-cells.ts';
import type { SourceSpec } from '../../catalog/schema.ts';

/** One chart or table on screen: which regions, which years (inclusive). */
export interface ShownBlock {
  regions: string[];
  from: number;
  to: number;
}

/** The parts of /data/<id>.json this needs (see series-json.ts). */
export interface SeriesDownload {
  id: string;
  name_zh: string;
  unit: string;
  sources: SourceSpec[];
  values: {
    region_code: string;
    region: string;
    year: number;
    value_text: string;
    status: string;
    source_id: string;
    source_file: string;
    source_line: number;
    note?: string;
    /** The note as the English pages show it (the note itself when written in English); see series-json.ts. */
    note_en?: string;
  }[];
}

export const SHOWN_COLUMNS = [
  'indicator_id',
  'indicator',
  'unit',
  'region_code',
  'region',
  'year',
  'value',
  'status',
  'source_id',
  'source',
  'source_file',
  'source_line',
  'note',
  'note_en',
];

/** A block list from the page's data-shown attribute; anything malformed is dropped rather than trusted. */
export function parseShownBlocks(text: string | null | undefined): ShownBlock[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (b): b is ShownBlock =>
      typeof b === 'object' &&
      b !== null &&
      Array.isArray(b.regions) &&
      b.regions.every((r: unknown) => typeof r === 'string') &&
      Number.isInteger(b.from) &&
      Number.isInteger(b.to),
  );
}

export function shownCsv(series: SeriesDownload, blocks: ShownBlock[]): { csv: string; rows: number } {
  const sources = new Map(series.sources.map((s) => [s.id, s]));
  const inView = (regionCode: string, year: number) => blocks.some((b) => b.regions.includes(regionCode) && year >= b.from && year <= b.to);
  const rows = series.values
    .filter((v) => inView(v.region_code, v.year))
    .sort(
      (a, b) =>
        Number(b.region_code === NATIONAL_CODE) - Number(a.region_code === NATIONAL_CODE) ||
        a.region_code.localeCompare(b.region_code) ||
        a.year - b.year,
    )
    .map((v) => {
      const source = sources.get(v.source_id);
      return [
        series.id,
        series.name_zh,
        series.unit,
        v.region_code,
        v.region,
        String(v.year),
        v.value_text,
        v.status,
        v.source_id,
        source ? sourceCitation(source) : '',
        v.source_file,
        String(v.source_line),
        v.note ?? '',
        v.note_en ?? '',
      ];
    });
  return { csv: csvDocument(SHOWN_COLUMNS, rows), rows: rows.length };
}
