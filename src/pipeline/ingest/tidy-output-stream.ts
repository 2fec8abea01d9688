// The tidy CSV of `npm run ingest`, written while the input is read, byte for byte as tidyCsv writes it (same
// columns, BOM, formula guard, quoting and decimals). A wide export yields ten times its size in tidy rows, so rows are put
// together as bytes: the text cells repeat row after row and are encoded once, only year and value change.
import { once } from 'node:events';
import { createWriteStream, lstatSync, unlinkSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { ObservationSink } from './observations.ts';
import { BOM } from '../../shared/downloads/csv-cells.ts';
import { PERIOD_COLUMN, TIDY_COLUMNS, decimalText, tidyTextCell as csvCell } from './tidy-output.ts';
import type { Observation } from '../types.ts';

const BUFFER_BYTES = 256 * 1024;

/**
 * A stream to a new file at `path`: whatever is there already (a stale .partial, or a link or hard link someone
 * left under that name, pointing at an input) is unlinked, never opened, and the file is created exclusively
 * (O_EXCL does not follow a link). Opened the ordinary way, a link named x.csv.partial wrote the output into
 * the input it pointed at. Errors (a folder of that name) come as the stream's error event.
 */
export function createFreshFile(path: string, highWaterMark?: number): WriteStream {
  let error: unknown;
  try {
    // Nearly always nothing is there: asked without an exception, as in notAFile (ingest-run.ts).
    if (lstatSync(path, { throwIfNoEntry: false })) unlinkSync(path);
  } catch (cause) {
    error = cause;
  }
  const stream = createWriteStream(path, { flags: 'wx', ...(highWaterMark ? { highWaterMark } : {}) });
  if (error) process.nextTick(() => stream.destroy(error as Error));
  return stream;
}

// Buffers come back here once the disk has them: allocating a fresh 256 KB for each one costs more than the
// rows in it on a busy machine (page faults), and a folder of exports would allocate thousands.
const spare: Buffer[] = [];
const takeBuffer = (need: number) => (need <= BUFFER_BYTES && spare.pop()) || Buffer.allocUnsafe(Math.max(BUFFER_BYTES, need));
const giveBack = (buffer: Buffer) => {
  if (buffer.length === BUFFER_BYTES && spare.length < 16) spare.push(buffer);
};
const COMMA = 0x2c;
const NEWLINE = 0x0a;

export class TidyCsvWriter implements ObservationSink {
  /** add copies what it needs into bytes at once: the collector may reuse one observation object. */
  readonly keepsNothing = true;
  private readonly path: string;
  private readonly stream: WriteStream;
  private periods: boolean | undefined;
  private error: Error | undefined;
  private buffer = takeBuffer(0);
  private at = 0;
  // A row is `<indicator,unit,region_code,region,>year,value<,source_file,>source_line`: the bracketed parts
  // repeat value after value (a wide export's row gives dozens of values), so each is encoded once and kept
  // with the texts it was made from; year, value and line are written as ASCII digits.
  private indicator: string | undefined;
  private unit = '';
  private regionCode = '';
  private region = '';
  private lead = Buffer.alloc(0);
  private readonly places = new Map<string, { region: string; bytes: Buffer }>();
  private prefix = Buffer.alloc(0);
  private sourceFile: string | undefined;
  private fileCell = Buffer.alloc(0);
  /** Where the last row's end was written in `buffer` (-1: not in it), and what it was written from. */
  private endAt = -1;
  private endLength = 0;
  private endLine = -1;
  private endFile = '';
  private endPeriod: string | undefined;

  constructor(path: string) {
    this.path = path;
    // Written beside its final name and renamed once complete: a refused input never replaces or deletes a file
    // that is already there. A deeper buffer than the default lets reading go on while the disk writes.
    this.stream = createFreshFile(`${path}.partial`, 1 << 20);
    // A write error (the name is a folder, the disk is full) is kept and thrown by close, never left unhandled.
    this.stream.on('error', (error) => (this.error ??= error));
    this.buffer.set(Buffer.from(BOM, 'utf8'), 0);
    this.at = 3;
  }

  /** Whether the output has the 9th column, period (known once a row was added). */
  get hasPeriods(): boolean {
    return this.periods === true;
  }

  /** The header, once the first row says whether the table has periods (a 9th column, last). */
  private header(periods: boolean): void {
    this.periods = periods;
    this.ascii(`${TIDY_COLUMNS.join(',')}${periods ? `,${PERIOD_COLUMN}` : ''}\n`);
  }

  add(o: Observation, text?: string): void {
    if (this.periods === undefined) this.header(o.period !== undefined);
    if (o.indicator !== this.indicator || o.unit !== this.unit || o.regionCode !== this.regionCode || o.region !== this.region) this.newPrefix(o);
    if (o.sourceFile !== this.sourceFile) {
      this.sourceFile = o.sourceFile;
      this.fileCell = Buffer.from(`,${csvCell(o.sourceFile)},`, 'utf8');
    }
    const value = text ?? decimalText(o.value, o.decimals);
    const prefix = this.prefix;
    const fileCell = this.fileCell;
    const size = prefix.length + fileCell.length + value.length + 32;
    if (this.at + size > this.buffer.length) this.writeOut(size);
    const buffer = this.buffer;
    // TypedArray.set: several times faster than Buffer.copy or a loop for the 30 to 40 bytes of each part.
    buffer.set(prefix, this.at);
    let at = this.at + prefix.length;
    // Year and value are digits, '.' and '-' (toFixed may add 'e+' for huge values): ASCII, never quoted.
    const year = o.year;
    if (year >= 1000 && year <= 9999 && year === (year | 0)) {
      buffer[at + 3] = 48 + (year % 10);
      buffer[at + 2] = 48 + (((year / 10) | 0) % 10);
      buffer[at + 1] = 48 + (((year / 100) | 0) % 10);
      buffer[at] = 48 + ((year / 1000) | 0);
      at += 4;
    } else {
      const digits = String(year);
      for (let i = 0; i < digits.length; i++) buffer[at++] = digits.charCodeAt(i);
    }
    buffer[at++] = COMMA;
    for (let i = 0; i < value.length; i++) buffer[at++] = value.charCodeAt(i);
    // Speed trick: the values of one source row share the row's end (`,source_file,source_line[,period]`), so
    // it is copied from where it was last written in this buffer rather than written out again.
    if (
      o.sourceLine === this.endLine &&
      o.sourceFile === this.endFile &&
      o.period === this.endPeriod &&
      this.endAt !== -1 &&
      at + this.endLength <= buffer.length
    ) {
      buffer.copyWithin(at, this.endAt, this.endAt + this.endLength);
      this.at = at + this.endLength;
      return;
    }
    buffer.set(fileCell, at);
    this.at = at + fileCell.length;
    if (!this.periods) this.integer(o.sourceLine, NEWLINE);
    else {
      this.integer(o.sourceLine, COMMA);
      this.ascii(o.period ?? '', NEWLINE);
    }
    // (ascii may have moved on to a new buffer: then the end is not in this one.)
    this.endAt = this.buffer === buffer ? at : -1;
    this.endLength = this.at - at;
    this.endLine = o.sourceLine;
    this.endFile = o.sourceFile;
    this.endPeriod = o.period;
  }

  /** `indicator,unit,` is kept while it lasts; `region_code,region,` is encoded once per region and file. */
  private newPrefix(o: Observation): void {
    if (o.indicator !== this.indicator || o.unit !== this.unit) {
      this.indicator = o.indicator;
      this.unit = o.unit;
      this.lead = Buffer.from(`${csvCell(o.indicator)},${csvCell(o.unit)},`, 'utf8');
    }
    this.regionCode = o.regionCode;
    this.region = o.region;
    let place = this.places.get(o.regionCode);
    if (place?.region !== o.region) {
      if (this.places.size >= 10_000) this.places.clear();
      place = { region: o.region, bytes: Buffer.from(`${csvCell(o.regionCode)},${csvCell(o.region)},`, 'utf8') };
      this.places.set(o.regionCode, place);
    }
    const prefix = Buffer.allocUnsafe(this.lead.length + place.bytes.length);
    prefix.set(this.lead, 0);
    prefix.set(place.bytes, this.lead.length);
    this.prefix = prefix;
  }

  /** Between pieces of the input: hands a well-filled buffer to the stream, and waits while the disk catches up. */
  async flush(): Promise<void> {
    if (this.at > BUFFER_BYTES / 2) this.writeOut(0);
    if (this.error) throw this.error;
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  /** Finishes the file (`empty`: no rows; kept for callers, the header line alone is the file then). */
  async close(_empty = false): Promise<void> {
    if (this.periods === undefined) this.header(false);
    this.writeOut(0, true);
    this.stream.end();
    try {
      // Inside the try: a stream that failed (the disk full) rejects here, and its .partial must go too.
      await finished(this.stream);
      if (this.error) throw this.error;
      await rename(`${this.path}.partial`, this.path);
    } catch (error) {
      // Nothing half-written is left behind beside the outputs.
      await rm(`${this.path}.partial`, { force: true });
      throw error;
    }
  }

  /** The input was refused: nothing is written. */
  async discard(): Promise<void> {
    this.stream.end();
    await finished(this.stream).catch(() => undefined);
    await rm(`${this.path}.partial`, { force: true });
  }

  private ascii(text: string, end?: number): void {
    if (this.at + text.length + 1 > this.buffer.length) this.writeOut(text.length + 1);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    if (end !== undefined) buffer[at++] = end;
    this.at = at;
  }

  /** A whole number's digits, as String() writes them (the room was reserved by add). */
  private integer(n: number, end: number): void {
    if (!(n >= 0 && n < 2 ** 31 && n === (n | 0))) return this.ascii(String(n), end);
    const buffer = this.buffer;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++;
    const start = this.at;
    let at = start + digits;
    for (let rest = n; at > start; rest = (rest / 10) | 0) buffer[--at] = 48 + (rest % 10);
    buffer[start + digits] = end;
    this.at = start + digits + 1;
  }

  /** Sends what is in the buffer to the stream (which keeps it until written); a new buffer with room for `need` bytes. */
  private writeOut(need: number, closing = false): void {
    if (this.at > 0) {
      const full = this.buffer;
      this.stream.write(full.subarray(0, this.at), () => giveBack(full));
      this.at = 0;
      this.endAt = -1;
      this.buffer = closing ? Buffer.alloc(0) : takeBuffer(need);
    } else if (need > this.buffer.length) {
      this.endAt = -1;
      this.buffer = takeBuffer(need);
    } else if (closing) {
      giveBack(this.buffer);
    }
  }
}
