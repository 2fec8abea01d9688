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

function failure(code: string): ReadError {
  return new ReadError(Object.assign(new Error(code), { code }));
}

/** A descriptor of a regular file (throws ReadError otherwise) and its size; the caller closes it. */
export function openRegularFile(path: string | Buffer): { fd: number; size: number } {
  const fd = readFailure(() => openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
  const info = fstatSync(fd);
  if (!info.isFile()) {
    closeSync(fd);
    throw failure(info.isDirectory() ? 'EISDIR' : 'ENOTREGULAR');
  }
  return { fd, size: info.size };
}

/** A whole regular file of at most `maxBytes` (ETOOBIG past it, checked before and while reading: it may grow). */
export function readRegularFile(path: string | Buffer, maxBytes: number): Buffer {
  const { fd, size } = openRegularFile(path);
  try {
    if (size > maxBytes) throw failure('ETOOBIG');
    // One byte more than expected, so a file that grows while read is noticed rather than cut.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes, size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw failure('ETOOBIG');
        return readRest(fd, buffer, maxBytes);
      }
      const n = readFailure(() => readSync(fd, buffer, length, buffer.length - length, null));
      if (n === 0) return buffer.subarray(0, length);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** A file that grew past its stated size (still being written): read on in chunks up to the limit. */
function readRest(fd: number, start: Buffer, maxBytes: number): Buffer {
  const pieces = [start];
  let length = start.length;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    const n = readFailure(() => readSync(fd, chunk, 0, chunk.length, null));
    if (n === 0) return Buffer.concat(pieces, length);
    length += n;
    if (length > maxBytes) throw failure('ETOOBIG');
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
    throw failure('EILSEQ');
  }
}
