// Spreadsheet exports (.xls BIFF8, .xlsx) read with SheetJS (@e965/xlsx): every sheet becomes rows of the text
// the file displays, then goes to the same table readers as a CSV. The displayed text (a cell's `w`), not the
// float behind it, is the value: 5.30 stays 5.30, and 501202.0 stored as text keeps its decimal.
import * as XLSX from '@e965/xlsx';
import { parseHeaderLine } from './labels.ts';
import type { FileCollector } from './observations.ts';
import { cleanCell, type SourceRow } from './rows.ts';
import { NbsTableReader } from './table.ts';
import { TidyLongReader, tidyColumns } from './tidy-input.ts';
import type { FileReport, IngestOptions, SheetReport } from '../types.ts';

/** Files past this size are refused before SheetJS reads them whole (it has no streaming reader). */
export const MAX_WORKBOOK_BYTES = 64 << 20;

export interface Sheet {
  name: string;
  rows: SourceRow[];
}

export type Workbook = { ok: true; kind: 'xls' | 'xlsx'; sheets: Sheet[] } | { ok: false; message: string };

/** .xls (OLE compound file) and .xlsx (zip): by their first bytes, whatever the file is called. */
export function workbookKind(bytes: Uint8Array): 'xls' | 'xlsx' | undefined {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  return undefined;
}

export function readWorkbook(bytes: Uint8Array): Workbook {
  const kind = workbookKind(bytes);
  if (!kind) return { ok: false, message: '文件扩展名是电子表格，但内容不是 .xls 或 .xlsx 工作簿（已损坏或被改名）' };
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'buffer', cellText: true, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false });
  } catch (error) {
    const text = String((error as Error).message ?? error);
    if (/password|encrypt/i.test(text)) return { ok: false, message: '工作簿有密码保护：请在 Excel/WPS 中去掉密码后另存，再读取' };
    return { ok: false, message: `工作簿已损坏或无法识别（${text.split('\n')[0]}）：请在 Excel/WPS 中打开并另存为 .xlsx 或 CSV 后再读取` };
  }
  const sheets = book.SheetNames.map((name) => ({ name, rows: sheetRows(book.Sheets[name]) }));
  if (sheets.length === 0) return { ok: false, message: '工作簿里没有工作表（可能只含宏）：没有可读取的表格' };
  return { ok: true, kind, sheets };
}

/** A sheet's non-empty rows: `line` is the sheet's row number, cells are displayed texts (empty where none). */
function sheetRows(sheet: XLSX.WorkSheet | undefined): SourceRow[] {
  const ref = sheet?.['!ref'];
  if (!sheet || !ref) return [];
  const range = XLSX.utils.decode_range(ref);
  const rows: SourceRow[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      const text = cell === undefined || cell.v === undefined || cell.v === null ? '' : (cell.w ?? String(cell.v));
      cells.push(cleanCell(text));
    }
    if (cells.some((c) => c !== '')) rows.push({ line: r + 1, cells });
  }
  return rows;
}

/**
 * Reads every sheet with content into `out`, as a CSV's rows are read; empty sheets are listed. The report's
 * layout and header are the first read sheet's; each problem names its sheet.
 */
export function readSheets(book: Extract<Workbook, { ok: true }>, options: IngestOptions, out: FileCollector): Partial<FileReport> {
  const sheets: SheetReport[] = [];
  let first: Partial<FileReport> | undefined;
  for (const sheet of book.sheets) {
    if (sheet.rows.length === 0) {
      sheets.push({ name: sheet.name, status: 'empty' });
      continue;
    }
    const before = out.problems.length;
    const result = readSheet(sheet.rows, options, out);
    for (const p of out.problems.slice(before)) p.sheet ??= sheet.name;
    sheets.push({ name: sheet.name, status: result.status === 'refused' ? 'refused' : 'read' });
    if (result.status !== 'refused') first ??= result;
  }
  const read = sheets.filter((s) => s.status === 'read').map((s) => s.name);
  if (!first) {
    if (sheets.every((s) => s.status === 'empty')) {
      out.problem({ code: 'empty-file', severity: 'error', line: 1, column: 1, message: '工作簿的每个工作表都是空的：没有任何数据行' });
    }
    return { status: 'refused', format: book.kind, sheets };
  }
  return { ...first, format: `${book.kind}:${first.format}`, sheet: read.join('、'), sheets };
}

function readSheet(rows: SourceRow[], options: IngestOptions, out: FileCollector): Partial<FileReport> {
  const header = rows[0]!;
  if (tidyColumns(header.cells)) {
    const tidy = new TidyLongReader(header, options, out);
    for (const row of rows.slice(1)) tidy.row(row);
    const end = tidy.end();
    return { format: 'tidy-long', layout: 'long', ...(end ?? { status: 'refused' }) };
  }
  const table = new NbsTableReader(options, out);
  for (const row of rows) table.row(row);
  const format = parseHeaderLine(header.cells[0] ?? '') !== undefined ? 'nbs-classic' : 'nbs-stripped';
  const end = table.end();
  if (!end) return { status: 'refused', format };
  const { layout, scope, series } = end;
  return { format, layout, scope, header: end.header, series };
}
