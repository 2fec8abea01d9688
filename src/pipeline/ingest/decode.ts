// Stage 1 of ingestion: encoding detection and strict decoding of statistics-bureau exports, piece by piece: UTF-8 (with or without
// BOM) or GB18030/GBK. Strict, so a wrong guess fails, naming the line, instead of letting mojibake through.
import { isUtf8 } from 'node:buffer';
import type { Encoding } from '../types.ts';

/** Text of whole lines, or the reason the bytes cannot be read and where. */
export type Decoded = { ok: true; text: string } | { ok: false; message: string; line: number; column: number };

const BOM = [0xef, 0xbb, 0xbf];
const UNKNOWN = '无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030 文本';
const MOJIBAKE = '文件内容是乱码（如「Êý¾Ý」）：它曾被按错误的编码转换后保存；请从原始导出文件重新读取';

/**
 * Decodes a file given as pieces that each end at a line break (see LineChunker). The encoding is decided on
 * the first piece that is not plain ASCII (ASCII reads the same either way); a later piece that does not
 * decode refuses the file at that line (before streaming, the whole file was tried both ways).
 */
export class StrictDecoder {
  encoding: Encoding | undefined;
  /** Bytes to skip at the start of the file (the BOM). */
  skip = 0;
  /** The file's first 8192 characters so far: detection looks only at these, as it did before streaming. */
  private head = '';
  /** A file with a BOM is looked at for mojibake once, on its first piece that is not ASCII. */
  private mojibakeChecked = false;

  /** Looks at the file's first bytes before any piece is decoded: a BOM decides, UTF-16 is refused. */
  start(head: Uint8Array): Decoded | undefined {
    // UTF-32 first: its little-endian BOM starts with UTF-16's.
    if (
      (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) ||
      (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff)
    ) {
      return { ok: false, message: '文件是 UTF-32 编码；请另存为 UTF-8 或 GBK 编码的 CSV', line: 1, column: 1 };
    }
    // UTF-16 (either byte order, with a BOM or without: then every other byte of ASCII text is zero).
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || looksUtf16(head)) {
      return { ok: false, message: '文件是 UTF-16 编码；请另存为 UTF-8 或 GBK 编码的 CSV', line: 1, column: 1 };
    }
    if (head[0] === BOM[0] && head[1] === BOM[1] && head[2] === BOM[2]) {
      this.skip = 3;
      this.encoding = 'utf-8-bom';
    }
    return undefined;
  }

  /** `piece` holds whole lines; `firstLine` is the line it starts on. */
  decode(piece: Uint8Array, firstLine: number): Decoded {
    if (this.encoding) return this.strict(piece, firstLine);
    if (!hasHighBytes(piece)) return this.read(latin1.decode(piece));
    const utf8 = tryDecode('utf-8', piece);
    if (utf8 !== undefined) {
      if (looksLikeMojibake(this.head + utf8.slice(0, 8192))) return { ok: false, message: MOJIBAKE, line: 1, column: 1 };
      this.encoding = 'utf-8';
      return this.read(utf8);
    }
    // GB18030 is a superset of GBK and GB2312, so it reads all three; strictness still catches binary junk.
    const gb = tryDecode('gb18030', piece);
    if (gb === undefined) {
      // Neither reads it: the bad byte is where the encoding that reads further stops (a UTF-8 file with one
      // lone surrogate on line 6 is not GB18030 from line 2 on; naming line 2 would send the reader astray).
      const asUtf8 = this.failure(piece, firstLine, 'utf-8', UNKNOWN);
      const asGb = this.failure(piece, firstLine, 'gb18030', UNKNOWN);
      return asUtf8.line >= asGb.line ? asUtf8 : asGb;
    }
    if (looksBinary(this.head + gb.slice(0, 4096))) return { ok: false, message: UNKNOWN, line: 1, column: 1 };
    const foreign = foreignCharacters(this.head + gb.slice(0, 8192));
    if (foreign !== undefined)
      return {
        ok: false,
        message: `按 GBK/GB18030 读出的是私用区字符、日文假名或西里尔字母（如「${foreign}」）而不是中文：文件多半是繁体 Big5 编码；请另存为 UTF-8 后读取`,
        line: 1,
        column: 1,
      };
    this.encoding = 'gb18030';
    return this.read(gb);
  }

  /**
   * A piece of a UTF-8 file as its bytes, one character each (Latin-1), when it is valid UTF-8; undefined
   * otherwise (the file is not UTF-8, or decode names the bad line). Speed trick for tidy files: checking UTF-8
   * is many times cheaper than decoding it, and the row reader decodes only the cells it needs (see RowCells).
   */
  utf8Bytes(piece: Uint8Array): string | undefined {
    if (this.encoding !== 'utf-8' && this.encoding !== 'utf-8-bom') return undefined;
    if (!isUtf8(piece)) return undefined;
    return Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('latin1');
  }

  private read(text: string): Decoded {
    if (this.head.length < 8192) this.head += text.slice(0, 8192 - this.head.length);
    return { ok: true, text };
  }

  private strict(piece: Uint8Array, firstLine: number): Decoded {
    const text = tryDecode(this.encoding === 'gb18030' ? 'gb18030' : 'utf-8', piece);
    if (text !== undefined) {
      // A BOM decides the encoding, not whether the text was mangled before it was saved: GBK read as Latin-1
      // and saved as UTF-8 with a BOM was read, labels such as 「ÈË¿Ú³öÉúÂÊ」 written. Looked at once, as without one.
      if (this.encoding === 'utf-8-bom' && !this.mojibakeChecked && hasHighBytes(piece)) {
        this.mojibakeChecked = true;
        if (looksLikeMojibake(this.head + text.slice(0, 8192))) return { ok: false, message: MOJIBAKE, line: 1, column: 1 };
      }
      return this.read(text);
    }
    const message =
      this.encoding === 'utf-8-bom'
        ? '文件以 UTF-8 BOM 开头，但其后的内容不是有效的 UTF-8'
        : this.encoding === 'utf-8'
          ? '文件前面是 UTF-8 文本，这一行却不是有效的 UTF-8：文件混用了两种编码；请从原始导出文件重新读取'
          : '文件前面是 GBK/GB18030 文本，这一行却含有无效字节：文件已损坏或混用了编码；请从原始导出文件重新读取';
    return this.failure(piece, firstLine, this.encoding === 'gb18030' ? 'gb18030' : 'utf-8', message);
  }

  /** Finds the first line (and field) of `piece` that does not decode. */
  private failure(piece: Uint8Array, firstLine: number, label: string, message: string): Extract<Decoded, { ok: false }> {
    let line = firstLine;
    let start = 0;
    for (let i = 0; i <= piece.length; i++) {
      const b = piece[i];
      if (i < piece.length && b !== 0x0a && b !== 0x0d) continue;
      const bytes = piece.subarray(start, i);
      if (tryDecode(label, bytes) === undefined) return { ok: false, message, line, column: fieldOfBadByte(label, bytes) };
      if (b === 0x0d && piece[i + 1] === 0x0a) i++;
      start = i + 1;
      line++;
    }
    return { ok: false, message, line: firstLine, column: 1 };
  }
}

const latin1 = new TextDecoder('latin1');

/** UTF-16 without a BOM: ASCII characters (commas, digits, line breaks) leave zero bytes, all at one parity. */
function looksUtf16(head: Uint8Array): boolean {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // A few zero bytes at the other parity are characters such as 最 (U+6700), not a sign against UTF-16.
  return (odd * 5 >= pairs && even * 20 <= odd) || (even * 5 >= pairs && odd * 20 <= even);
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

// One strict GB18030 decoder, shared by every file (UTF-8 goes through Node's validator instead): a whole
// piece is decoded at once (not streamed), so a decoder keeps nothing from one call to the next, and opening
// an ICU converter per file is saved. One that has failed is replaced, in case a failure leaves anything behind.
const shared = new Map<string, TextDecoder>();

function tryDecode(label: string, bytes: Uint8Array, stream = false): string | undefined {
  // Node's UTF-8 validator is much faster than a fatal TextDecoder, and failing costs no exception.
  if (label === 'utf-8' && !stream) return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') : undefined;
  const decoder = (!stream && shared.get(label)) || new TextDecoder(label, { fatal: true, ignoreBOM: true });
  try {
    const text = decoder.decode(bytes, { stream });
    if (!stream) shared.set(label, decoder);
    return text;
  } catch {
    if (!stream) shared.delete(label);
    return undefined;
  }
}

/** Field number (1-based) of the first undecodable byte: commas before it. A comma byte is never inside a character. */
function fieldOfBadByte(label: string, line: Uint8Array): number {
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tryDecode(label, line.subarray(0, mid), true) !== undefined) lo = mid;
    else hi = mid - 1;
  }
  let commas = 0;
  for (let i = 0; i < lo; i++) if (line[i] === 0x2c) commas++;
  return commas + 1;
}

/**
 * GBK or UTF-8 bytes once decoded as Latin-1 and saved again as UTF-8 give Latin-1 letters where Chinese
 * should be. Statistical tables here are Chinese, so many such letters and few Chinese characters is mojibake.
 */
function looksLikeMojibake(text: string): boolean {
  const sample = text.slice(0, 8192);
  const latin = sample.match(/[\u0080-\u00ff]/g)?.length ?? 0;
  const cjk = sample.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return latin >= 4 && latin > cjk;
}

/**
 * Big5 bytes are nearly all valid GBK, but read as GBK its commonest characters (lead bytes A4–AF) come out as
 * private-use characters, kana, Greek or Cyrillic, which a Chinese statistics table never holds (none of the
 * GBK exports of the corpus has one); more than a few among the Chinese characters is Big5 (人口出生率 read as
 * GBK is 「ネ瞯」 and private-use characters). Returns a few of them to show, or undefined.
 */
function foreignCharacters(text: string): string | undefined {
  const foreign = text.match(/[-぀-ヿЀ-ӿ]/g);
  if (!foreign || foreign.length < 2) return undefined;
  const cjk = text.match(/[一-鿿]/g)?.length ?? 0;
  if (foreign.length * 10 < cjk) return undefined;
  // Private-use characters are invisible: each is shown by its code point.
  return foreign
    .slice(0, 4)
    .map((c) => (c >= '' && c <= '' ? `U+${c.charCodeAt(0).toString(16).toUpperCase()}` : c))
    .join(' ');
}

/** Control characters other than TAB/CR/LF mean this is not a text table (e.g. a renamed binary file). */
function looksBinary(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096));
}

/**
 * Cuts a byte stream into pieces that end at a line break (LF, or CR in files without LF), so that each
 * piece decodes on its own and a decoding error names its line. A CR LF pair is never split.
 */
export class LineChunker {
  private carry: Uint8Array[] = [];
  /** Bytes held waiting for a line break (the caller refuses a file whose line grows past a limit). */
  carried = 0;

  push(bytes: Uint8Array): Uint8Array | undefined {
    let cut = bytes.lastIndexOf(0x0a);
    if (cut === -1) {
      const cr = bytes.lastIndexOf(0x0d);
      if (cr !== -1 && cr < bytes.length - 1) cut = cr; // the byte after it is not LF: there is none in `bytes`
    }
    // What is kept is copied: the caller may reuse `bytes` once this returns (and the piece is decoded).
    if (cut === -1) {
      this.carry.push(Uint8Array.prototype.slice.call(bytes));
      this.carried += bytes.length;
      return undefined;
    }
    const piece = this.join(bytes.subarray(0, cut + 1));
    this.carry = cut + 1 < bytes.length ? [Uint8Array.prototype.slice.call(bytes, cut + 1)] : [];
    this.carried = bytes.length - cut - 1;
    return piece;
  }

  end(): Uint8Array | undefined {
    const rest = this.join(new Uint8Array(0));
    this.carry = [];
    this.carried = 0;
    return rest.length > 0 ? rest : undefined;
  }

  private join(last: Uint8Array): Uint8Array {
    if (this.carry.length === 0) return last;
    return Buffer.concat([...this.carry, last]);
  }
}
