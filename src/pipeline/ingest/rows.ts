// Stage 2 of ingestion: splits decoded CSV text into rows of cleaned cells (Papa Parse), each with the 1-based
// line it starts on, so that a problem can name the line even when a quoted note spans several lines. Papa's
// quote errors become problems: a quote that never closes (or closes wrongly) would otherwise swallow rows.
import Papa from 'papaparse';

/** A quoted field or a line longer than this (characters) refuses the file: no real export comes close. */
export const MAX_FIELD_CHARS = 4 << 20;

/** What the row reader found wrong, with its place; `cells` non-empty cells it kept from the table. */
export interface RowProblem {
  line: number;
  column: number;
  code: 'unclosed-quote' | 'field-too-long';
  message: string;
  cells: number;
  /** The rest of the file cannot be read (a field past the limit). */
  fatal: boolean;
}

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
  private readonly onRow: (row: SourceRow, lineBreaks: boolean) => void;
  private readonly onProblem: (problem: RowProblem) => void;
  /** Set after a fatal problem: nothing more is read. */
  stopped = false;
  private partial = '';
  /** Pieces read while a quoted field is open and no quote has come to close it (see push). */
  private waiting: string[] = [];
  private waitingChars = 0;
  private pendingCr = false;
  /** Line where the next row starts. */
  private line = 1;

  /** `lineBreaks`: whether a cell of the row holds a line break (known while splitting, so readers need not look). */
  constructor(onRow: (row: SourceRow, lineBreaks: boolean) => void, onProblem: (problem: RowProblem) => void = () => {}) {
    this.onRow = onRow;
    this.onProblem = onProblem;
  }

  push(text: string, last = false): void {
    if (this.stopped) return;
    // Hand-edited copies mix CRLF and LF; one line break keeps Papa's detection and our line count in step.
    let piece = (this.pendingCr ? '\r' : '') + text;
    this.pendingCr = !last && piece.endsWith('\r');
    if (this.pendingCr) piece = piece.slice(0, -1);
    if (piece.includes('\r')) piece = piece.replace(/\r\n?/g, '\n');
    // Text left over from the last piece is an open quoted field, which only a quote can close: until one
    // comes, pieces wait unread (reading the growing field again with every piece would take quadratic time).
    if (this.partial !== '' && !last && !piece.includes('"')) {
      this.waiting.push(piece);
      this.waitingChars += piece.length;
      if (this.partial.length + this.waitingChars > MAX_FIELD_CHARS) this.tooLong();
      return;
    }
    this.waitingChars = 0;
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
    const result = this.parser.parse(input, 0, !last) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    this.partial = last ? '' : input.slice(result.meta.cursor);
    // Papa reports quote errors by row index; only rows with quotes can have them (the fast path has none).
    const bad = result.errors.length === 0 ? undefined : new Set(result.errors.filter((e) => e.type === 'Quotes').map((e) => e.row));
    for (let r = 0; r < result.data.length; r++) this.row(result.data[r]!, quoted, bad?.has(r) === true);
    if (this.partial.length > MAX_FIELD_CHARS) this.tooLong();
  }

  private tooLong(): void {
    this.stopped = true;
    const message = `从这一行起，一个字段或一行超过 ${MAX_FIELD_CHARS} 个字符（多半是引号没有闭合）：文件无法可靠读取`;
    this.onProblem({ line: this.line, column: 1, code: 'field-too-long', message, cells: 0, fatal: true });
  }

  /**
   * A row with a quote error: a field ran on (over commas and line breaks) to the next quote or the end of the
   * file, or a quote closed in the middle of a field. Which cells were meant is unknown, so the whole row is
   * rejected: its pieces, as the plain text splits them (the row's label aside), are counted as rejected cells.
   */
  private quoteError(cells: string[], line: number): void {
    const at = Math.max(
      0,
      cells.findIndex((c) => c.includes('\n')),
    );
    let swallowed = -1; // the first piece is the row's label
    for (const cell of cells) for (const piece of cell.split(/[\n,]/)) if (cleanCell(piece.replaceAll('"', '')) !== '') swallowed++;
    swallowed = Math.max(0, swallowed);
    const message = `这一行的引号没有正确闭合（第${at + 1}列起）：其后的内容（${swallowed} 个单元格，可能跨行直到下一个引号或文件末尾）无法可靠读取，整行未写出`;
    this.onProblem({ line, column: at + 1, code: 'unclosed-quote', message, cells: swallowed, fatal: false });
  }

  end(): void {
    this.push('', true);
  }

  /** Cleans the cells in place (Papa's arrays are ours) and hands the row on unless every cell is empty. */
  private row(cells: string[], quoted: boolean, quoteError: boolean): void {
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
    // Speed trick: readers skip looking for line breaks in cells when there are none (text without quotes has none).
    const lineBreaks = this.line !== line;
    this.line++;
    if (quoteError) return this.quoteError(cells, line);
    if (!empty) this.onRow({ line, cells }, lineBreaks);
  }
}

/** All rows of a text at once. */
export function readCsvRows(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  const reader = new CsvRowReader((row) => rows.push(row));
  reader.push(text, true);
  return rows;
}
