// Stage 2 of ingestion: splits decoded CSV text into rows of cleaned cells, each with the 1-based line it starts
// on, so that a problem can name the line even when a quoted note spans several lines. Text with quotes goes
// through Papa Parse, whose quote errors become problems: a quote that never closes (or closes wrongly) would
// otherwise swallow rows. Text without quotes (nearly all of every export) is one row a line, split here.
import { Buffer } from 'node:buffer';
import Papa from 'papaparse';

/** A quoted field or a line longer than this (characters) refuses the file: no real export comes close. */
export const MAX_FIELD_CHARS = 4 << 20;

/** What the row reader found wrong, with its place; `cells` non-empty cells it kept from the table. */
export interface RowProblem {
  line: number;
  column: number;
  code: 'unclosed-quote' | 'csv-error' | 'field-too-long';
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

/** The characters String.prototype.trim removes, exactly (WhiteSpace and LineTerminator: TAB…CR, space, NBSP, U+3000…). */
function isTrimmed(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    (c > 127 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

export function cleanCell(raw: string): string {
  // Most cells have nothing to trim: looking at both ends is cheaper than trim() making a new string.
  if (raw.length === 0 || (!isTrimmed(raw.charCodeAt(0)) && !isTrimmed(raw.charCodeAt(raw.length - 1)))) return raw;
  return raw.trim();
}

/** ASCII whitespace, the only whitespace a byte of UTF-8 can be on its own. */
function isAsciiTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Text of UTF-8 bytes held one byte a character (see RowCells), decoded. */
export function fromUtf8Bytes(bytes: string): string {
  for (let i = 0; i < bytes.length; i++) if (bytes.charCodeAt(i) > 127) return Buffer.from(bytes, 'latin1').toString('utf8');
  return bytes; // ASCII reads the same either way
}

// The texts `is` compares cells with, as UTF-8 bytes (one a character): a reader compares each row with the
// same few texts (the last row's), so each is encoded once; forgotten now and then, so memory stays bounded.
let bytesOf = new Map<string, string>();
function utf8BytesOf(text: string): string {
  let bytes = bytesOf.get(text);
  if (bytes === undefined) {
    if (bytesOf.size >= 1000) bytesOf = new Map();
    bytes = Buffer.from(text, 'utf8').toString('latin1');
    bytesOf.set(text, bytes);
  }
  return bytes;
}

/**
 * One row as read, handed to the reader of the table and then refilled for the next row: a reader that keeps
 * a row keeps `toRow()`, never the row itself. Cells come cleaned (surrounding whitespace removed).
 *
 * Speed trick: a row of text without quotes is kept as its place in the text, and its cells are found only when
 * asked for. A tidy file repeats its indicator, place, unit and source row after row; `is` and `sameOutside`
 * compare them untrimmed and undecoded, so a row costs its value's string (and views of the text for the
 * comparisons) instead of a string per cell, an array and the line.
 */
export class RowCells {
  line = 0;
  /** Whether a cell holds a line break (only a quoted field can). */
  lineBreaks = false;
  /** The cells, when the row came whole (quoted text, a sheet); undefined while they are places in `text`. */
  private list: string[] | undefined;
  private text = '';
  /**
   * `text` holds UTF-8 bytes, one a character (Latin-1). Speed trick: the file reader hands a tidy file's valid UTF-8
   * on undecoded, which is several times cheaper; every ASCII character (comma, quote, line break, digit) is
   * where it would be, and a cell with other bytes is decoded when asked for (cell, is, cells).
   */
  private bytes = false;
  private from = 0;
  private to = 0;
  /** Cells found in `text` so far, and whether they are all of them (the line's end was reached). */
  private found = 0;
  private complete = false;
  /** Where the next cell to find starts. */
  private next = 0;
  /** Where each cell found starts and ends once trimmed, and where its comma (or the line's end) is. */
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private commas = new Int32Array(16);

  /** Fills the row with cells already cleaned. */
  setCells(line: number, cells: string[], lineBreaks = false): this {
    this.line = line;
    this.list = cells;
    this.lineBreaks = lineBreaks;
    return this;
  }

  /** Fills the row with the line of `text` between `from` and `to` (no quote, no line break in it). */
  setLine(line: number, text: string, from: number, to: number, bytes = false): this {
    this.line = line;
    this.list = undefined;
    this.bytes = bytes;
    this.lineBreaks = false;
    this.text = text;
    this.from = from;
    this.to = to;
    this.found = 0;
    this.complete = false;
    this.next = from;
    return this;
  }

  /** Finds cells up to cell `upTo` (all of them for Infinity), trimmed as cleanCell trims. */
  private find(upTo: number): void {
    const text = this.text;
    const to = this.to;
    let n = this.found;
    let start = this.next;
    // In bytes, only ASCII whitespace is trimmed here; cell() trims the rest once the cell is decoded.
    const trimmed = this.bytes ? isAsciiTrimmed : isTrimmed;
    while (n <= upTo && !this.complete) {
      let end = text.indexOf(',', start);
      if (end === -1 || end > to) end = to;
      if (n === this.starts.length) this.grow();
      this.commas[n] = end;
      const next = end + 1;
      while (start < end && trimmed(text.charCodeAt(start))) start++;
      while (end > start && trimmed(text.charCodeAt(end - 1))) end--;
      this.starts[n] = start;
      this.ends[n] = end;
      n++;
      if (next > to) this.complete = true;
      start = next;
    }
    this.found = n;
    this.next = start;
  }

  private grow(): void {
    const twice = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = twice(this.starts);
    this.ends = twice(this.ends);
    this.commas = twice(this.commas);
  }

  /** Whether the row reaches cell `i` (finding cells up to it). */
  private has(i: number): boolean {
    if (i >= this.found) this.find(i);
    return i < this.found;
  }

  /** How many cells the row has (empty ones included). */
  get length(): number {
    if (this.list) return this.list.length;
    if (!this.complete) this.find(Infinity);
    return this.found;
  }

  /** Cell `i`, '' for a column the row does not reach (or -1, a column the table lacks). */
  cell(i: number): string {
    if (this.list) return i < 0 ? '' : (this.list[i] ?? '');
    if (i < 0 || !this.has(i)) return '';
    const cell = this.text.slice(this.starts[i]!, this.ends[i]!);
    if (!this.bytes) return cell;
    const text = fromUtf8Bytes(cell);
    return text === cell ? cell : cleanCell(text);
  }

  /** Whether cell(i) === text, without trimming or decoding the cell. */
  is(i: number, text: string): boolean {
    if (this.list) return this.cell(i) === text;
    if (i < 0 || !this.has(i)) return text === '';
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    // (A slice and === compare memory at once, a cheap slice of the text; startsWith walks character by character.)
    if (!this.bytes) return end - start === text.length && this.text.slice(start, end) === text;
    // The same bytes are the same text; other bytes may still be it, with whitespace beyond ASCII around.
    const bytes = utf8BytesOf(text);
    return (end - start === bytes.length && this.text.slice(start, end) === bytes) || this.cell(i) === text;
  }

  /** The cell's number when it is four ASCII digits (a year, nearly always), else -1. */
  fourDigits(i: number): number {
    if (this.list) {
      const cell = i < 0 ? '' : (this.list[i] ?? '');
      return cell.length === 4 ? digitsAt(cell, 0) : -1;
    }
    if (i < 0 || !this.has(i)) return -1;
    if (this.ends[i]! - this.starts[i]! === 4) return digitsAt(this.text, this.starts[i]!);
    if (!this.bytes) return -1;
    // Bytes beyond ASCII around the digits may be whitespace (U+3000): the decoded cell tells.
    const cell = this.cell(i);
    return cell.length === 4 ? digitsAt(cell, 0) : -1;
  }

  /**
   * Whether the row's text outside cells `a` and `b` (a < b: before a, between them, after b) is what
   * `keepOutside` kept. Speed trick: in a tidy file only year and value change from row to row of a series,
   * so when the rest is the same text, everything worked out from it holds (never for a row that came whole).
   * The cells after b need not be found: the same text after b is the same cells.
   */
  sameOutside(a: number, b: number, kept: Outside): boolean {
    if (this.list || kept.head === undefined || kept.bytes !== this.bytes || !this.has(b)) return false;
    const text = this.text;
    const aStart = a === 0 ? this.from : this.commas[a - 1]! + 1;
    const aEnd = this.commas[a]! + 1;
    const bStart = this.commas[b - 1]! + 1;
    const bEnd = this.commas[b]!;
    return (
      aStart - this.from === kept.head.length &&
      bStart - aEnd === kept.mid.length &&
      this.to - bEnd === kept.tail.length &&
      text.slice(this.from, aStart) === kept.head &&
      text.slice(bEnd, this.to) === kept.tail &&
      (kept.mid.length === 0 || text.slice(aEnd, bStart) === kept.mid)
    );
  }

  /** Keeps the row's text outside cells `a` and `b` for sameOutside (forgets it for a row that came whole). */
  keepOutside(a: number, b: number, kept: Outside): void {
    if (this.list || !this.has(b)) {
      kept.head = undefined;
      return;
    }
    const aStart = a === 0 ? this.from : this.commas[a - 1]! + 1;
    const aEnd = this.commas[a]! + 1;
    kept.bytes = this.bytes;
    kept.head = this.text.slice(this.from, aStart);
    kept.mid = this.text.slice(aEnd, this.commas[b - 1]! + 1);
    kept.tail = this.text.slice(this.commas[b]!, this.to);
  }

  /** Every cell, in a new array (the row's own list when it came whole). */
  get cells(): string[] {
    if (this.list) return this.list;
    // One split of the line: a wide export's row of 40 cells is read whole, faster than cell by cell.
    const line = this.text.slice(this.from, this.to);
    const cells = (this.bytes ? fromUtf8Bytes(line) : line).split(',');
    for (let i = 0; i < cells.length; i++) cells[i] = cleanCell(cells[i]!);
    return cells;
  }

  /** The row as a value to keep. */
  toRow(): SourceRow {
    return { line: this.line, cells: this.cells };
  }
}

/** A row's text outside two of its cells (see RowCells.sameOutside); head undefined: nothing kept. */
export interface Outside {
  head: string | undefined;
  /** Whether the texts are UTF-8 bytes (see RowCells): never the same text as characters. */
  bytes: boolean;
  mid: string;
  tail: string;
}

/** The number of the four ASCII digits at `at`, or -1. */
function digitsAt(text: string, at: number): number {
  let n = 0;
  for (let k = at; k < at + 4; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Whether the line between `from` and `to` has nothing but commas and whitespace (every cell empty). */
function blankLine(text: string, from: number, to: number, bytes: boolean): boolean {
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (c === 44 || isAsciiTrimmed(c)) continue;
    if (c < 128) return false;
    if (!bytes) {
      if (isTrimmed(c)) continue;
      return false;
    }
    // UTF-8 bytes beyond ASCII: only a sequence led by C2, E1, E2, E3 or EF can be whitespace (U+00A0, U+1680,
    // U+2000–U+205F, U+3000, U+FEFF); for those the line is decoded to tell.
    if (c !== 0xc2 && (c < 0xe1 || c > 0xe3) && c !== 0xef) return false;
    const line = fromUtf8Bytes(text.slice(from, to));
    return blankLine(line, 0, line.length, false);
  }
  return true;
}

/**
 * Feeds pieces of text to Papa Parse and hands on each complete row as soon as it is read. A row that may
 * continue in the next piece (an open quote, no line break yet) waits for it, as in Papa's own streaming.
 */
export class CsvRowReader {
  private readonly parser = new Papa.Parser({ delimiter: ',', newline: '\n' });
  private readonly onRow: (row: RowCells) => void;
  /** The one row object, refilled row after row. */
  private readonly current = new RowCells();
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

  /** `onRow` gets each row that has a non-empty cell; the row is refilled afterwards (see RowCells). */
  constructor(onRow: (row: RowCells) => void, onProblem: (problem: RowProblem) => void = () => {}) {
    this.onRow = onRow;
    this.onProblem = onProblem;
  }

  /** `bytes`: the text is UTF-8 bytes, one a character, of whole lines (see RowCells). */
  push(text: string, last = false, bytes = false): void {
    if (this.stopped) return;
    // Hand-edited copies mix CRLF and LF; one line break keeps Papa's detection and our line count in step.
    let piece = (this.pendingCr ? '\r' : '') + text;
    this.pendingCr = !last && piece.endsWith('\r');
    if (this.pendingCr) piece = piece.slice(0, -1);
    if (piece.includes('\r')) piece = piece.replace(/\r\n?/g, '\n');
    // Quoted text goes through Papa, which needs characters; so does text joining a field left open.
    if (bytes && (this.partial !== '' || piece.includes('"'))) {
      piece = fromUtf8Bytes(piece);
      bytes = false;
    }
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
    // Lines before the first quote are split here, a row a line; from the line of the first quote on, Papa
    // walks the text field by field. A classic export's only quotes are in its footer.
    const quote = input.indexOf('"');
    if (quote === -1) return this.lines(input, input.length, last, bytes);
    const cut = input.lastIndexOf('\n', quote) + 1;
    if (cut > 0) {
      this.lines(input, cut, false);
      input = input.slice(cut);
    }
    this.parse(input, last);
  }

  /** The lines of `input` before `end` (no quote in them), a row each; an unfinished last line waits for the next piece. */
  private lines(input: string, end: number, last: boolean, bytes = false): void {
    const row = this.current;
    let from = 0;
    for (let nl = input.indexOf('\n'); nl !== -1 && nl < end; nl = input.indexOf('\n', from)) {
      const line = this.line++;
      if (!blankLine(input, from, nl, bytes)) this.onRow(row.setLine(line, input, from, nl, bytes));
      from = nl + 1;
    }
    if (from >= end) this.partial = '';
    else if (last) {
      const line = this.line++;
      if (!blankLine(input, from, end, bytes)) this.onRow(row.setLine(line, input, from, end, bytes));
      this.partial = '';
    } else this.partial = bytes ? fromUtf8Bytes(input.slice(from, end)) : input.slice(from, end);
    if (this.partial.length > MAX_FIELD_CHARS) this.tooLong();
  }

  /** Text with quotes, through Papa. */
  private parse(input: string, last: boolean): void {
    const result = this.parser.parse(input, 0, !last) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    this.partial = last ? '' : input.slice(result.meta.cursor);
    // Papa reports quote errors by row index; only rows with quotes can have them (the fast path has none).
    // Every error Papa reports is read: quote errors are the ones a fixed delimiter and no header leave, and any
    // other kind (Delimiter, FieldMismatch, should a later Papa raise them here) rejects its row the same way.
    let bad: Map<number, Papa.ParseError> | undefined;
    for (const e of result.errors) if (!(bad ??= new Map()).has(e.row ?? -1)) bad.set(e.row ?? -1, e);
    for (let r = 0; r < result.data.length; r++) this.row(result.data[r]!, bad?.get(r));
    const unplaced = bad?.get(-1);
    if (unplaced) this.parserError([], this.line, unplaced);
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

  /** Any other error of the CSV parser: the row is rejected with the parser's own words, its cells counted. */
  private parserError(cells: string[], line: number, error: Papa.ParseError): void {
    const kept = Math.max(0, cells.filter((c) => c !== '').length - 1); // the first cell is the row's label
    const message = `CSV 解析错误（${error.type}/${error.code}）：${error.message}；这一行未写出`;
    this.onProblem({ line, column: 1, code: 'csv-error', message, cells: kept, fatal: false });
  }

  end(): void {
    this.push('', true);
  }

  /** Cleans the cells in place (Papa's arrays are ours) and hands the row on unless every cell is empty or Papa found it wrong. */
  private row(cells: string[], error: Papa.ParseError | undefined): void {
    const line = this.line;
    let empty = true;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      // A quoted field may hold line breaks: the next row starts that many lines further on.
      for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) this.line++;
      const clean = cleanCell(cell);
      if (clean !== '') empty = false;
      cells[i] = clean;
    }
    // Readers look for line breaks in cells only when there are some.
    const lineBreaks = this.line !== line;
    this.line++;
    if (error) return error.type === 'Quotes' ? this.quoteError(cells, line) : this.parserError(cells, line, error);
    if (!empty) this.onRow(this.current.setCells(line, cells, lineBreaks));
  }
}

/** All rows of a text at once. */
export function readCsvRows(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  const reader = new CsvRowReader((row) => rows.push(row.toRow()));
  reader.push(text, true);
  return rows;
}
