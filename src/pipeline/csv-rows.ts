// Splits decoded CSV text into rows of cleaned cells, each with the 1-based line it starts on, so that a
// problem can name the line even when a quoted note spans several lines.
import Papa from 'papaparse';

export interface SourceRow {
  /** Line in the file where the row starts (1-based). */
  line: number;
  /** Cells with surrounding whitespace removed: NBS's new exports end every cell with a TAB. */
  cells: string[];
}

export function cleanCell(raw: string): string {
  return raw.trim();
}

export function readCsvRows(input: string): SourceRow[] {
  // Hand-edited copies mix CRLF and LF; one line break keeps Papa's detection and our line count in step.
  const text = input.replace(/\r\n?/g, '\n');
  const lineStarts = newlineOffsets(text);
  const rows: SourceRow[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    skipEmptyLines: false,
    step(result) {
      const start = cursor;
      cursor = result.meta.cursor;
      const cells = result.data.map(cleanCell);
      if (cells.every((c) => c === '')) return;
      rows.push({ line: lineOf(lineStarts, skipLineBreak(text, start)), cells });
    },
  });
  return rows;
}

function skipLineBreak(text: string, offset: number): number {
  let i = offset;
  while (text[i] === '\n') i++;
  return i;
}

function newlineOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) offsets.push(i);
  return offsets;
}

/** Number of newlines before `offset`, plus one. */
function lineOf(newlines: number[], offset: number): number {
  let lo = 0;
  let hi = newlines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newlines[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}
