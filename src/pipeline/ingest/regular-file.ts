// Opening an input file safely: only a regular file is read. A FIFO opened the ordinary way waits for a writer
// forever, and a device such as /dev/zero never ends, so every input (exports, workbooks, the catalog's YAML)
// is opened without blocking and checked on the open descriptor before a byte is read.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file could not be read, by the system's error code (ENOTREGULAR and ETOOBIG are ours). */
export const READ_ERRORS: Record<string, string> = {
  ENOENT: '文件不存在',
  EISDIR: '这是一个文件夹',
  ENOTREGULAR: '不是普通文件（FIFO、设备或套接字）',
  EACCES: '没有读取权限',
  ENAMETOOLONG: '路径太长',
  ELOOP: '符号链接循环',
  ETOOBIG: '文件过大',
  EILSEQ: '不是 UTF-8 文本',
  ECHANGED: '读取时文件被改动（大小或修改时间变了，多半还在写入或下载）：请等它写完后重新读取',
};

/** The file could not be opened or read (missing, a folder, a FIFO, no permission, an I/O error). */
export class ReadError extends Error {
  readonly code: string;
  constructor(cause: unknown) {
    super(String(cause), { cause });
    this.code = (cause as NodeJS.ErrnoException).code ?? String(cause);
  }
}

/** The reason in words, for a one-line message. */
export function readErrorText(error: ReadError): string {
  return READ_ERRORS[error.code] ?? error.code;
}

export function readFailure<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof ReadError ? error : new ReadError(error);
  }
}

/** A ReadError of our own code (ENOTREGULAR, ETOOBIG, ECHANGED, EILSEQ). */
export function readError(code: string): ReadError {
  return new ReadError(Object.assign(new Error(code), { code }));
}

/**
 * What a file is at a moment (size, modification and change times, in nanoseconds): a file being written,
 * truncated or replaced while it is read has another stamp at the end of the reading than at its start.
 */
function stampOf(info: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint }): string {
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
}

/** A descriptor of a regular file (throws ReadError otherwise), its size and its stamp; the caller closes it. */
export function openRegularFile(path: string | Buffer): { fd: number; size: number; stamp: string } {
  const fd = readFailure(() => openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
  const info = fstatSync(fd, { bigint: true });
  if (!info.isFile()) {
    closeSync(fd);
    throw readError(info.isDirectory() ? 'EISDIR' : 'ENOTREGULAR');
  }
  return { fd, size: Number(info.size), stamp: stampOf(info) };
}

/** Throws ECHANGED when the open file's stamp is no longer `stamp`: what was read is not one version of it. */
export function checkUnchanged(fd: number, stamp: string): void {
  if (stampOf(fstatSync(fd, { bigint: true })) !== stamp) throw readError('ECHANGED');
}

/** A whole regular file of at most `maxBytes` (ETOOBIG past it, checked before and while reading: it may grow). */
export function readRegularFile(path: string | Buffer, maxBytes: number): Buffer {
  const { fd, size, stamp } = openRegularFile(path);
  try {
    if (size > maxBytes) throw readError('ETOOBIG');
    // One byte more than expected, so a file that grows while read is noticed rather than cut.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes, size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw readError('ETOOBIG');
        const whole = readRest(fd, buffer, maxBytes);
        checkUnchanged(fd, stamp);
        return whole;
      }
      const n = readFailure(() => readSync(fd, buffer, length, buffer.length - length, null));
      if (n === 0) {
        checkUnchanged(fd, stamp);
        return buffer.subarray(0, length);
      }
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** A file holding more than its stated size (a /proc file says 0; one still being written is refused after): read on in chunks up to the limit. */
function readRest(fd: number, start: Buffer, maxBytes: number): Buffer {
  const pieces = [start];
  let length = start.length;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    const n = readFailure(() => readSync(fd, chunk, 0, chunk.length, null));
    if (n === 0) return Buffer.concat(pieces, length);
    length += n;
    if (length > maxBytes) throw readError('ETOOBIG');
    pieces.push(Buffer.from(chunk.subarray(0, n)));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A whole regular UTF-8 text file (a leading BOM dropped), or ReadError (EILSEQ when it is not UTF-8). */
export function readTextFile(path: string, maxBytes: number): string {
  const bytes = readRegularFile(path, maxBytes);
  try {
    return utf8.decode(bytes);
  } catch {
    throw readError('EILSEQ');
  }
}
