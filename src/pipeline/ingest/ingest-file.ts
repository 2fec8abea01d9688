// Reads one input file of any supported kind into tidy observations and a report. Never throws on bad
// input: every problem becomes an entry with its place, and a file that cannot be read is "refused".
// Files stream: observations go to a sink as they are read, so memory does not grow with the file.
import { closeSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { FileCollector, type FollowUp, type ObservationSink } from './observations.ts';
import { FileReader } from './file-reader.ts';
import { MAX_WORKBOOK_BYTES, readSheets, readWorkbook, workbookKind } from './spreadsheet.ts';
import { checkUnchanged, openRegularFile, readError, readErrorText, ReadError, readFailure, readRegularFile } from './regular-file.ts';
import type { FileReport, IngestOptions, IngestResult, Observation } from '../types.ts';

export type { ObservationSink } from './observations.ts';

/** Bytes read at a time, and handed on in smaller pieces whose rows die young, so the heap stays small. */
const READ_BYTES = 1 << 20;
const PIECE_BYTES = 64 * 1024;

/** A file's bytes, from the start, as many times as asked (a second reading is sometimes needed). */
type ByteSource = () => Iterable<Uint8Array>;

export async function ingestFile(path: string, options: IngestOptions = {}, displayName = path): Promise<IngestResult> {
  const observations: Observation[] = [];
  const report = await ingestToSink(path, { add: (o) => observations.push(o) }, options, displayName);
  return { observations: report.status === 'refused' ? [] : observations, report };
}

/** Streams a file: each observation goes to `sink` as it is read; returns the file's report. */
/** `path` may be a file name's bytes (a name that is not UTF-8); `displayName` is then the name reported. */
export async function ingestToSink(
  path: string | Buffer,
  sink: ObservationSink,
  options: IngestOptions = {},
  displayName = String(path),
): Promise<FileReport> {
  // Each reading must see the same file: one that changes while read (or between readings) is refused.
  const stamps: string[] = [];
  const source: ByteSource = () => readPieces(path, stamps);
  const out = new FileCollector(displayName, sink);
  try {
    if (WORKBOOK_EXTENSIONS.has(extname(displayName).toLowerCase())) return readWorkbookFile(path, out, options);
    const reader = new FileReader(options, out);
    const report = await readAll(source, reader, sink);
    // A workbook renamed to .csv: known by its first bytes, then read as what it is.
    if (reader.workbook) return readWorkbookFile(path, new FileCollector(displayName, sink), options);
    const followUp = report.status === 'refused' ? undefined : out.finish();
    if (followUp) await readAll(source, new FileReader(options, new FileCollector(displayName, undefined, followUp)));
    return finish(out, report, followUp);
  } catch (error) {
    // Only the file system's refusals are the input's problem; anything else is ours and must surface.
    if (!(error instanceof ReadError)) throw error;
    out.reset();
    out.problem({ code: 'unreadable-file', severity: 'error', message: `无法读取文件：${readErrorText(error)}` });
    return finish(out, { status: 'refused' }, undefined);
  }
}

/** Extensions read as workbooks; a workbook renamed to .csv is known by its first bytes. */
const WORKBOOK_EXTENSIONS = new Set(['.xls', '.xlsx', '.xlsm', '.xlsb', '.et', '.ods']);

function isWorkbook(name: string, head: Uint8Array): boolean {
  return WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase()) || workbookKind(head) !== undefined;
}

function readWorkbookFile(path: string | Buffer, out: FileCollector, options: IngestOptions): FileReport {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, MAX_WORKBOOK_BYTES);
  } catch (error) {
    if (error instanceof ReadError && error.code === 'ETOOBIG')
      return refuseWorkbook(out, `工作簿超过 ${MAX_WORKBOOK_BYTES} 字节的上限：请另存为 CSV 后读取`);
    throw error;
  }
  return ingestWorkbook(bytes, out, options);
}

function refuseWorkbook(out: FileCollector, message: string): FileReport {
  out.problem({ code: 'spreadsheet-refused', severity: 'error', line: 1, column: 1, message });
  return finish(out, { status: 'refused', format: 'spreadsheet' }, undefined);
}

/** A workbook, read whole (SheetJS cannot stream): every sheet through the table readers, a second reading if needed. */
function ingestWorkbook(bytes: Uint8Array, out: FileCollector, options: IngestOptions): FileReport {
  const book = readWorkbook(bytes);
  if (!book.ok) return refuseWorkbook(out, book.message);
  const report = readSheets(book, options, out);
  const followUp = report.status === 'refused' ? undefined : out.finish();
  if (followUp) readSheets(book, options, new FileCollector(out.file, undefined, followUp));
  return finish(out, report, followUp);
}

/** Bytes already in memory: the same reading, synchronously (`pieceBytes` at a time, as a stream would give them). */
export function ingestBytes(bytes: Uint8Array, file: string, options: IngestOptions = {}, pieceBytes = PIECE_BYTES): IngestResult {
  const observations: Observation[] = [];
  const out = new FileCollector(file, { add: (o) => observations.push(o) });
  if (isWorkbook(file, bytes.subarray(0, 8))) {
    const report = ingestWorkbook(bytes, out, options);
    return { observations: report.status === 'refused' ? [] : observations, report };
  }
  const readBytes = (reader: FileReader) => {
    for (let at = 0; at < bytes.length && !reader.done; at += pieceBytes) reader.push(bytes.subarray(at, at + pieceBytes));
    return reader.end();
  };
  const report = readBytes(new FileReader(options, out));
  const followUp = report.status === 'refused' ? undefined : out.finish();
  if (followUp) readBytes(new FileReader(options, new FileCollector(file, undefined, followUp)));
  const result = finish(out, report, followUp);
  return { observations: result.status === 'refused' ? [] : observations, report: result };
}

// Read buffers are reused from file to file (the reader copies what it keeps, so a buffer is free again
// after each read): a read stream allocates a fresh megabyte per read, which dominates for small exports.
// Each reading takes its own buffer, since several files may be read at once. Reads are synchronous: a
// folder of small exports otherwise waits on four thread-pool round trips per file (open, read, read, close),
// and while reading there is nothing else to do (writes go on in the background).
const spareBuffers: Buffer[] = [];

/**
 * The file's bytes, a megabyte at a time. `stamps` holds the stamp of the first reading: a file written,
 * truncated or replaced during a reading, or between two, is refused (ECHANGED) rather than read half old, half
 * new (a second reading that found other rows than the first failed with a TypeError).
 */
function* readPieces(path: string | Buffer, stamps: string[]): Iterable<Uint8Array> {
  // Only a regular file is read (a FIFO or device would never end): see regular-file.ts.
  const { fd: file, stamp } = openRegularFile(path);
  const buffer = spareBuffers.pop() ?? Buffer.allocUnsafe(READ_BYTES);
  try {
    if ((stamps[0] ??= stamp) !== stamp) throw readError('ECHANGED');
    for (;;) {
      const bytesRead = readFailure(() => readSync(file, buffer, 0, READ_BYTES, null));
      if (bytesRead === 0) return checkUnchanged(file, stamp);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    if (spareBuffers.length < 4) spareBuffers.push(buffer);
    closeSync(file);
  }
}

async function readAll(source: ByteSource, reader: FileReader, sink?: ObservationSink): Promise<Partial<FileReport>> {
  for await (const chunk of source()) {
    for (let at = 0; at < chunk.length && !reader.done; at += PIECE_BYTES) {
      reader.push(chunk.subarray(at, at + PIECE_BYTES));
      await sink?.flush?.();
    }
    if (reader.done) break;
  }
  return reader.end();
}

function finish(out: FileCollector, report: Partial<FileReport>, followUp: FollowUp | undefined): FileReport {
  if (followUp) out.settle(followUp);
  const refused = report.status === 'refused' || out.problems.some((p) => p.code === 'spreadsheet-refused');
  return {
    file: out.file,
    status: refused ? 'refused' : 'read',
    header: {},
    series: [],
    ...report,
    counts: out.counts,
    problems: out.problems,
  };
}
