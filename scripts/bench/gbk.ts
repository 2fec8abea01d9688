// Encodes text as GBK, as classic statistics-bureau exports are: Node decodes GBK but has no encoder, so the
// table is built once by decoding every two-byte code.
let table: Map<string, number> | undefined;

function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && !table.has(char)) table.set(char, (lead << 8) | trail);
      } catch {
        // not a GBK code
      }
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const char of text) {
    const ascii = char.charCodeAt(0);
    if (ascii < 0x80) {
      out[n++] = ascii;
      continue;
    }
    const code = codes.get(char);
    if (code === undefined) throw new Error(`「${char}」 has no GBK code`);
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.subarray(0, n);
}
