// Splits decoded CSV text into rows of cleaned cells, each with the 1-based line it starts on, so that a
// problem can name the line even when a quoted note spans several lines. Text arrives piece by piece.
import Papa from 'papaparse';

export interface SourceRow {
  /** Line in the file where the row starts (1-based). */
  line: number;
  /** Cells with surrounding whitespace removed: NBS's new exports end every cell with a TAB. */
  cells: string[];
}

/** Whitespace as String.prototype.trim sees it (ASCII controls and spaces, NBSP, U+3000 and the like). */
function isSpace(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function cleanCell(raw: string): string {
  // Most cells have nothing to trim: looking at both ends is cheaper than trim() making a new string.
  if (raw.length === 0 || (!isSpace(raw.charCodeAt(0)) && !isSpace(raw.charCodeAt(raw.length - 1)))) return raw;
  return raw.trim();
}

/**
 * Feeds pieces of text to Papa Parse and hands on each complete row as soon as it is read. A row that may
 * continue in the next piece (an open quote, no line break yet) waits for it, as in Papa's own streaming.
 */
export class CsvRowReader {
  private readonly parser = new Papa.Parser({ delimiter: ',', newline: '\n' });
  private readonly onRow: (row: SourceRow) => void;
  private partial = '';
  /** Pieces read while a quoted field is open and no quote has come to close it (see push). */
  private waiting: string[] = [];
  private pendingCr = false;
  /** Line where the next row starts. */
  private line = 1;

  constructor(onRow: (row: SourceRow) => void) {
    this.onRow = onRow;
  }

  push(text: string, last = false): void {
    // Hand-edited copies mix CRLF and LF; one line break keeps Papa's detection and our line count in step.
    let piece = (this.pendingCr ? '\r' : '') + text;
    this.pendingCr = !last && piece.endsWith('\r');
    if (this.pendingCr) piece = piece.slice(0, -1);
    if (piece.includes('\r')) piece = piece.replace(/\r\n?/g, '\n');
    // Text left over from the last piece is an open quoted field, which only a quote can close: until one
    // comes, pieces wait unread (reading the growing field again with every piece would take quadratic time).
    if (this.partial !== '' && !last && !piece.includes('"')) {
      this.waiting.push(piece);
      return;
    }
    let input = this.partial + this.waiting.join('') + piece;
    this.waiting = [];
    // Papa splits text without quotes at once (its fast mode) but walks text with quotes field by field. A
    // classic export's only quotes are in its footer: the lines before the first quote are read apart.
    const quote = input.indexOf('"');
    const cut = quote === -1 ? 0 : input.lastIndexOf('\n', quote) + 1;
    if (cut > 0) {
      this.parse(input.slice(0, cut), false, false);
      input = input.slice(cut);
    }
    this.parse(input, last, quote !== -1);
  }

  /** `quoted`: whether `input` holds a quote; without one a field cannot hold a line break (no need to look). */
  private parse(input: string, last: boolean, quoted: boolean): void {
    const result = this.parser.parse(input, 0, !last) as { data: string[][]; meta: { cursor: number } };
    this.partial = last ? '' : input.slice(result.meta.cursor);
    for (const raw of result.data) this.row(raw, quoted);
  }

  end(): void {
    this.push('', true);
  }

  /** Cleans the cells in place (Papa's arrays are ours) and hands the row on unless every cell is empty. */
  private row(cells: string[], quoted: boolean): void {
    const line = this.line;
    let empty = true;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      // A quoted field may hold line breaks: the next row starts that many lines further on.
      if (quoted) for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) this.line++;
      const clean = cleanCell(cell);
      if (clean !== '') empty = false;
      cells[i] = clean;
    }
    this.line++;
    if (!empty) this.onRow({ line, cells });
  }
}

/** All rows of a text at once. */
export function readCsvRows(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  const reader = new CsvRowReader((row) => rows.push(row));
  reader.push(text, true);
  return rows;
}
