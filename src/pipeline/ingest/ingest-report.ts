// The ingestion report: every input file with its encoding, format, counts and problems, plus totals
// that reconcile, and the one-line-per-problem text for stderr.
import type { FileReport, Problem } from '../types.ts';

export interface IngestReport {
  files: (FileReport & { output?: string })[];
  totals: { files: number; refused: number; dataCells: number; valuesWritten: number; cellsEmpty: number; cellsRejected: number; problems: number };
}

export function summarize(files: IngestReport['files']): IngestReport {
  const totals = emptyTotals();
  for (const file of files) addToTotals(totals, file);
  return { files, totals };
}

export function emptyTotals(): IngestReport['totals'] {
  return { files: 0, refused: 0, dataCells: 0, valuesWritten: 0, cellsEmpty: 0, cellsRejected: 0, problems: 0 };
}

/** Adds one file to the totals (the streamed report adds files as they are read). */
export function addToTotals(totals: IngestReport['totals'], file: FileReport): void {
  totals.files++;
  if (file.status === 'refused') totals.refused++;
  totals.dataCells += file.counts.dataCells;
  totals.valuesWritten += file.counts.valuesWritten;
  totals.cellsEmpty += file.counts.cellsEmpty;
  totals.cellsRejected += file.counts.cellsRejected;
  totals.problems += file.problems.length;
}

/** Conservation: every data cell was written, empty or rejected by a listed problem. Returns what fails. */
export function conservationErrors(report: FileReport): string[] {
  const { dataCells, valuesWritten, cellsEmpty, cellsRejected } = report.counts;
  const errors: string[] = [];
  if (dataCells !== valuesWritten + cellsEmpty + cellsRejected) {
    errors.push(`${report.file}: ${dataCells} cells ≠ ${valuesWritten} written + ${cellsEmpty} empty + ${cellsRejected} rejected`);
  }
  const listed = report.problems.reduce((n, p) => n + (p.cells ?? 0), 0);
  if (listed !== cellsRejected) errors.push(`${report.file}: ${cellsRejected} rejected cells but problems list ${listed}`);
  return errors;
}

/**
 * Control characters, line breaks and terminal escapes from data are shown as \u001b and the like: a cell can
 * never move the cursor, recolour the terminal or split one problem over two lines. Bidi controls too (U+202E
 * shows "6.39" as "93.6" and can reverse the rest of the line, the file name included).
 */
export function escapeControls(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `file:line:column: error[code]: message (supply with --option)` — one line, greppable. */
export function problemLine(p: Problem): string {
  const place = [p.sheet === undefined ? p.file : `${p.file}[${p.sheet}]`, p.line, p.column].filter((x) => x !== undefined).join(':');
  const severity = p.severity === 'error' ? '错误' : '警告';
  const hint = p.option ? `（可用 ${p.option} 提供）` : '';
  return escapeControls(`${place}: ${severity}[${p.code}]: ${p.message}${hint}`);
}
