// One row per hostile input seen (issue 13): each is read or refused with its place, counts reconcile, and
// no value is lost, changed or invented. Inputs are built in memory (ingestBytes) or in a temporary folder.
// The ingest command's hostile paths and options run it as a child process: tests/cli/ingest-hostile.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readYamlFile } from '../../../src/catalog/load.ts';
import { httpUrl } from '../../../src/catalog/schema.ts';
import { rawCsvFiles } from '../../../src/pipeline/ingest/raw-files.ts';
import { resolveFile } from '../../../scripts/static-server.ts';
import { ingestBytes, ingestToSink } from '../../../src/pipeline/ingest/ingest-file.ts';
import { ingestInputs } from '../../../src/pipeline/ingest/ingest-run.ts';
import { conservationErrors, problemLine } from '../../../src/pipeline/ingest/ingest-report.ts';
import { MAX_LISTED } from '../../../src/pipeline/ingest/observations.ts';
import { CORPUS, SHARED_PRESENT } from '../../helpers/fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (text: string, options = {}) => ingestBytes(utf8(text), 'x.csv', options);
const HEAD = '数据库：分省年度数据\n指标：人口出生率(‰)\n时间：最近2年\n地区,2024年,2023年\n';
const TIDY = 'indicator,region,year,value,unit,note\n';
/** A one-sheet .xlsx of `rows` as its zip parts and its sheet's XML, for tests that write the XML by hand. */
function sheetXml(rows: unknown[][]) {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'S1');
  const parts = unzipSync(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })));
  return { parts, xml: strFromU8(parts['xl/worksheets/sheet1.xml']!) };
}
const TIDY_SHEET = [
  ['indicator', 'region', 'year', 'value', 'unit'],
  ['出生率', '全国', 2024, 6.39, '‰'],
];

// [case, input, options, expected status, first problem code, written values, rejected cells]
const CASES: [string, string, object, 'read' | 'refused', string | undefined, number, number][] = [
  ['unbalanced quote swallowing rows', HEAD + '"北京市,6.09,6.1\n天津市,4.99,5.0\n', {}, 'refused', 'unclosed-quote', 0, 5],
  ['tidy note opening a quote', TIDY + '出生率,全国,2024,6.39,‰,"a\n出生率,全国,2023,6.77,‰,b\n', {}, 'refused', 'unclosed-quote', 0, 11],
  ['malformed closing quote', HEAD + '北京市,"6.09"x,6.1\n天津市,4.99,5.0\n', {}, 'refused', 'unclosed-quote', 0, 5],
  ['unquoted thousands in a wide row', HEAD + '北京市,1,234,6.1\n', {}, 'read', 'extra-fields', 0, 3],
  ['unquoted 2020,1,234,‰ in a tidy row', 'indicator,region,year,value,unit\n出生率,全国,2020,1,234,‰\n', {}, 'read', 'extra-fields', 0, 1],
  ['unquoted 1,234 shifting the unit', TIDY + '出生率,全国,2020,1,234,‰\n出生率,全国,2021,5,‰,\n', {}, 'read', 'bad-unit', 1, 1],
  ['decimal comma "0,123"', HEAD + '北京市,"0,123",6.1\n', {}, 'read', 'bad-number', 1, 1],
  [
    'tidy column the reader does not know, named in a warning',
    'indicator,region,year,value,unit,口径说明\n出生率,全国,2024,6.39,‰,按常住人口\n',
    {},
    'read',
    'column-unused',
    1,
    0,
  ],
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
  // hostile24: numbers, structure and text not tried before (each held or was fixed on this branch).
  ['full-width digits １２３ rejected, not read as 123', HEAD + '北京市,１２３,６.09\n', {}, 'read', 'bad-number', 0, 2],
  [
    '1e999, NaN, Infinity, 0x10, 1_000, 12% rejected',
    HEAD + '北京市,1e999,NaN\n天津市,Infinity,0x10\n河北省,1_000,12%\n',
    {},
    'read',
    'bad-number',
    0,
    6,
  ],
  [
    'footnote marks 6.09‰ 6.09* 6.09① 6.09a rejected, not read as 6.09',
    HEAD + '北京市,6.09‰,6.09*\n天津市,6.09①,6.09a\n',
    {},
    'read',
    'bad-number',
    0,
    4,
  ],
  ['missing markers … — NA / rejected as such', HEAD + '北京市,…,—\n天津市,NA,/\n', {}, 'read', 'missing-marker', 0, 4],
  [
    'zero-width space after a value cleaned, as U+FEFF before one is (hostile25i3; it was rejected)',
    HEAD + '北京市,6.09\u200b,1\n',
    {},
    'read',
    undefined,
    2,
    0,
  ],
  ['CR-only line ends', HEAD.replaceAll('\n', '\r') + '北京市,6.09,6.1\r天津市,4.99,5.0\r', {}, 'read', undefined, 4, 0],
  ['NUL byte inside a value', HEAD + '北京市,6.0\u00009,6.1\n', {}, 'read', 'bad-number', 1, 1],
  [
    'header repeated mid-file (a printed export, every page) is passed over and said (hostile25i3: its cells were rejected as 未知地区「地区」)',
    HEAD + '北京市,6.09,6.1\n地区,2024年,2023年\n天津市,4.99,5.0\n',
    {},
    'read',
    'repeated-header',
    4,
    0,
  ],
  [
    "a second table header with other years refuses the table (its values were put under the first header's years) (hostile25i3)",
    HEAD + '北京市,6.09,6.1\n地区,2022年,2021年\n北京市,4.99,5.0\n',
    {},
    'refused',
    'conflicting-header',
    0,
    6,
  ],
  ['a year column given twice', HEAD.replace('2023年', '2024年') + '北京市,6.09,6.1\n', {}, 'read', 'duplicate-value', 1, 1],
  [
    'same indicator/region/year, different values: the second rejected',
    TIDY + '出生率,全国,2024,6.39,‰,\n出生率,100000,2024,6.40,‰,\n',
    {},
    'read',
    'duplicate-value',
    1,
    1,
  ],
  ['a 7-digit region_code', 'indicator,region_code,year,value,unit\n出生率,1100000,2024,6.39,‰\n', {}, 'read', 'unknown-region', 0, 1],
  [
    'region_code and region that disagree',
    'indicator,region,region_code,year,value,unit\n出生率,上海市,110000,2024,6.39,‰\n',
    {},
    'read',
    'unknown-region',
    0,
    1,
  ],
  [
    'years 2024.0, 2024年度, 2024-12, ２０２４ rejected',
    TIDY + ['2024.0', '2024年度', '2024-12', '２０２４'].map((y) => `出生率,全国,${y},6.39,‰,\n`).join(''),
    {},
    'read',
    'bad-year',
    0,
    4,
  ],
  ['a file of only commas', ',,,,\n,,,,\n,,,\n', {}, 'refused', 'empty-file', 0, 0],
  ['100 000 columns in one row', HEAD + '北京市' + ',1'.repeat(100_000) + '\n', {}, 'read', 'extra-fields', 0, 100_000],
  ['1 M empty lines before the data', HEAD + '\n'.repeat(1_000_000) + '北京市,6.09,6.1\n', {}, 'read', undefined, 2, 0],
  [
    'a semicolon-separated file refused, not read as one column',
    'indicator;region;year;value;unit\n出生率;全国;2024;6.39;‰\n',
    {},
    'refused',
    'unknown-layout',
    0,
    0,
  ],
  // hostile25i: Excel's separator hint as the first line refused the file as 行和列都像是指标, every cell rejected.
  ["Excel's sep=, hint before a tidy header is skipped", 'sep=,\n' + TIDY + '出生率,全国,2024,6.39,‰,\n', {}, 'read', undefined, 1, 0],
  ["Excel's sep=, hint before an export's header lines is skipped", 'sep=,\n' + HEAD + '北京市,6.09,6.1\n', {}, 'read', undefined, 2, 0],
  [
    'a sep=; hint: refused as semicolon-separated',
    'sep=;\nindicator;region;year;value;unit\n出生率;全国;2024;6.39;‰\n',
    {},
    'refused',
    'unknown-layout',
    0,
    0,
  ],
  // hostile25i: canonically equivalent text (NFC) is the same label: 北 written as U+F963 was an unknown region
  // 「北京市」, 率 as U+F9DB a second series that looks the same.
  [
    'a compatibility ideograph in a tidy row is the same place and series (the second row is its duplicate)',
    TIDY + '出生\uf9db,\uf963京市,2024,1,‰,\n出生率,北京市,2024,1,‰,\n',
    {},
    'read',
    'duplicate-value',
    1,
    1,
  ],
  ['a compatibility ideograph in a table row label', HEAD + '\uf963京市,6.09,6.1\n', {}, 'read', undefined, 2, 0],
  [
    'a 指标： line over columns of indicators is refused, not ignored (人口死亡率 was written, 人口出生率 dropped; hostile25i2)',
    '数据库：分省年度数据\n指标：人口出生率(‰)\n时间：2024年\n地区,人口死亡率(‰)\n北京市,1\n',
    {},
    'refused',
    'conflicting-header',
    0,
    1,
  ],
  [
    'a 指标： line over columns 2024年末, 2023年底 (read as indicators with --year, --unit) is refused (hostile25i2)',
    '数据库：分省年度数据\n指标：年末常住人口(万人)\n时间：最近2年\n地区,2024年末,2023年底\n北京市,1,2\n',
    { year: 2024, unit: '万人' },
    'refused',
    'conflicting-header',
    0,
    2,
  ],
  [
    'a 时间：2024年 line over columns 2023年, 2022年 is refused, not ignored (hostile25i3)',
    '数据库：分省年度数据\n指标：人口出生率(‰)\n时间：2024年\n地区,2023年,2022年\n北京市,1,2\n天津市,3,\n',
    {},
    'refused',
    'conflicting-header',
    0,
    3,
  ],
  [
    'a 时间：2024年 line over rows 2024年, 2023年 (transposed) is refused at the row (hostile25i3)',
    '数据库：年度数据\n时间：2024年\n时间,人口出生率(‰),人口死亡率(‰)\n2024年,6.39,7.87\n2023年,6.39,7.87\n',
    {},
    'refused',
    'conflicting-header',
    0,
    4,
  ],
  [
    '时间：2024年 over its one column 2024年 is read',
    '数据库：分省年度数据\n指标：人口出生率(‰)\n时间：2024年\n地区,2024年\n北京市,1\n',
    {},
    'read',
    undefined,
    1,
    0,
  ],
  [
    '时间：2022年 over the quarters of 2022 (季度数据) is read',
    '数据库：季度数据\n时间：2022年\n指标,2022年第二季度,2022年第一季度\n国内生产总值(亿元),1,2\n',
    {},
    'read',
    undefined,
    2,
    0,
  ],
  [
    "zero-width characters at a number's ends are cleaned like U+FEFF and NBSP; inside it rejected (hostile25i3)",
    HEAD + '北京市,6.09\u200b,\u2060\ufeff6.1\u200d\n天津市,\u200b,6.0\u200b9\n',
    {},
    'read',
    'bad-number',
    2,
    1,
  ],
  [
    'a 地区： line over rows of places is refused, not ignored (hostile25i2)',
    '数据库：分省年度数据\n地区：天津市\n指标：人口出生率(‰)\n时间：最近2年\n地区,2024年\n北京市,1\n',
    {},
    'refused',
    'conflicting-header',
    0,
    1,
  ],
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

  it.each([
    ['TAB', 'indicator\tregion\tyear\tvalue\tunit\n出生率\t全国\t2024\t6.39\t‰\n'],
    ['分号', '地区;2024年;2023年\n北京市;6.09;6.1\n'],
  ])('a file separated by %s is refused saying so, not as 行和列都像是指标 (hostile25i)', (separator, text) => {
    const r = read(text);
    expect(r.report.status).toBe('refused');
    expect(r.report.problems[0]?.message).toContain(`文件用${separator}分隔，不是逗号`);
  });

  it('a quarter given twice (2022年第四季度, 2022年4季度): the duplicate names the quarter, not only its year (hostile25i)', () => {
    const r = read('数据库：季度数据\n时间：最近2季度\n指标,2022年第四季度,2022年4季度\n国内生产总值(亿元),1,2\n');
    expect(r.report.problems.map((p) => p.message)).toEqual(['全国 2022Q4「国内生产总值」重复：第4行第2列已有数值 1，此处为 2（不同）']);
  });

  it.each([
    ['a zero-width space', '出生\u200b率'],
    ['a soft hyphen', '出生率\u00ad'],
    ['a BOM inside', '出生\ufeff率'],
    ['a noncharacter U+FFFE', '\ufffe出生率'],
    ['a word joiner', '出\u2060生率'],
  ])("%s in a label is not a second series that looks the same: its value is the first one's duplicate (hostile25i2)", (_, label) => {
    const r = read(TIDY + `出生率,全国,2024,6.39,‰,\n${label},全国,2024,6.4,‰,\n`);
    expect(r.observations.map((o) => `${o.indicator}|${o.value}`)).toEqual(['出生率|6.39']);
    expect(r.report.problems.map((p) => [p.code, p.line])).toEqual([['duplicate-value', 3]]);
    const table = read(`数据库：年度数据\n指标：人口${label}(‰)\n时间：最近2年\n地区,2024年\n全国,1\n`);
    expect(table.observations.map((o) => o.indicator)).toEqual(['人口出生率']);
  });

  it("a tidy row's unit cell is read as a label's unit: ％ is %, a bidi override or escape never reaches the output (hostile25i2)", () => {
    const r = read(TIDY + '出生率(%),全国,2024,1,,\n出生率,全国,2024,1,％,\n出生率,全国,2023,2,\u202e‰,\n出生率,全国,2023,2,‰\u200b,\n');
    expect(r.observations.map((o) => `${o.indicator}|${o.unit}|${o.year}`)).toEqual(['出生率|%|2024', '出生率|‰|2023']);
    expect(r.report.problems.map((p) => [p.code, p.line])).toEqual([
      ['duplicate-value', 3],
      ['duplicate-value', 5],
    ]);
  });

  it.each(['period', '季度', '月份'])(
    "a tidy file with a %s column (the command's own quarterly output) is refused, its quarters not written as years (hostile25i2)",
    (column) => {
      // Read by year only, 2022Q1's cumulative GDP was written as 2022's, with a warning that the column was not read.
      const r = read(
        `indicator,unit,region_code,region,year,value,${column}\n国内生产总值,亿元,100000,全国,2022,1,2022Q1\n国内生产总值,亿元,100000,全国,2021,2,2021Q4\n`,
      );
      expect(r.report.status).toBe('refused');
      expect(r.observations).toEqual([]);
      expect(r.report.problems.map((p) => p.code)).toEqual(['period-column']);
      expect(r.report.counts).toMatchObject({ dataCells: 2, cellsRejected: 2 });
      expect(conservationErrors(r.report)).toEqual([]);
    },
  );

  it('exponents are written out with their decimals, never as 0', () => {
    const r = read(HEAD + '北京市,1e-5,1.5e-3\n');
    expect(r.observations.map((o) => o.value.toFixed(o.decimals))).toEqual(['0.00001', '0.0015']);
  });

  it('a CR alone is a line break wherever it is, inside a quoted field too, as editors count it (hostile25i3: held)', () => {
    // VS Code (1.46 release notes: "recognizes CR, LF, and CRLF as line terminators"), Notepad and the row reader
    // for old Mac files all break a line at a lone CR, in an LF or CRLF file too; so the line after "1\r" is 7.
    for (const eol of ['\n', '\r\n', '\r']) {
      const r = read((HEAD + '北京市,"1\r",2\n天津市,x,2\n').replaceAll('\n', eol));
      expect(r.report.problems.map((p) => [p.line, p.column, p.code])).toEqual([[7, 2, 'bad-number']]);
    }
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

  it('bidi controls from data are escaped on stderr (U+202E would show 6.39 as 93.6 and reverse the line)', () => {
    const r = read(HEAD + '北京市,\u202e6.39,1\n天津市,\u20666.1\u2069,1\n');
    const lines = r.report.problems.map(problemLine);
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(lines[0]).toContain('\\u202e6.39');
    expect(lines[1]).toContain('\\u20666.1\\u2069');
  });
});

// hostile24: encodings, as bytes. [case, bytes, status, first problem code, its message, its line]
const u16 = (text: string, le: boolean) =>
  new Uint8Array([...text].flatMap((c) => (le ? [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8] : [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255])));
const joined = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const BYTE_CASES: [string, Uint8Array, 'read' | 'refused', string | undefined, RegExp | undefined, number | undefined][] = [
  [
    'UTF-32 LE with BOM named as UTF-32, not UTF-16',
    new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]),
    'refused',
    'unreadable-encoding',
    /UTF-32/,
    1,
  ],
  [
    'UTF-16 LE without BOM holding 最 (U+6700, a zero byte at the other parity)',
    u16(HEAD.replace('最近', '最近') + '北京市,6.09,6.1\n', true),
    'refused',
    'unreadable-encoding',
    /UTF-16/,
    1,
  ],
  ['UTF-16 BE without BOM', u16(HEAD + '北京市,6.09,6.1\n', false), 'refused', 'unreadable-encoding', /UTF-16/, 1],
  [
    'a lone surrogate (ED A0 80) on line 6: the line named is 6, not 2',
    joined(HEAD, '北京市,6.09,6.1\n天津', [0xed, 0xa0, 0x80], '市,4.99,5.0\n'),
    'refused',
    'unreadable-encoding',
    undefined,
    6,
  ],
  [
    'an overlong UTF-8 sequence (C0 AE) on line 6',
    joined(HEAD, '北京市,6.09,6.1\n天津市,4.99,5', [0xc0, 0xae], '0\n'),
    'refused',
    'unreadable-encoding',
    undefined,
    6,
  ],
  [
    'a CESU-8 pair',
    joined(TIDY, '出生率,全国,2024,6.39,‰,', [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], '\n'),
    'refused',
    'unreadable-encoding',
    undefined,
    2,
  ],
  [
    // hostile25i: Big5 bytes are valid GBK; they were read and written as 「ネ瞯」 and private-use characters.
    'Big5 (traditional) text, valid as GBK, refused instead of written as mojibake',
    joined(
      'indicator,region_code,year,value,unit\n',
      [0xa4, 0x48, 0xa4, 0x66, 0xa5, 0x58, 0xa5, 0xcd, 0xb2, 0x76],
      ',110000,2024,6.09,%\n',
      [0xc2, 0xe5, 0xc0, 0xf8, 0xbd, 0xc3, 0xa5, 0xcd, 0xbe, 0xf7, 0xba, 0x63, 0xbc, 0xc6],
      ',110000,2024,1,',
      [0xad, 0xd3],
      '\n',
    ),
    'refused',
    'unreadable-encoding',
    /Big5/,
    1,
  ],
  [
    'GBK with a GB18030 four-byte character (U+20000 before 出生率) is read',
    joined(TIDY, [0x95, 0x32, 0x82, 0x36, 0xb3, 0xf6, 0xc9, 0xfa, 0xc2, 0xca], ',', [0xc8, 0xab, 0xb9, 0xfa], ',2024,6.39,', [0xa1, 0xeb], ',\n'),
    'read',
    undefined,
    undefined,
    undefined,
  ],
  [
    // hostile25i: GBK read as Latin-1 and saved as UTF-8 with a BOM was read, 「ÈË¿Ú³öÉúÂÊ」 written as a label.
    'mojibake saved with a BOM is refused like mojibake without one',
    joined([0xef, 0xbb, 0xbf], 'indicator,region_code,year,value,unit\nÈË¿Ú³öÉúÂÊ,110000,2024,6.39,¡ë\nÈË¿ÚËÀÍöÂÊ,110000,2024,7.76,¡ë\n'),
    'refused',
    'unreadable-encoding',
    /乱码/,
    1,
  ],
  [
    'a BOM inside a cell and a second BOM at the start are dropped',
    joined([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], HEAD, '北京市,\ufeff6.09,6.1\n'),
    'read',
    undefined,
    undefined,
    undefined,
  ],
];

describe('hostile encodings, one row each', () => {
  it.each(BYTE_CASES)('%s', (_, bytes, status, code, message, line) => {
    const r = ingestBytes(bytes, 'x.csv');
    expect(r.report.status).toBe(status);
    expect(r.report.problems[0]?.code).toBe(code);
    if (message) expect(r.report.problems[0]?.message).toMatch(message);
    if (line) expect(r.report.problems[0]?.line).toBe(line);
    expect(conservationErrors(r.report)).toEqual([]);
  });
});

describe('hostile label text (hostile24)', () => {
  it('escape sequences, bells and bidi overrides never reach a label; line breaks become spaces', () => {
    const r = read(TIDY + '"a\u001b[31mb\u0007(‰)",全国,2024,6.39,‰,\n"\u202eevil",全国,2024,1,‰,\n"x\ny",全国,2023,1,‰,\n');
    expect(r.observations.map((o) => o.indicator)).toEqual(['a[31mb', 'evil', 'x y']);
  });
});

// Silent losses in the table readers (they vanished with counts reconciling): each expectation is what the issue
// promises, by an independent count of the cells.
describe('values outside the table, and headers that say two things', () => {
  it('a 注： row between data rows: the numbers after it are listed as rejected at their place (they vanished)', () => {
    const r = read(HEAD + '北京市,6.09,6.1\n注：见说明\n天津市,4.99,5.0\n');
    expect(r.report.counts.valuesWritten + r.report.counts.cellsRejected).toBe(4);
    expect(r.report.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['value-in-footer', 7, 2],
      ['value-in-footer', 7, 3],
    ]);
  });
  it('a number beside a 数据来源 footer line is listed as rejected, not dropped', () => {
    const r = read(HEAD + '北京市,6.09,6.1\n数据来源：国家统计局,6.5\n');
    expect(r.report.counts.cellsRejected).toBe(1);
  });
  it('a tidy header with two value columns (or two year or region columns) is refused, not read by its first', () => {
    for (const header of [
      'indicator,region,year,value,value,unit',
      'indicator,region,year,数值,value,unit',
      'indicator,region,year,年份,value,unit',
    ]) {
      const r = read(`${header}\n出生率,全国,2024,2023,7,‰\n`);
      expect(r.report.problems.length, header).toBeGreaterThan(0);
    }
  });
  it('two 指标： lines in one header are refused, not read as the last one', () => {
    const r = read('数据库：分省年度数据\n指标：人口出生率(‰)\n指标：人口死亡率(‰)\n时间：最近2年\n地区,2024年,2023年\n北京市,6.09,6.1\n');
    expect(r.report.counts.valuesWritten).toBe(0);
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

  it('a formula saved without its result is rejected at its place, not counted as an empty cell (hostile24)', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['indicator', 'region', 'year', 'value', 'unit'],
      ['出生率', '全国', 2024, 0, '‰'],
    ]);
    ws['D2'] = { t: 'n', f: '1+1' } as XLSX.CellObject;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'S1');
    const r = ingestBytes(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })), 'f.xlsx');
    expect(r.report.counts).toMatchObject({ valuesWritten: 0, cellsEmpty: 0, cellsRejected: 1 });
    expect(r.report.problems[0]).toMatchObject({ code: 'bad-number', line: 2, column: 4, message: expect.stringContaining('=1+1') });
  });

  // hostile25i: the number stored against the text its format displays (both were the display's: 6.0912 under
  // 0.00 was written 6.09, 1234567 under 0.0,, was written 1.2, -4.99 under 0.00;0.00 was written 4.99, and 5
  // under ;;; was counted as an empty cell). [case, number stored, number format, written text or problem code]
  const FORMATTED: [string, number, string, string][] = [
    ['a format rounding the display (0.00): the number stored', 6.0912, '0.00', '6.0912'],
    ['a format showing no decimals (0)', 6.0912, '0', '6.0912'],
    ['General cutting a long number to 11 characters (19980.39342)', 19980.3934226845, 'General', '19980.3934226845'],
    ['thousands with rounding (#,##0)', 1234.5, '#,##0', '1234.5'],
    ['scientific display (0.00E+00)', 12345678.9, '0.00E+00', '12345678.9'],
    ['a display with more decimals than stored keeps them (5.30)', 5.3, '0.00', '5.30'],
    ["a formula's binary noise (0.1+0.2) is the 0.3 Excel holds", 0.1 + 0.2, 'General', '0.3'],
    ['a percent display (12% for 0.12)', 0.12, '0%', 'number-format'],
    ['a scaled display (1.2 for 1234567)', 1234567, '0.0,,', 'number-format'],
    ['a hidden display (;;;), not an empty cell', 5, ';;;', 'number-format'],
    ['a date display for a number', 45000, 'yyyy-mm-dd', 'number-format'],
    ['a display dropping the minus sign', -4.99, '0.00;0.00', 'number-format'],
  ];
  it.each(FORMATTED.flatMap(([name, ...rest]) => (['xlsx', 'biff8'] as const).map((type) => [`${name} (${type})`, type, ...rest] as const)))(
    '%s',
    (_, type, stored, format, expected) => {
      const ws = XLSX.utils.aoa_to_sheet([
        ['indicator', 'region', 'year', 'value', 'unit'],
        ['出生率', '全国', 2024, stored, '‰'],
      ]);
      ws['D2']!.z = format;
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, ws, 'S1');
      const r = ingestBytes(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: type })), type === 'xlsx' ? 'f.xlsx' : 'f.xls');
      expect(conservationErrors(r.report)).toEqual([]);
      if (expected === 'number-format') {
        expect(r.report.counts).toMatchObject({ dataCells: 1, valuesWritten: 0, cellsRejected: 1 });
        expect(r.report.problems[0]).toMatchObject({ code: 'number-format', line: 2, column: 4, sheet: 'S1' });
        // The message names the number stored, or says the cell is a date.
        expect(r.report.problems[0]!.message).toMatch(format.includes('yy') ? /日期/ : String(Number(stored.toPrecision(15))));
      } else {
        expect(r.report.problems).toEqual([]);
        expect(r.observations.map((o) => o.value.toFixed(o.decimals))).toEqual([expected]);
      }
    },
  );

  it('a date cell (t="d", an ISO date in the XML) in a value column is rejected, not written as the number 43835 (hostile25i)', () => {
    const bytes = withSheet((xml) => xml.replace(/<c r="C4"[^>]*>.*?<\/c>/, '<c r="C4" t="d"><v>2020-01-05T00:00:00Z</v></c>'));
    const r = ingestBytes(bytes, 'd.xlsx');
    expect(conservationErrors(r.report)).toEqual([]);
    expect(r.observations.map((o) => o.value)).not.toContain(43835);
    expect(r.report.problems).toEqual([
      expect.objectContaining({ code: 'number-format', line: 4, column: 3, message: expect.stringContaining('日期') }),
    ]);
  });

  it.each([
    ['a number cell holding 0x10 (SheetJS read it as 0)', '<c r="D2"><v>0x10</v></c>', /D2 存的数值「0x10」不是数字/],
    ['a number cell holding 6.39abc (read as 6.39)', '<c r="D2" t="n"><v>6.39abc</v></c>', /「6.39abc」/],
    ['a number cell holding 1,234 (read as 1)', '<c r="D2"><v>1,234</v></c>', /「1,234」/],
    ['a shared-string index 0x1 (read as the string at 0)', '<c r="D2" t="s"><v>0x1</v></c>', /D2 的共享字符串序号「0x1」不是整数/],
    ['one reference twice (the second replaced the first)', '<c r="D2"><v>1</v></c><c r="D2"><v>2</v></c>', /D2 出现了两次/],
    ['one reference twice, out of order', '<c r="D2"><v>1</v></c><c r="B3"><v>2</v></c><c r="D2"><v>2</v></c>', /D2 出现了两次/],
  ])('an .xlsx with %s is refused in one line (hostile25i)', (_, cells, message) => {
    const { parts, xml } = sheetXml(TIDY_SHEET);
    parts['xl/worksheets/sheet1.xml'] = strToU8(xml.replace(/<c r="D2"[^>]*>.*?<\/c>/, cells));
    const r = ingestBytes(zipSync(parts), 'x.xlsx');
    expect(r.report.status).toBe('refused');
    expect(r.report.problems).toEqual([expect.objectContaining({ code: 'spreadsheet-refused', message: expect.stringMatching(message) })]);
    // The same sheet with its cells in order and well written is read.
    parts['xl/worksheets/sheet1.xml'] = strToU8(xml.replace(/<c r="D2"[^>]*>.*?<\/c>/, '<c r="D2"><v>6.39</v></c>'));
    expect(ingestBytes(zipSync(parts), 'x.xlsx').report.counts.valuesWritten).toBe(1);
  });

  it('a sheet of 300 000 cell tags that never close is looked through at once (a scan per tag took minutes)', () => {
    const { parts, xml } = sheetXml([['a', 1]]);
    parts['xl/worksheets/sheet1.xml'] = strToU8(xml.replace(/<sheetData>.*<\/sheetData>/, '<sheetData><row r="1">' + '<c r="A1" '.repeat(300_000)));
    const started = performance.now();
    const r = ingestBytes(zipSync(parts), 'x.xlsx');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.report.status).toBe('refused');
  });

  it('a date cell past column XFD does not reject the value whose place its key shared (XFH1 and D2 were one key)', () => {
    const { parts, xml } = sheetXml(TIDY_SHEET);
    // Column XFH is 16388: line 1 × 16384 + 16388 = line 2 × 16384 + 4, the value D2, by the former numeric key.
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      xml.replace(/(<row r="1"[^>]*>.*?)<\/row>/, '$1<c r="XFH1" t="d"><v>2020-01-05T00:00:00Z</v></c></row>'),
    );
    const r = ingestBytes(zipSync(parts), 'x.xlsx');
    expect(r.observations.map((o) => o.value)).toEqual([6.39]);
    expect(conservationErrors(r.report)).toEqual([]);
  });

  it("a sheet refused at its end forgets only itself: the other sheets' counts and problems stay, its values are not written (hostile25i)", () => {
    // Before: the report said 0 written and lost the first sheet's bad-number, while the output held 4 rows, 2 of
    // them from the refused sheet.
    const book = XLSX.utils.book_new();
    const head = [['数据库：年度数据'], ['时间：最近2年'], ['指标', '2024年', '2023年']];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([...head, ['人口出生率(‰)', 6.39, 'abc']]), 'good');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([...head, ['人口死亡率(‰)', 7.76, 7.87], ['人口自然增长率', -1.39, -1.48]]), 'bad');
    const r = ingestBytes(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })), 'm.xlsx');
    expect(r.observations.map((o) => `${o.indicator} ${o.value}`)).toEqual(['人口出生率 6.39']);
    expect(r.report.counts).toEqual({ dataCells: 6, valuesWritten: 1, cellsEmpty: 0, cellsRejected: 5 });
    expect(r.report.problems.map((p) => [p.sheet, p.code, p.cells])).toEqual([
      ['good', 'bad-number', 1],
      ['bad', 'missing-unit', 4],
    ]);
    expect(conservationErrors(r.report)).toEqual([]);
  });

  it.skipIf(!SHARED_PRESENT)("the crawler workbook's values are the numbers its XML holds, not SheetJS's General display (hostile25i)", () => {
    // Oracle independent of SheetJS: the <v> text of every number cell in the sheet's XML, to Excel's 15
    // significant digits (the file holds 8465.280000000001, a crawler's binary noise, for 8465.28).
    const bytes = readFileSync(CORPUS + 'zhuang1234__National-Data__卫生总费用.xlsx');
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    const cells = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*t="n"[^>]*><v>([^<]+)<\/v>/g)];
    const stored = new Map(cells.map((m) => [`${m[2]}:${m[1]!.charCodeAt(0) - 64}`, String(Number(Number(m[3]).toPrecision(15)))]));
    expect(stored.get('2:5')).toBe('19980.3934226845');
    const r = ingestBytes(bytes, 'crawler.xlsx', { region: '全国', unit: '亿元' });
    expect(r.report.counts.valuesWritten).toBe(stored.size);
    for (const o of r.observations) expect(o.value.toFixed(o.decimals)).toBe(stored.get(`${o.sourceLine}:${o.sourceColumn}`));
  });

  it("a workbook's values name their sheet in source_file as its problems do: by file and line, two sheets' values were one place (hostile25i2)", async () => {
    const book = XLSX.utils.book_new();
    const sheet = (indicator: string, value: number) => [
      ['数据库：分省年度数据'],
      [`指标：${indicator}`],
      ['时间：2024年'],
      ['地区', '2024年'],
      ['北京市', value],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet('人口出生率(‰)', 6.09)), '出生率');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet('人口死亡率(‰)', 6.08)), '死亡率');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const r = ingestBytes(bytes, 'b.xlsx');
    expect(r.observations.map((o) => `${o.indicator} ${o.sourceFile}:${o.sourceLine}`)).toEqual([
      '人口出生率 b.xlsx[出生率]:5',
      '人口死亡率 b.xlsx[死亡率]:5',
    ]);
    // The command's streamed writer (one observation object, refilled) names them too.
    const dir = mkdtempSync(join(tmpdir(), 'sheets-'));
    writeFileSync(join(dir, 'b.xlsx'), bytes);
    mkdirSync(join(dir, 'out'));
    await ingestInputs([join(dir, 'b.xlsx')], join(dir, 'out'), {});
    const rows = readFileSync(join(dir, 'out', 'b.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(rows.map((row) => row.split(',').slice(-2).join(':'))).toEqual([`${join(dir, 'b.xlsx')}[出生率]:5`, `${join(dir, 'b.xlsx')}[死亡率]:5`]);
  });

  it('two outputs never take names one file on macOS: 北京.csv and 北京.csv with 北 as U+F963, é composed and not (hostile25i2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nfc-'));
    const names = ['北京.csv', '\uf963京.csv', 'caf\u00e9.csv', 'cafe\u0301.csv'];
    names.forEach((name, i) => {
      mkdirSync(join(dir, `in${i}`));
      writeFileSync(join(dir, `in${i}`, name), TIDY + `出生率,全国,2024,${i},‰,\n`);
    });
    mkdirSync(join(dir, 'out'));
    await ingestInputs(
      names.map((name, i) => join(dir, `in${i}`, name)),
      join(dir, 'out'),
      {},
    );
    const outputs = readdirSync(join(dir, 'out')).filter((name) => name !== 'report.json');
    expect(new Set(outputs.map((name) => name.normalize('NFC').toLowerCase())).size).toBe(4);
  });

  it('a hidden sheet is read and said; a duplicate names the sheet of the first value and whether the two agree (hostile25i)', () => {
    // The duplicate's message named only the first's line and column, which were its own in the other sheet.
    const NBS = [['数据库：分省年度数据'], ['指标：人口出生率(‰)'], ['时间：最近2年'], ['地区', '2024年', '2023年'], ['北京市', 6.09, 6.1]];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(NBS), 'vis');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([...NBS.slice(0, 4), ['北京市', 6.09, 6.2]]), 'hid');
    book.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
    const r = ingestBytes(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })), 'h.xlsx');
    expect(r.report.sheets).toEqual([
      { name: 'vis', status: 'read' },
      { name: 'hid', status: 'read', hidden: true },
    ]);
    expect(r.report.problems.map((p) => [p.sheet, p.code, p.line, p.column, p.message.split('：').at(-1)])).toEqual([
      ['hid', 'sheet-hidden', 1, 1, expect.stringContaining('照常读取')],
      ['hid', 'duplicate-value', 5, 2, '工作表「vis」第5行第2列已有数值 6.09，此处为 6.09（相同）'],
      ['hid', 'duplicate-value', 5, 3, '工作表「vis」第5行第3列已有数值 6.1，此处为 6.2（不同）'],
    ]);
    expect(conservationErrors(r.report)).toEqual([]);
  });

  it.each([
    ['a zip header and junk named .xls', utf8('PK\u0003\u0004garbage'), 'x.xls', /已损坏/],
    ['the same named .csv', utf8('PK\u0003\u0004garbage'), 'x.csv', /已损坏/],
    ['a truncated .xlsx', readFileSync(FIXTURE).subarray(0, 8000), 'x.xlsx', /已损坏/],
    ['an .xls of 0 bytes', new Uint8Array(0), 'x.xls', /不是 .xls 或 .xlsx/],
    ['a CSV named .xlsx', utf8(HEAD + '北京市,6.09,6.1\n'), 'x.xlsx', /不是 .xls 或 .xlsx/],
  ])('%s is refused as damaged, never as password-protected (hostile24)', (_, bytes, name, message) => {
    const r = ingestBytes(bytes, name);
    expect(r.report.status).toBe('refused');
    expect(r.report.problems[0]?.message).toMatch(message);
    expect(r.report.problems[0]?.message).not.toMatch(/密码/);
  });

  it('an .xlsx named .xls is read by its bytes (hostile24)', () => {
    const r = ingestBytes(readFileSync(FIXTURE), 'renamed.xls');
    expect(r.report).toMatchObject({ status: 'read', counts: { valuesWritten: 3 } });
  });

  it('an .xls past 24 MB is refused before SheetJS parses it, saying to save it as CSV (a 64 MB one peaked near 3 GB) (hostile25i3)', () => {
    const bytes = new Uint8Array((24 << 20) + 1);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = ingestBytes(bytes, 'big.xls');
    expect(r.report.status).toBe('refused');
    expect(r.report.problems).toHaveLength(1);
    expect(r.report.problems[0]?.message).toMatch(/\.xls 的上限 25165824 字节.*另存为 CSV/);
  });

  it('a workbook whose zip says it inflates past 64 MB is refused before it is inflated', () => {
    const bytes = withSheet((xml) => xml);
    // The central directory's uncompressed size of one part, set to 100 MB (a bomb's honest header, or a million rows).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at--;
    view.setUint32(view.getUint32(at + 16, true) + 24, 100 << 20, true);
    const r = ingestBytes(bytes, 'bomb.xlsx');
    expect(r.report.status).toBe('refused');
    expect(r.report.problems).toEqual([
      expect.objectContaining({ code: 'spreadsheet-refused', message: expect.stringMatching(/解压后有 \d+ 字节，超过 67108864 字节的上限/) }),
    ]);
  });
});

describe('hostile data for the build (hostile24)', () => {
  it('a link under data/raw to a file or folder outside it is listed apart, never read; links inside are read once', () => {
    const d = mkdtempSync(join(tmpdir(), 'raw-'));
    const raw = join(d, 'raw');
    mkdirSync(join(raw, 'a'), { recursive: true });
    writeFileSync(join(raw, 'a', 'x.csv'), TIDY);
    mkdirSync(join(d, 'elsewhere'));
    writeFileSync(join(d, 'elsewhere', 'secret.csv'), TIDY);
    symlinkSync('/etc/passwd', join(raw, 'passwd.csv'));
    symlinkSync(join(d, 'elsewhere'), join(raw, 'ext'));
    symlinkSync('a/x.csv', join(raw, 'again.csv'));
    const outside: string[] = [];
    expect(rawCsvFiles(raw, outside).map((f) => f.slice(raw.length))).toEqual(['/a/x.csv']);
    expect(outside.map((f) => f.slice(raw.length))).toEqual(['/ext', '/passwd.csv']);
  });

  it.each([
    ['https://a.com/\n# 注入', false],
    ['https://a.com/ x', false],
    // Outer spaces and tabs are trimmed by z.url(): the address kept is the bare one.
    [' https://a.com/', true],
    ['https://a.com/\t', true],
    ['http:/x', false],
    ['HTTPS://a.com/', true],
    ['https://a.com/%20x', true],
  ])('source url %j accepted: %s', (url, ok) => {
    const parsed = httpUrl.safeParse(url);
    expect(parsed.success).toBe(ok);
    if (parsed.success) expect(parsed.data).toMatch(/^\S+$/);
  });

  it.each([
    ['an unknown tag (!!js/function)', 'id: x\nunit: !!js/function ‰\n', /Unresolved tag/],
    [
      'a billion-laughs alias bomb',
      'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      /resource exhaustion/,
    ],
    ['a key given twice', 'id: x\nid: y\n', /unique/],
  ])('a catalog YAML with %s is refused in one line naming the file', (_, text, message) => {
    const file = join(mkdtempSync(join(tmpdir(), 'yaml-')), 'x.yaml');
    writeFileSync(file, text);
    const problems: string[] = [];
    expect(readYamlFile(file, z.unknown(), problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(problems[0]!.startsWith(file)).toBe(true);
    expect(problems[0]).not.toContain('\n');
  });
});

describe('a file that changes while it is read (hostile25i)', () => {
  it('is refused in one line, not read half old and half new (a second reading then threw a TypeError)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'race-')), 'x.csv');
    // A duplicate makes a second reading that looks for the first value's place; the file is cut meanwhile.
    writeFileSync(file, TIDY + '出生率,全国,2024,6.39,‰,\n出生率,全国,2024,6.40,‰,\n出生率,全国,2023,6.40,‰,\n');
    let added = 0;
    const report = await ingestToSink(file, { add: () => void (added++ === 0 && truncateSync(file, 10)) });
    expect(report.status).toBe('refused');
    expect(report.problems).toEqual([expect.objectContaining({ code: 'unreadable-file', message: expect.stringContaining('读取时文件被改动') })]);
    expect(conservationErrors(report)).toEqual([]);
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

describe('options the file did not need', () => {
  it('--indicator, --region or --year that a table does not use is named in a warning, values unchanged', () => {
    const r = read(HEAD + '北京市,6.09,6.1\n', { indicator: '人口死亡率(‰)', year: 2020, region: '全国' });
    expect(r.report.counts.valuesWritten).toBe(2);
    expect(r.observations.every((o) => o.indicator === '人口出生率' && o.regionCode === '110000')).toBe(true);
    expect(r.report.problems.map((p) => [p.code, p.severity, p.option])).toEqual([
      ['option-unused', 'warning', '--indicator'],
      ['option-unused', 'warning', '--region'],
      ['option-unused', 'warning', '--year'],
    ]);
    expect(r.report.problems[0]!.message).toContain('指标：人口出生率(‰)');
  });
  it('an option the table needs is used without a word', () => {
    const r = read('地区,2024年,2023年\n北京市,6.09,6.1\n', { indicator: '人口出生率(‰)' });
    expect(r.report.counts.valuesWritten).toBe(2);
    expect(r.report.problems).toEqual([]);
    // --unit used by one label of two is needed: no word either.
    const some = read('数据库：年度数据\n时间：2024年\n地区,人口出生率(‰),人口数\n北京市,6.09,2185\n', { unit: '万人' });
    expect(some.report.problems).toEqual([]);
  });
  it('--unit that no label needs (--indicator or every header names its own) is named in a warning, not ignored in silence (hostile25i2)', () => {
    for (const [text, options] of [
      ['地区,2024年,2023年\n北京市,6.09,6.1\n', { indicator: '人口出生率(‰)', unit: '%' }],
      [HEAD + '北京市,6.09,6.1\n', { unit: '%' }],
    ] as const) {
      const r = read(text, options);
      expect(r.observations.map((o) => o.unit)).toEqual(['‰', '‰']);
      expect(r.report.problems.map((p) => [p.code, p.severity, p.option, p.message])).toEqual([
        ['option-unused', 'warning', '--unit', '选项 --unit「%」未使用：指标已写明单位（‰）'],
      ]);
    }
  });
});
