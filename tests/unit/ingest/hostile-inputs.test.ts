// One row per hostile input seen (issue 13): each is read or refused with its place, counts reconcile, and
// no value is lost, changed or invented. Inputs are built in memory (ingestBytes) or in a temporary folder.
// The ingest command's hostile paths and options run it as a child process: tests/cli/ingest-hostile.test.ts.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolveFile } from '../../../scripts/static-server.ts';
import { ingestBytes } from '../../../src/pipeline/ingest/ingest-file.ts';
import { conservationErrors, problemLine } from '../../../src/pipeline/ingest/ingest-report.ts';
import { MAX_LISTED } from '../../../src/pipeline/ingest/observations.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (text: string, options = {}) => ingestBytes(utf8(text), 'x.csv', options);
const HEAD = '数据库：分省年度数据\n指标：人口出生率(‰)\n时间：最近2年\n地区,2024年,2023年\n';
const TIDY = 'indicator,region,year,value,unit,note\n';

// [case, input, options, expected status, first problem code, written values, rejected cells]
const CASES: [string, string, object, 'read' | 'refused', string | undefined, number, number][] = [
  ['unbalanced quote swallowing rows', HEAD + '"北京市,6.09,6.1\n天津市,4.99,5.0\n', {}, 'refused', 'unclosed-quote', 0, 5],
  ['tidy note opening a quote', TIDY + '出生率,全国,2024,6.39,‰,"a\n出生率,全国,2023,6.77,‰,b\n', {}, 'refused', 'unclosed-quote', 0, 11],
  ['malformed closing quote', HEAD + '北京市,"6.09"x,6.1\n天津市,4.99,5.0\n', {}, 'refused', 'unclosed-quote', 0, 5],
  ['unquoted thousands in a wide row', HEAD + '北京市,1,234,6.1\n', {}, 'read', 'extra-fields', 0, 3],
  ['unquoted 2020,1,234,‰ in a tidy row', 'indicator,region,year,value,unit\n出生率,全国,2020,1,234,‰\n', {}, 'read', 'extra-fields', 0, 1],
  ['unquoted 1,234 shifting the unit', TIDY + '出生率,全国,2020,1,234,‰\n出生率,全国,2021,5,‰,\n', {}, 'read', 'bad-unit', 1, 1],
  ['decimal comma "0,123"', HEAD + '北京市,"0,123",6.1\n', {}, 'read', 'bad-number', 1, 1],
  ['exponent 1e-5 kept in full', HEAD + '北京市,1e-5,1.5e-3\n', {}, 'read', undefined, 2, 0],
  ['20-digit integer rejected, not rounded', HEAD + '北京市,12345678901234567890,1\n', {}, 'read', 'bad-number', 1, 1],
  [
    'exponent past 15 integer digits (1e21, 1.23456789012345e20) rejected, not written 1e+21',
    HEAD + '北京市,1e21,1.23456789012345e20\n',
    {},
    'read',
    'bad-number',
    0,
    2,
  ],
  ['exponents within 15 digits (1.5e14) and 15-digit integers kept', HEAD + '北京市,1.5e14,123456789012345\n', {}, 'read', undefined, 2, 0],
  ['header-only file', HEAD, {}, 'refused', 'no-data-rows', 0, 0],
  ['header-only tidy file', TIDY, {}, 'refused', 'no-data-rows', 0, 0],
  ['empty file', '', {}, 'refused', 'empty-file', 0, 0],
  ['UTF-16 without BOM', '', {}, 'refused', 'unreadable-encoding', 0, 0],
];

describe('hostile inputs, one row each', () => {
  it.each(CASES)('%s', (name, text, options, status, code, written, rejected) => {
    const bytes = name.startsWith('UTF-16')
      ? new Uint8Array([...'地区,2024年\n'].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]))
      : utf8(text);
    const r = ingestBytes(bytes, 'x.csv', options);
    expect(r.report.status).toBe(status);
    expect(r.report.problems[0]?.code).toBe(code);
    if (code) expect(r.report.problems[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(r.report.counts.valuesWritten).toBe(written);
    expect(r.report.counts.cellsRejected).toBe(rejected);
    expect(conservationErrors(r.report)).toEqual([]);
  });

  it('exponents are written out with their decimals, never as 0', () => {
    const r = read(HEAD + '北京市,1e-5,1.5e-3\n');
    expect(r.observations.map((o) => o.value.toFixed(o.decimals))).toEqual(['0.00001', '0.0015']);
  });

  it('places the unclosed quote at its line and column', () => {
    const r = read(HEAD + '北京市,6.09,6.1\n天津市,"4.99,5.0\n河北省,1,2\n');
    expect(r.report.problems[0]).toMatchObject({ code: 'unclosed-quote', line: 6, column: 2, cells: 5 });
    expect(r.observations.map((o) => o.value)).toEqual([6.09, 6.1]);
  });

  it('a field past the limit refuses the file instead of growing memory', () => {
    const r = ingestBytes(utf8(HEAD + '北京市,"' + 'x'.repeat(5 << 20)), 'x.csv');
    expect(r.report.status).toBe('refused');
    expect(r.report.problems[0]?.code).toBe('field-too-long');
    const zeros = ingestBytes(new Uint8Array(20 << 20), 'zero.csv');
    expect(zeros.report.status).toBe('refused');
  });

  it(`problems past ${MAX_LISTED} are summarized, counts exact`, () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `出生率,全国,${1900 + (i % 200)},abc,‰,\n`).join('');
    const r = read(TIDY + rows);
    expect(r.report.problems.length).toBeLessThanOrEqual(MAX_LISTED + 1);
    expect(r.report.counts.cellsRejected).toBe(3000);
    expect(conservationErrors(r.report)).toEqual([]);
  });

  it('a 5-million-character cell is rejected and quoted by its start and length, not echoed whole', () => {
    const r = read(TIDY + `出生率,全国,2024,${'1'.repeat(5_000_000)},‰,\n出生率,全国,2023,6.77,‰,\n`);
    expect(r.report.counts).toMatchObject({ valuesWritten: 1, cellsRejected: 1 });
    const line = problemLine(r.report.problems[0]!);
    expect(line.length).toBeLessThan(300);
    expect(line).toContain(`「${'1'.repeat(99)}…」（共 5000000 个字符）`);
  });

  it('control characters and line breaks from data are escaped on stderr, one line per problem', () => {
    const r = read(HEAD + '北京市,\u001b[31mred,1\n');
    const line = problemLine(r.report.problems[0]!);
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(line).toContain('\\u001b');
  });
});

describe('hostile workbooks', () => {
  const FIXTURE = new URL('../../fixtures/ingest/portal-national-text-numbers.xlsx', import.meta.url);
  /** The portal .xlsx fixture with its first sheet's XML changed. */
  const withSheet = (change: (xml: string) => string) => {
    const parts = unzipSync(readFileSync(FIXTURE));
    const sheet = Object.keys(parts).find((k) => /worksheets\/sheet1\.xml$/.test(k))!;
    parts[sheet] = strToU8(change(strFromU8(parts[sheet]!)));
    return zipSync(parts);
  };

  it('a sheet declaring A1:XFD1048576 is laid out from its cells, at once (it ran for ever)', () => {
    const bytes = withSheet((xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    const started = performance.now();
    const r = ingestBytes(bytes, 'dim.xlsx');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.report).toMatchObject({ status: 'read', counts: { valuesWritten: 3 } });
  });

  it('a workbook whose zip says it inflates past 256 MB is refused before it is inflated', () => {
    const bytes = withSheet((xml) => xml);
    // The central directory's uncompressed size of one part, set to 300 MB (a bomb's honest header).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at--;
    view.setUint32(view.getUint32(at + 16, true) + 24, 300 << 20, true);
    const r = ingestBytes(bytes, 'bomb.xlsx');
    expect(r.report.status).toBe('refused');
    expect(r.report.problems).toEqual([
      expect.objectContaining({ code: 'spreadsheet-refused', message: expect.stringMatching(/解压后有 \d+ 字节，超过 268435456 字节的上限/) }),
    ]);
  });
});

describe('the preview server', () => {
  it('serves no symlink that points out of its root', () => {
    const d = mkdtempSync(join(tmpdir(), 'serve-'));
    writeFileSync(join(d, 'index.html'), 'hi');
    symlinkSync('/etc/passwd', join(d, 'passwd'));
    expect(resolveFile(d, '/index.html')).toContain('index.html');
    expect(resolveFile(d, '/passwd')).toBeNull();
    expect(resolveFile(d, '/../../etc/passwd')).toBeNull();
  });
});
