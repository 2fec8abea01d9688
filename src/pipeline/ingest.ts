// Reads one input file of any supported kind into tidy observations and a report. Never throws on bad
// input: every problem becomes an entry with its place, and a file that cannot be read is "refused".
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { FileCollector } from './collector.ts';
import { readCsvRows } from './csv-rows.ts';
import { decodeBytes } from './decode.ts';
import { parseHeaderLine } from './labels.ts';
import { readNbsTable } from './nbs-table.ts';
import { flagOutliers } from './outliers.ts';
import { readTidyLong, tidyColumns } from './tidy-long.ts';
import type { FileReport, IngestOptions, IngestResult } from './types.ts';

const SPREADSHEET = new Set(['.xls', '.xlsx', '.xlsm', '.et', '.ods']);

export async function ingestFile(path: string, options: IngestOptions = {}, displayName = path): Promise<IngestResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const out = new FileCollector(displayName);
    out.problem({ code: 'unreadable-file', severity: 'error', message: `无法读取文件：${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return finish(out, { status: 'refused' });
  }
  return ingestBytes(bytes, displayName, options);
}

export function ingestBytes(bytes: Uint8Array, file: string, options: IngestOptions = {}): IngestResult {
  const out = new FileCollector(file);
  if (SPREADSHEET.has(extname(file).toLowerCase()) || isSpreadsheetBytes(bytes)) {
    out.problem({
      code: 'spreadsheet-refused', severity: 'error', line: 1, column: 1,
      message: '这是电子表格文件（.xls/.xlsx），不直接读取：请在国家数据网站导出时选择 CSV，或在 Excel/WPS 中「另存为 → CSV UTF-8（逗号分隔）」，再读取该 CSV 文件',
    });
    return finish(out, { status: 'refused', format: 'spreadsheet' });
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    out.problem({ code: 'unreadable-encoding', severity: 'error', line: 1, column: 1, message: decoded.message });
    return finish(out, { status: 'refused' });
  }
  const rows = readCsvRows(decoded.text);
  if (rows.length === 0) {
    out.problem({ code: 'empty-file', severity: 'error', line: 1, column: 1, message: '文件是空的：没有任何数据行' });
    return finish(out, { status: 'refused', encoding: decoded.encoding });
  }
  if (tidyColumns(rows[0]!.cells)) {
    const tidy = readTidyLong(rows, options, out);
    return finish(out, { encoding: decoded.encoding, format: 'tidy-long', layout: 'long', ...(tidy ?? { status: 'refused' }) });
  }
  const table = readNbsTable(rows, options, out);
  const hasHeaderLines = parseHeaderLine(rows[0]!.cells[0] ?? '') !== undefined;
  const format = /\t,|\t$/m.test(decoded.text) ? 'nbs-new' : hasHeaderLines ? 'nbs-classic' : 'nbs-stripped';
  if (!table) return finish(out, { status: 'refused', encoding: decoded.encoding, format });
  const { header, layout, scope, series } = table;
  return finish(out, { encoding: decoded.encoding, format, layout, scope, header, series });
}

function finish(out: FileCollector, report: Partial<FileReport>): IngestResult {
  flagOutliers(out);
  const refused = report.status === 'refused' || out.problems.some((p) => p.code === 'spreadsheet-refused');
  return {
    observations: refused ? [] : out.observations,
    report: {
      file: out.file, status: refused ? 'refused' : 'read', header: {}, series: [], ...report,
      counts: out.counts, problems: out.problems,
    },
  };
}

/** .xls (OLE compound file) and .xlsx (zip) renamed to .csv still are spreadsheets. */
function isSpreadsheetBytes(bytes: Uint8Array): boolean {
  const ole = [0xd0, 0xcf, 0x11, 0xe0];
  const zip = [0x50, 0x4b, 0x03, 0x04];
  return [ole, zip].some((sig) => sig.every((b, i) => bytes[i] === b));
}
