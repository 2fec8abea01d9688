// Plain data passed between the pipeline stages (parse -> normalize -> validate -> publish).
// Every value keeps the place it was read from, so any published figure can be traced to a file and line.
import type { Comparator } from '../catalog/schema.ts';

/** A problem with a place. `line` and `column` are 1-based (line in the file, field number in the row). */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** Stable machine-readable kind, e.g. `unknown-region`, `bad-number`, `missing-indicator`. */
  code: string;
  severity: 'error' | 'warning';
  /** What was expected and what was found, in Chinese, for readers of the report. */
  message: string;
  /** The command-line option that supplies what is missing, when there is one. */
  option?: string;
  /** How many non-empty data cells this problem kept out of the output (a cell, a row, a column or a file). */
  cells?: number;
  /** In a workbook: the sheet the line and column are in. */
  sheet?: string;
}

/** One value as read from an input file: the tidy row the ingest command writes. */
export interface Observation {
  indicator: string;
  unit: string;
  regionCode: string;
  region: string;
  year: number;
  /** Only in quarterly and monthly tables: the period within the year (2022Q4, 2020-01, 2020-01/02 cumulative). */
  period?: string;
  value: number;
  /** Decimals as written in the input (5.30 has 2), so output never adds or removes precision. */
  decimals: number;
  sourceFile: string;
  sourceLine: number;
  sourceColumn: number;
  /** Only in tidy long inputs: the source id (data/sources/<id>.yaml), verification status and a note. */
  source?: string;
  status?: string;
  note?: string;
  /** The note in English (column note_en), for the English pages; optional in a user's file. */
  note_en?: string;
  /** Only in tidy long inputs: the value is a bound or an approximate level ('>=', '>', '<=', '<', '~'). */
  comparator?: Comparator;
}

/** What a file says about a series beyond its values: the notes (注) and the source line (数据来源). */
export interface SeriesMeta {
  indicator: string;
  unit: string;
  notes: string[];
  sourceLine?: string;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Cell counts that must reconcile: dataCells = valuesWritten + cellsEmpty + cellsRejected. */
export interface CellCounts {
  dataCells: number;
  valuesWritten: number;
  cellsEmpty: number;
  cellsRejected: number;
}

export interface FileReport {
  file: string;
  status: 'read' | 'refused';
  encoding?: Encoding;
  /** Format variant, e.g. `nbs-classic`, `nbs-new`, `nbs-stripped`, `tidy-long`, `spreadsheet`. */
  format?: string;
  /** Table layout: `time-series`, `cross-section`, `transposed`, `long`. */
  layout?: string;
  /** Whose rows: `national`, `provincial`, `city` (prefecture-level), `county` (6-digit county codes), `single-region`, `mixed`. */
  scope?: string;
  header: Record<string, string>;
  counts: CellCounts;
  series: SeriesMeta[];
  problems: Problem[];
  /** Workbooks: the sheet(s) read, and every sheet with what became of it. */
  sheet?: string;
  sheets?: SheetReport[];
}

export interface SheetReport {
  name: string;
  status: 'read' | 'refused' | 'empty';
  /** Hidden in Excel: read all the same (a `sheet-hidden` warning says so). */
  hidden?: true;
}

/** What the user may supply when a file does not say it. */
export interface IngestOptions {
  indicator?: string;
  region?: string;
  year?: number;
  unit?: string;
}

export interface IngestResult {
  observations: Observation[];
  report: FileReport;
}
