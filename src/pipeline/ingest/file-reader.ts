// One CSV input file read piece by piece, as the bytes arrive (workbooks go to spreadsheet.ts): encoding detection and strict
// decoding, CSV rows, then the reader its first row calls for (tidy long, or a statistics-bureau export).
// Synchronous and push-based, so the same code reads a file stream and bytes already in memory.
import type { FileCollector } from './observations.ts';
import { CsvRowReader, type RowCells, type RowProblem, type SourceRow } from './rows.ts';
import { LineChunker, StrictDecoder } from './decode.ts';
import { parseHeaderLine } from './labels.ts';
import { workbookKind } from './spreadsheet.ts';
import { NbsTableReader } from './table.ts';
import { TidyLongReader, tidyColumns } from './tidy-input.ts';
import type { FileReport, IngestOptions } from '../types.ts';

/** Bytes looked at before deciding anything: enough for signatures and the first 8192 characters. */
const HEAD_BYTES = 64 * 1024;
/** A line longer than this (bytes, without a line break) refuses the file, so memory stays bounded. */
const MAX_LINE_BYTES = 16 << 20;

/** Line breaks in decoded text, counted as the CSV reader counts them (CR LF, LF and a lone CR are one each). */
function lineBreaks(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text[at + 1] !== '\n') n++;
  return n;
}

export class FileReader {
  /** Set once the file is refused outright: the rest of it need not be read. */
  done = false;
  /** The bytes are a workbook (.xls or .xlsx renamed): the caller reads it as one. */
  workbook = false;
  private readonly out: FileCollector;
  private readonly options: IngestOptions;
  private head: Uint8Array[] | undefined = [];
  private headBytes = 0;
  private readonly chunker = new LineChunker();
  private readonly decoder = new StrictDecoder();
  private readonly rows = new CsvRowReader(
    (row) => this.row(row),
    (problem) => this.rowProblem(problem),
  );
  private line = 1;
  private tabCells = false;
  private firstRow: SourceRow | undefined;
  private table: TidyLongReader | NbsTableReader | undefined;
  private refused: Partial<FileReport> | undefined;

  constructor(options: IngestOptions, out: FileCollector) {
    this.options = options;
    this.out = out;
  }

  push(bytes: Uint8Array): void {
    if (this.done) return;
    if (this.head) {
      this.head.push(Uint8Array.prototype.slice.call(bytes)); // a copy: the caller reuses its buffer
      this.headBytes += bytes.length;
      if (this.headBytes >= HEAD_BYTES) this.start();
      return;
    }
    const piece = this.chunker.push(bytes);
    if (piece) this.decode(piece);
    else if (this.chunker.carried > MAX_LINE_BYTES) this.lineTooLong();
  }

  /** No line break for megabytes (a binary file, /dev/zero): refused before memory grows. */
  private lineTooLong(): void {
    this.unreadable({ message: `第${this.line}行超过 ${MAX_LINE_BYTES} 字节仍没有换行：这不是可读取的表格文本`, line: this.line, column: 1 });
  }

  /** The report's fields for this file (status, encoding, format, layout, scope, header, series). */
  end(): Partial<FileReport> {
    if (this.head) this.start();
    if (!this.done) {
      const rest = this.chunker.end();
      if (rest) this.decode(rest);
    }
    if (this.refused) return this.refused;
    this.rows.end();
    if (this.refused) return this.refused;
    const encoding = this.decoder.encoding ?? 'utf-8';
    if (!this.firstRow) {
      this.out.problem({ code: 'empty-file', severity: 'error', line: 1, column: 1, message: '文件是空的：没有任何数据行' });
      return { status: 'refused', encoding };
    }
    if (this.table instanceof TidyLongReader) {
      const tidy = this.table.end();
      return { encoding, format: 'tidy-long', layout: 'long', ...(tidy ?? { status: 'refused' }) };
    }
    const hasHeaderLines = parseHeaderLine(this.firstRow.cells[0] ?? '') !== undefined;
    const format = this.tabCells ? 'nbs-new' : hasHeaderLines ? 'nbs-classic' : 'nbs-stripped';
    const table = this.table!.end();
    if (!table) return { status: 'refused', encoding, format };
    const { header, layout, scope, series } = table;
    return { encoding, format, layout, scope, header, series };
  }

  private start(): void {
    const head = Buffer.concat(this.head!);
    this.head = undefined;
    if (workbookKind(head)) {
      this.workbook = true;
      return this.refuse({ status: 'refused' });
    }
    const refusal = this.decoder.start(head);
    if (refusal && !refusal.ok) return this.unreadable(refusal);
    const piece = this.chunker.push(head.subarray(this.decoder.skip));
    if (piece) this.decode(piece);
  }

  private decode(piece: Uint8Array): void {
    // A tidy file's rows are read from its UTF-8 bytes, decoded cell by cell when needed (see RowCells).
    const bytes = this.table instanceof TidyLongReader ? this.decoder.utf8Bytes(piece) : undefined;
    if (bytes !== undefined) {
      this.line += lineBreaks(bytes);
      return this.rows.push(bytes, false, true);
    }
    const decoded = this.decoder.decode(piece, this.line);
    if (!decoded.ok) return this.unreadable(decoded);
    const text = decoded.text;
    // TAB-ended cells mark the new export format; a tidy file has no format variant to tell.
    if (!this.tabCells && !(this.table instanceof TidyLongReader) && text.includes('\t') && /\t,|\t$/m.test(text)) this.tabCells = true;
    this.line += lineBreaks(text);
    this.rows.push(text);
  }

  private rowProblem({ fatal, cells, ...problem }: RowProblem): void {
    if (fatal) {
      this.out.reset();
      this.out.problem({ severity: 'error', ...problem });
      return this.refuse({ status: 'refused' });
    }
    this.out.rejectCount({ line: problem.line, column: problem.column }, problem.code, problem.message, cells);
  }

  private unreadable(failure: { message: string; line: number; column: number }): void {
    this.out.reset();
    this.out.problem({ code: 'unreadable-encoding', severity: 'error', line: failure.line, column: failure.column, message: failure.message });
    this.refuse({ status: 'refused' });
  }

  private refuse(report: Partial<FileReport>): void {
    this.refused = report;
    this.done = true;
  }

  private row(row: RowCells): void {
    if (this.done) return;
    if (!this.firstRow) {
      const first = row.toRow();
      // Excel's separator hint (`sep=,`, split by the comma it names) is no row of the table: skipped. A hint
      // naming another separator is read as one cell, and the table reader says the file is not comma-separated.
      if (/^sep=$/i.test(first.cells[0] ?? '') && first.cells.slice(1).every((c) => c === '')) return;
      this.firstRow = first;
      if (tidyColumns(this.firstRow.cells)) {
        this.table = new TidyLongReader(this.firstRow, this.options, this.out);
        return;
      }
      this.table = new NbsTableReader(this.options, this.out);
    }
    // A tidy row is read where it lies (see RowCells); a statistics-bureau table keeps rows, so it gets copies.
    if (this.table instanceof TidyLongReader) this.table.row(row);
    else this.table!.row(row.toRow(), row.lineBreaks);
  }
}
