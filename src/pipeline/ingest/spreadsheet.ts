// Spreadsheet exports (.xls BIFF8, .xlsx) read with SheetJS (@e965/xlsx): every sheet becomes rows of cell texts,
// then goes to the same table readers as a CSV. A text cell is its text (501202.0 stored as text keeps its
// decimal); a number cell is the number stored, shown as displayed only when the display is that number (5.30),
// and rejected when the display changes it (12% for 0.12): see sheet-numbers.ts.
import * as XLSX from '@e965/xlsx';
import { parseHeaderLine } from './labels.ts';
import { cellPlaceKey, FileCollector } from './observations.ts';
import { RowCells, cleanCell, type SourceRow } from './rows.ts';
import { numberCellText } from './sheet-numbers.ts';
import { malformedCell } from './xlsx-scan.ts';
import { NbsTableReader } from './table.ts';
import { TidyLongReader, tidyColumns } from './tidy-input.ts';
import type { FileReport, IngestOptions, SheetReport } from '../types.ts';

/** Files past this size are refused before SheetJS reads them whole (it has no streaming reader). */
export const MAX_WORKBOOK_BYTES = 64 << 20;

export interface Sheet {
  name: string;
  rows: SourceRow[];
  /** Number cells whose display changes the number (see sheet-numbers.ts): why each is rejected, by cellPlaceKey. */
  refusals: Map<string, string>;
  /** Hidden in Excel (or very hidden, by a macro): read like any other, and said. */
  hidden: boolean;
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
  if (kind === 'xls' && bytes.length > MAX_XLS_BYTES)
    return {
      ok: false,
      message: `.xls 工作簿有 ${bytes.length} 字节，超过 .xls 的上限 ${MAX_XLS_BYTES} 字节（旧格式整个读入内存，约占文件大小的 50 倍）：请在 Excel/WPS 中另存为 CSV 后读取`,
    };
  const inflated = kind === 'xlsx' ? zipInflatedBytes(bytes) : undefined;
  if (inflated !== undefined && inflated > MAX_INFLATED_BYTES)
    return {
      ok: false,
      message: `工作簿解压后有 ${Number.isFinite(inflated) ? inflated : '超过 4G'} 字节，超过 ${MAX_INFLATED_BYTES} 字节的上限（可能是压缩炸弹）：请另存为 CSV 后读取`,
    };
  const malformed = kind === 'xlsx' ? malformedCell(bytes) : undefined;
  if (malformed)
    return {
      ok: false,
      message: `${malformed.part} 的单元格 ${malformed.ref} ${malformed.problem}：文件已损坏或不是电子表格软件写的；请在 Excel/WPS 中打开并另存后再读取`,
    };
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, {
      type: 'buffer',
      cellText: true,
      cellNF: true,
      cellDates: true,
      cellFormula: true,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (error) {
    const text = String((error as Error).message ?? error);
    // An encrypted .xlsx is an OLE container (xls bytes); a zip that SheetJS calls encrypted is only damaged.
    if (kind === 'xls' && /password|encrypt/i.test(text)) return { ok: false, message: '工作簿有密码保护：请在 Excel/WPS 中去掉密码后另存，再读取' };
    return { ok: false, message: `工作簿已损坏或无法识别（${text.split('\n')[0]}）：请在 Excel/WPS 中打开并另存为 .xlsx 或 CSV 后再读取` };
  }
  const sheets: Sheet[] = [];
  for (const [i, name] of book.SheetNames.entries()) {
    const refusals = new Map<string, string>();
    const rows = sheetRows(book.Sheets[name], refusals);
    if (!rows) return { ok: false, message: `工作表「${name}」的单元格范围超过 ${MAX_SHEET_CELLS} 个：请只保留数据区域，另存为 CSV 后读取` };
    sheets.push({ name, rows, refusals, hidden: (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 });
  }
  if (sheets.length === 0) return { ok: false, message: '工作簿里没有工作表（可能只含宏）：没有可读取的表格' };
  return { ok: true, kind, sheets };
}

/** Cells a sheet may span (rows × columns of its cells), past which it is refused rather than laid out. */
export const MAX_SHEET_CELLS = 20_000_000;

/**
 * A sheet's non-empty rows: `line` is the sheet's row number, cells are displayed texts (empty where none), as
 * wide as its widest row; a number cell's text is the number stored unless the display shows that same number,
 * and one whose display changes it goes to `refusals`. Laid out from the cells present, not from the sheet's
 * declared range: a tiny file may declare A1:XFD1048576 (17 billion cells), which would never finish. Undefined
 * when the cells span too much.
 */
function sheetRows(sheet: XLSX.WorkSheet | undefined, refusals: Map<string, string>): SourceRow[] | undefined {
  if (!sheet) return [];
  const byRow = new Map<number, Map<number, string>>();
  let width = 0;
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const cell = sheet[key] as XLSX.CellObject;
    // A formula saved without its result (written by a script, never recalculated) shows as its formula, so it
    // is rejected at its place; skipping it would count a non-empty cell as empty.
    // (SheetJS gives it type 'e' and no value; its formula only with cellFormula on.)
    const shown = cell.v === undefined || cell.v === null ? (cell.f ? `=${cell.f}` : cell.t === 'e' ? '#VALUE!' : '') : (cell.w ?? String(cell.v));
    const { r, c } = XLSX.utils.decode_cell(key);
    let text = shown === '' ? '' : cleanCell(shown);
    if (cell.t === 'n' && typeof cell.v === 'number' && Number.isFinite(cell.v)) {
      const number = numberCellText(cell.v, cell.w === undefined ? undefined : text, cell.z === undefined ? undefined : String(cell.z));
      text = number.text;
      if (number.refusal) refusals.set(cellPlaceKey(r + 1, c + 1), number.refusal);
    } else if (cell.t === 'd') {
      // A date (a date cell, or a number shown as one) is no figure: as a value it is rejected; as a label it is
      // read as displayed (2021 under yyyy). Without cellDates, an ISO date cell came as the number 43835.
      if (text === '') text = cell.v instanceof Date ? cell.v.toISOString() : String(cell.v);
      refusals.set(cellPlaceKey(r + 1, c + 1), `单元格是日期（显示为「${text}」），不是数值：未写出`);
    }
    if (text === '') continue;
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = new Map()));
    row.set(c, text);
    width = Math.max(width, c + 1);
  }
  if (byRow.size * width > MAX_SHEET_CELLS) return undefined;
  return [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = new Array<string>(width).fill('');
      for (const [c, text] of byRow.get(r)!) cells[c] = text;
      return { line: r + 1, cells };
    });
}

/**
 * The bytes an .xlsx (zip) says it inflates to, from its central directory, or undefined when it has none to
 * read: SheetJS inflates every part in memory, so a 600 KB file of 600 MB of spaces took 1.4 GB before anything
 * was read. (A zip whose directory lies is still bounded by SheetJS failing on a part past V8's string limit.)
 */
export function zipInflatedBytes(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let p = view.getUint32(at + 16, true);
    let total = 0;
    for (let i = 0; i < entries && p + 46 <= bytes.length; i++) {
      if (view.getUint32(p, true) !== 0x02014b50) return undefined;
      const size = view.getUint32(p + 24, true);
      total += size === 0xffffffff ? Infinity : size; // ZIP64: more than 4 GB
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return undefined;
}

/**
 * What an .xlsx may inflate to: far above any export (an NBS workbook inflates to about 100 KB). SheetJS holds
 * about 8 times the inflated size: a workbook of a million rows (200 MB inflated, 25 MB on disk) took 1.6 GB and
 * a minute under the former 256 MB cap, so the cap is 64 MB (hostile24).
 */
export const MAX_INFLATED_BYTES = 64 << 20;

/**
 * An .xls (BIFF8) is parsed whole by SheetJS, at about 47 times its size: a 26 MB file of 1.3 million numbers
 * peaked at 1.23 GB (13 s; 2026-12-04, hostile25i3) and a 64 MB one near 3 GB under the workbook cap. 24 MB keeps
 * it near what an .xlsx at its inflated cap takes.
 */
export const MAX_XLS_BYTES = 24 << 20;

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
    // A hidden sheet is often a draft or an older vintage: its values are written like the others, so it is said.
    if (sheet.hidden)
      out.problem({
        code: 'sheet-hidden',
        severity: 'warning',
        line: 1,
        column: 1,
        message: `工作表「${sheet.name}」在 Excel 中是隐藏的：照常读取，数值照常写出；若它是草稿或旧版本，请删去后再读取`,
      });
    // A table refused at its end (an unknown layout, a missing unit) forgets all it read, values sent on included:
    // right for a CSV, whose output is then discarded, but in a workbook the other sheets' counts, problems and
    // values were forgotten with it (the report said 0 written beside written rows). So each sheet is first
    // read on trial; only one that is not refused is read into `out`, a refused one adds just its refusal. (A tidy
    // sheet is refused by its header, before any value: it needs no trial.)
    let result: Partial<FileReport>;
    if (tidyColumns(sheet.rows[0]!.cells)) result = readSheetInto(sheet, options, out);
    else {
      const trial = new FileCollector(out.file);
      result = readSheetInto(sheet, options, trial);
      if (result.status !== 'refused') readSheetInto(sheet, options, out);
      else {
        for (const p of trial.problems) out.problem(p);
        for (const key of ['dataCells', 'cellsEmpty', 'cellsRejected'] as const) out.counts[key] += trial.counts[key];
      }
    }
    for (const p of out.problems.slice(before)) p.sheet ??= sheet.name;
    sheets.push({ name: sheet.name, status: result.status === 'refused' ? 'refused' : 'read', ...(sheet.hidden ? { hidden: true } : {}) });
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

/** One sheet read into `out`, which knows the sheet it is in and the number cells its display makes rejected. */
function readSheetInto(sheet: Sheet, options: IngestOptions, out: FileCollector): Partial<FileReport> {
  out.sheetRefusals = sheet.refusals.size > 0 ? sheet.refusals : undefined;
  out.sheet = sheet.name;
  const result = readSheet(sheet.rows, options, out);
  out.sheetRefusals = undefined;
  out.sheet = undefined;
  return result;
}

function readSheet(rows: SourceRow[], options: IngestOptions, out: FileCollector): Partial<FileReport> {
  const header = rows[0]!;
  if (tidyColumns(header.cells)) {
    const tidy = new TidyLongReader(header, options, out);
    const cells = new RowCells();
    for (const row of rows.slice(1))
      tidy.row(
        cells.setCells(
          row.line,
          row.cells,
          row.cells.some((c) => c.includes('\n')),
        ),
      );
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
