// The tidy output of `npm run ingest`: one value a row, with exactly these columns, in this order. Written as the
// site's downloads are (src/shared/downloads/csv-cells.ts): UTF-8 with a BOM, RFC 4180 quoting, and text cells a
// spreadsheet would run as a formula (=HYPERLINK(…)) prefixed with '. Rows end in LF, as they always have.
import { BOM, neutralizeCell, quoteField } from '../../shared/downloads/csv-cells.ts';
import type { Observation } from '../types.ts';

export const TIDY_COLUMNS = ['indicator', 'unit', 'region_code', 'region', 'year', 'value', 'source_file', 'source_line'] as const;
/** Added last, only to the output of a quarterly or monthly table, so the 8 columns keep their places. */
export const PERIOD_COLUMN = 'period';

/** The value as written in the input: 5.30 stays 5.30 (toFixed keeps the input's decimals). */
export function decimalText(value: number, decimals: number): string {
  return value.toFixed(Math.min(decimals, 20));
}

/** A text cell of the tidy output: guarded against formulas, then quoted when it must be. */
export function tidyTextCell(text: string): string {
  return quoteField(neutralizeCell(text));
}

/** The whole tidy CSV at once (the streamed writer, tidy-output-stream.ts, writes the same bytes). */
export function tidyCsv(observations: Observation[]): string {
  const periods = observations[0]?.period !== undefined;
  const rows = observations.map((o) =>
    [
      tidyTextCell(o.indicator),
      tidyTextCell(o.unit),
      tidyTextCell(o.regionCode),
      tidyTextCell(o.region),
      String(o.year),
      decimalText(o.value, o.decimals),
      tidyTextCell(o.sourceFile),
      String(o.sourceLine),
      ...(periods ? [o.period ?? ''] : []),
    ].join(','),
  );
  const header = periods ? [...TIDY_COLUMNS, PERIOD_COLUMN] : TIDY_COLUMNS;
  return BOM + [header.join(','), ...rows].map((row) => row + '\n').join('');
}
