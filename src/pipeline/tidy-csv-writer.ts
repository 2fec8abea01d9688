// The tidy CSV of `npm run ingest`, written while the input is read, byte for byte as tidyCsv writes it (same
// columns, quoting and decimals). A wide export yields ten times its size in tidy rows, so rows are put
// together as bytes: the text cells repeat row after row and are encoded once, only year and value change.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { ObservationSink } from './collector.ts';
import { TIDY_COLUMNS, formatValue } from './tidy-csv.ts';
import type { Observation } from './types.ts';

const BUFFER_BYTES = 256 * 1024;

// Buffers come back here once the disk has them: allocating a fresh 256 KB for each one costs more than the
// rows in it on a busy machine (page faults), and a folder of exports would allocate thousands.
const spare: Buffer[] = [];
const takeBuffer = (need: number) => (need <= BUFFER_BYTES && spare.pop()) || Buffer.allocUnsafe(Math.max(BUFFER_BYTES, need));
const giveBack = (buffer: Buffer) => {
  if (buffer.length === BUFFER_BYTES && spare.length < 16) spare.push(buffer);
};
const COMMA = 0x2c;
const NEWLINE = 0x0a;

/** A text cell as Papa.unparse writes it: quoted when it holds a comma, quote, line break or BOM, or starts or ends with a space. */
export function csvCell(text: string): string {
  return /[",\r\n\ufeff]|^ | $/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The encoded cell of a column whose values repeat (indicator, unit, region, file): the last one is kept. */
class RepeatingCell {
  private last: string | undefined;
  bytes = Buffer.alloc(0);

  of(text: string): Buffer {
    if (text !== this.last) {
      this.last = text;
      this.bytes = Buffer.from(csvCell(text), 'utf8');
    }
    return this.bytes;
  }
}

export class TidyCsvWriter implements ObservationSink {
  private readonly path: string;
  private readonly stream: WriteStream;
  private buffer = takeBuffer(0);
  private at = 0;
  private readonly cells = [new RepeatingCell(), new RepeatingCell(), new RepeatingCell(), new RepeatingCell(), new RepeatingCell()];

  constructor(path: string) {
    this.path = path;
    // A deeper buffer than the default lets reading go on while the disk writes.
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.ascii(`${TIDY_COLUMNS.join(',')}\n`);
  }

  add(o: Observation, text?: string): void {
    const cells = this.cells;
    const indicator = cells[0]!.of(o.indicator);
    const unit = cells[1]!.of(o.unit);
    const code = cells[2]!.of(o.regionCode);
    const region = cells[3]!.of(o.region);
    const file = cells[4]!.of(o.sourceFile);
    const value = text ?? formatValue(o.value, o.decimals);
    const size = indicator.length + unit.length + code.length + region.length + file.length + value.length + 40;
    if (this.at + size > this.buffer.length) this.writeOut(size);
    this.bytes(indicator, COMMA);
    this.bytes(unit, COMMA);
    this.bytes(code, COMMA);
    this.bytes(region, COMMA);
    // Year, value and line are digits, '.' and '-' (toFixed may add 'e+' for huge values): ASCII, never quoted.
    this.integer(o.year, COMMA);
    this.ascii(value, COMMA);
    this.bytes(file, COMMA);
    this.integer(o.sourceLine, NEWLINE);
  }

  /** Between pieces of the input: hands a well-filled buffer to the stream, and waits while the disk catches up. */
  async flush(): Promise<void> {
    if (this.at > BUFFER_BYTES / 2) this.writeOut(0);
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  /** Finishes the file. A file with no rows is `header\n\n`, as Papa.unparse + '\n' wrote it. */
  async close(empty: boolean): Promise<void> {
    if (empty) this.ascii('\n');
    this.writeOut(0, true);
    this.stream.end();
    await finished(this.stream);
  }

  /** The input was refused: nothing is written. */
  async discard(): Promise<void> {
    this.stream.end();
    await finished(this.stream).catch(() => undefined);
    await rm(this.path, { force: true });
  }

  // Cells are a few bytes each: a typed-array set and a plain loop beat Buffer.copy and Buffer.write here.
  private bytes(bytes: Buffer, end: number): void {
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
    this.buffer[this.at++] = end;
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
      this.buffer = closing ? Buffer.alloc(0) : takeBuffer(need);
    } else if (need > this.buffer.length) {
      this.buffer = takeBuffer(need);
    } else if (closing) {
      giveBack(this.buffer);
    }
  }
}
