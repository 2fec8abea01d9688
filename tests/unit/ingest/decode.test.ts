// Stage 1, decode: the encoding is decided on the first non-ASCII piece, strictly; a wrong byte names its line
// and field; pieces are cut at line breaks so that each decodes alone.
import { describe, expect, it } from 'vitest';
import { LineChunker, StrictDecoder } from '../../../src/pipeline/ingest/decode.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('StrictDecoder', () => {
  it('decides UTF-8 on the first non-ASCII piece and keeps to it', () => {
    const d = new StrictDecoder();
    expect(d.decode(ascii('a,b\n'), 1)).toEqual({ ok: true, text: 'a,b\n' });
    expect(d.encoding).toBeUndefined(); // ASCII reads the same either way
    expect(d.decode(new TextEncoder().encode('北京市,6.09\n'), 2)).toEqual({ ok: true, text: '北京市,6.09\n' });
    expect(d.encoding).toBe('utf-8');
    const bad = d.decode(new Uint8Array([0x61, 0x0a, 0x62, 0x2c, 0xff, 0x0a]), 3);
    expect(bad).toMatchObject({ ok: false, line: 4, column: 2 });
  });

  it('reads GBK bytes as GB18030', () => {
    const d = new StrictDecoder();
    const bytes = new Uint8Array([0xb1, 0xb1, 0xbe, 0xa9, 0x0a]); // 北京 in GBK
    expect(d.decode(bytes, 1)).toEqual({ ok: true, text: '北京\n' });
    expect(d.encoding).toBe('gb18030');
  });

  it('a BOM decides UTF-8 and is skipped; UTF-16 is refused by name', () => {
    const d = new StrictDecoder();
    expect(d.start(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBeUndefined();
    expect([d.encoding, d.skip]).toEqual(['utf-8-bom', 3]);
    expect(new StrictDecoder().start(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('UTF-16'),
    });
  });
});

describe('LineChunker', () => {
  it('cuts at the last line break, never inside a CR LF, and keeps the rest for the next piece', () => {
    const c = new LineChunker();
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(c.push(enc('ab'))).toBeUndefined();
    expect(c.carried).toBe(2);
    expect(new TextDecoder().decode(c.push(enc('c\r\nde')))).toBe('abc\r\n');
    expect(new TextDecoder().decode(c.end())).toBe('de');
    expect(c.carried).toBe(0);
  });
});
