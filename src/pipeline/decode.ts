// Encoding detection for statistics-bureau exports: UTF-8 (with or without BOM) or GB18030/GBK.
// Decoding is strict, so a wrong guess fails instead of letting mojibake reach the output.
import type { Encoding } from './types.ts';

export type Decoded = { ok: true; encoding: Encoding; text: string } | { ok: false; message: string };

const BOM = [0xef, 0xbb, 0xbf];

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    if (text !== undefined) return { ok: true, encoding: 'utf-8-bom', text };
    return { ok: false, message: '文件以 UTF-8 BOM 开头，但其后的内容不是有效的 UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: false, message: '文件是 UTF-16 编码；请另存为 UTF-8 或 GBK 编码的 CSV' };
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== undefined) {
    if (looksLikeMojibake(utf8)) {
      return { ok: false, message: '文件内容是乱码（如「Êý¾Ý」）：它曾被按错误的编码转换后保存；请从原始导出文件重新读取' };
    }
    return { ok: true, encoding: 'utf-8', text: utf8 };
  }
  // GB18030 is a superset of GBK and GB2312, so it reads all three; strictness still catches binary junk.
  const gb = strictDecode('gb18030', bytes);
  if (gb !== undefined && !looksBinary(gb)) return { ok: true, encoding: 'gb18030', text: gb };
  return { ok: false, message: '无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030 文本' };
}

function strictDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * GBK or UTF-8 bytes once decoded as Latin-1 and saved again as UTF-8 give Latin-1 letters where Chinese
 * should be. Statistical tables here are Chinese, so many such letters and few Chinese characters is mojibake.
 */
function looksLikeMojibake(text: string): boolean {
  const sample = text.slice(0, 8192);
  const latin1 = sample.match(/[\u0080-\u00ff]/g)?.length ?? 0;
  const cjk = sample.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return latin1 >= 4 && latin1 > cjk;
}

/** Control characters other than TAB/CR/LF mean this is not a text table (e.g. a renamed binary file). */
function looksBinary(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096));
}
