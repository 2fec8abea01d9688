// The tidy output of `npm run ingest`: one value a row, with exactly these columns, in this order.
import Papa from 'papaparse';
import type { Observation } from '../types.ts';

export const TIDY_COLUMNS = ['indicator', 'unit', 'region_code', 'region', 'year', 'value', 'source_file', 'source_line'] as const;

/** The value as written in the input: 5.30 stays 5.30 (toFixed keeps the input's decimals). */
export function decimalText(value: number, decimals: number): string {
  return value.toFixed(Math.min(decimals, 20));
}

export function tidyCsv(observations: Observation[]): string {
  const rows = observations.map((o) => [
    o.indicator,
    o.unit,
    o.regionCode,
    o.region,
    String(o.year),
    decimalText(o.value, o.decimals),
    o.sourceFile,
    String(o.sourceLine),
  ]);
  return Papa.unparse({ fields: [...TIDY_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}
