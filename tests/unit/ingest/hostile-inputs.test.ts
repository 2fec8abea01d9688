// One row per hostile input seen (issue 13): each is read or refused with its place, counts reconcile, and
// no value is lost, changed or invented. Inputs are built in memory (ingestBytes) or in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolveFile } from '../../../scripts/static-server.ts';
import { ingestBytes, ingestFile } from '../../../src/pipeline/ingest/ingest-file.ts';
import { conservationErrors, problemLine } from '../../../src/pipeline/ingest/ingest-report.ts';
import { MAX_LISTED } from '../../../src/pipeline/ingest/observations.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (text: string, options = {}) => ingestBytes(utf8(text), 'x.csv', options);
const HEAD = '数据库：分省年度数据\n指标：人口出生率(‰)\n时间：最近2年\n地区,2024年,2023年\n';
const TIDY = 'indicator,region,year,value,unit,note\n';
const SCRIPT = new URL('../../../scripts/ingest.ts', import.meta.url).pathname;
const cli = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 30_000 });

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

describe('the ingest command with hostile paths and options', { timeout: 30_000 }, () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'hostile-'));
  const export1 = HEAD + '北京市,6.09,6.1\n';

  it('refuses --out equal to or inside an input folder, and changes no input', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    for (const out of [d, join(d, 'sub')]) {
      const r = cli(d, '--out', out);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('输入文件夹');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(join(d, 'x.csv'), 'utf8')).toBe(export1);
    expect(readdirSync(d)).toEqual(['x.csv']);
  });

  it('an input given from inside --out keeps its bytes; a refused input deletes nothing', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    writeFileSync(join(d, 'x.xls'), 'not really a spreadsheet');
    const r = cli(join(d, 'x.csv'), join(d, 'x.xls'), '--out', d);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(d, 'x.csv'), 'utf8')).toBe(export1);
  });

  it('symlink loops, second links and FIFOs end with a line each, no hang', () => {
    const d = dir();
    const input = join(d, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'x.csv'), export1);
    symlinkSync('.', join(input, 'a'));
    symlinkSync('.', join(input, 'b'));
    symlinkSync('x.csv', join(input, 'y.csv'));
    spawnSync('mkfifo', [join(input, 'f.csv')]);
    // A workbook is read whole, not streamed: it too must be opened without blocking.
    spawnSync('mkfifo', [join(input, 'g.xls')]);
    const r = cli(input, '--out', join(d, 'out'));
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8'));
    expect(report.totals.files).toBe(1);
    expect(r.stderr).toContain('同一个文件');
    expect(r.stderr).toContain('FIFO');
  });

  it.each(['book.xls', 'book.xlsx', 'table.csv'])('%s that is a FIFO or /dev/zero is refused by the reader itself, no hang', async (name) => {
    // The command skips non-files before reading, but the reader must not rely on it: a workbook is read whole,
    // and reading a FIFO whole waits for a writer forever (the test would time out).
    const d = dir();
    spawnSync('mkfifo', [join(d, name)]);
    symlinkSync('/dev/zero', join(d, `zero-${name}`));
    for (const file of [join(d, name), join(d, `zero-${name}`)]) {
      const { report } = await ingestFile(file);
      expect(report.status).toBe('refused');
      expect(report.problems.map((p) => p.message).join('\n')).toContain('不是普通文件');
    }
  });

  it('a FIFO behind a link named .xls, given by name, ends with a line, no hang', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    spawnSync('mkfifo', [join(d, 'pipe')]);
    symlinkSync('pipe', join(d, 'book.xls'));
    const r = cli(join(d, 'x.csv'), join(d, 'book.xls'), '--out', join(d, 'out'));
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain('book.xls');
    expect(r.stderr).toContain('FIFO');
    expect(JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8')).totals.files).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [['--year', ''], '--year'],
    [['--year', '99999'], '--year'],
    [['--region', ' '], '--region'],
    [['--year', '2024', '--year', '2023'], '--year 给出了不止一次'],
  ])('option %j is refused in one line', (args, words) => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    const r = cli(join(d, 'x.csv'), '--out', join(d, 'out'), ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(words);
  });

  it('--out an existing file, --out under a file, report.json a folder: one line, no stack trace', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    writeFileSync(join(d, 'file'), '');
    mkdirSync(join(d, 'o3', 'report.json'), { recursive: true });
    for (const out of [join(d, 'file'), join(d, 'file', 'sub'), join(d, 'o3')]) {
      const r = cli(join(d, 'x.csv'), '--out', out);
      expect(r.status, r.stderr).toBeGreaterThan(1);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('stderr piped is complete: one line per listed problem, as many as the report has', () => {
    const d = dir();
    const rows = Array.from({ length: 1200 }, (_, i) => `出生率,全国,${1900 + (i % 200)},abc,‰\n`).join('');
    for (const name of ['a', 'b', 'c']) writeFileSync(join(d, `${name}.csv`), 'indicator,region,year,value,unit\n' + rows);
    const r = cli(d, '--out', join(d, '..', `piped-${Date.now()}`));
    const out = r.stdout.match(/报告：(.*report\.json)/)![1]!;
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.stderr.trim().split('\n')).toHaveLength(report.totals.problems);
    expect(report.totals.cellsRejected).toBe(3600);
  });

  it('a file named in GBK bytes (not UTF-8) is read by its bytes, shown by its GBK name; the line names the bytes', () => {
    const d = dir();
    const folder = Buffer.from(join(d, 'in'));
    mkdirSync(folder);
    // 人口.csv in GBK, as a Chinese Windows zip unpacks it; and bytes that are neither UTF-8 nor GBK.
    writeFileSync(Buffer.concat([folder, Buffer.from('/'), Buffer.from([0xc8, 0xcb, 0xbf, 0xda]), Buffer.from('.csv')]), export1);
    writeFileSync(Buffer.concat([folder, Buffer.from('/'), Buffer.from([0xff, 0x41]), Buffer.from('.csv')]), export1);
    const r = cli(join(d, 'in'), '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('人口.csv: 文件名不是 UTF-8（字节 C8 CB BF DA 2E 63 73 76），按 GBK 解读显示');
    expect(r.stderr).toContain('\\xFFA.csv: 文件名不是 UTF-8 也不是 GBK（字节 FF 41 2E 63 73 76）');
    const report = JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8'));
    expect(report.files.map((f: { file: string; output: string }) => [f.file.slice(d.length), f.output])).toEqual([
      ['/in/人口.csv', '人口.csv'],
      ['/in/\\xFFA.csv', '\\xFFA.csv'],
    ]);
    expect(report.totals).toMatchObject({ files: 2, refused: 0, valuesWritten: 4 });
  });

  it('an output whose name is already a folder takes the next name; nothing half-written is left', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    mkdirSync(join(d, 'out', 'x.csv'), { recursive: true });
    const r = cli(join(d, 'x.csv'), '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['report.json', 'x-2.csv', 'x.csv']);
    expect(JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8')).files[0].output).toBe('x-2.csv');
  });

  it('a path past the system limit (4 KB), given or deep in a folder, is refused with its reason: exit 1, never skipped', () => {
    const d = dir();
    writeFileSync(join(d, 'ok.csv'), export1);
    // 22 folders of 200 characters: the file inside is past PATH_MAX from the top (a shell makes them step by step).
    const step = 'd'.repeat(200);
    spawnSync('sh', ['-c', `for i in $(seq 22); do mkdir ${step} && cd ${step}; done && cp ../../${'../'.repeat(20)}ok.csv x.csv`], { cwd: d });
    const given = cli(join(d, `${'x'.repeat(5000)}.csv`), '--out', join(d, 'o1'));
    const walked = cli(d, '--out', join(d, '..', `deep-out-${Date.now()}`));
    for (const r of [given, walked]) {
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/错误\[unreadable-file\]: 无法读取文件：路径太长/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(walked.stdout).toMatch(/读取 2 个文件（拒绝 1 个）/);
  });

  it('/dev/zero and a single self-link: refused or read once, at once', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    symlinkSync('.', join(d, 'self'));
    const zero = cli('/dev/zero', '--out', join(d, '..', `zero-${Date.now()}`));
    expect(zero.status).toBe(1);
    expect(zero.stderr).toContain('/dev/zero: 跳过：不是普通文件');
    const self = cli(d, '--out', join(d, '..', `self-${Date.now()}`));
    expect(self.status, self.stderr).toBe(0);
    expect(self.stdout).toMatch(/读取 1 个文件/);
  });

  it('a tidy label whose bracket is not its unit keeps it, and is written formula-guarded', () => {
    const d = dir();
    writeFileSync(join(d, 't.csv'), 'indicator,region,year,value,unit\n"=HYPERLINK(""http://x"")",全国,2024,1.5,‰\n人口出生率(‰),全国,2024,6.39,‰\n');
    const r = cli(join(d, 't.csv'), '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(
      readFileSync(join(d, 'out', 't.csv'), 'utf8')
        .split('\n')
        .slice(1, 3),
    ).toEqual([
      `"'=HYPERLINK(""http://x"")",‰,100000,全国,2024,1.5,${join(d, 't.csv')},2`,
      `人口出生率,‰,100000,全国,2024,6.39,${join(d, 't.csv')},3`,
    ]);
  });

  it('an empty input set exits non-zero with a message', () => {
    const d = dir();
    const r = cli(d, '--out', join(d, '..', `out-${Date.now()}`));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有可读取的输入文件');
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
