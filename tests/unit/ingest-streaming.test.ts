// Streaming ingestion: reading a file piece by piece gives exactly what reading it whole gave, wherever the
// pieces break; decoding errors name their line; what memory does not keep (first places of duplicates,
// out-of-order series) is found by a second reading; the CLI's streamed files equal the whole-file ones.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { encodeGbk } from '../../scripts/bench/gbk.ts';
import { CsvRowReader, readCsvRows, type SourceRow } from '../../src/pipeline/ingest/rows.ts';
import { ingestBytes, ingestFile } from '../../src/pipeline/ingest/ingest-file.ts';
import { ingestInputs } from '../../src/pipeline/ingest/ingest-run.ts';
import { summarize } from '../../src/pipeline/ingest/ingest-report.ts';
import { tidyCsv } from '../../src/pipeline/ingest/tidy-output.ts';
import { TidyCsvWriter } from '../../src/pipeline/ingest/tidy-output-stream.ts';
import type { Observation } from '../../src/pipeline/types.ts';
import { CORPUS, FIXTURES, SHARED_PRESENT } from '../helpers/fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const inputs = [
  ...readdirSync(FIXTURES)
    .filter((f) => f !== 'README.md')
    .map((f) => [f, FIXTURES + f]),
  ...(SHARED_PRESENT
    ? readdirSync(CORPUS)
        .filter((f) => f !== 'README.md')
        .map((f) => [f, CORPUS + f])
    : []),
];
const json = (x: unknown) => JSON.stringify(x);

describe('reading in pieces', () => {
  it.each(inputs)('%s: pieces of 1, 7 and 1000 bytes give what one piece gives', (name, path) => {
    const bytes = readFileSync(path!);
    for (const options of [{}, { indicator: '人口出生率(‰)' }, { region: '全国' }]) {
      const whole = json(ingestBytes(bytes, name!, options, bytes.length + 1));
      for (const piece of [1, 7, 1000]) expect(json(ingestBytes(bytes, name!, options, piece))).toBe(whole);
    }
  });

  it('files read at the same time do not mix (each reading has its own buffer)', async () => {
    const paths = inputs.map(([, path]) => path!);
    const one = [];
    for (const path of paths) one.push(json(await ingestFile(path)));
    expect((await Promise.all(paths.map((path) => ingestFile(path)))).map(json)).toEqual(one);
  });

  it('rows keep their lines across piece breaks: quoted notes over several lines, CR LF split between pieces', () => {
    const text = '指标,2024年\r\n"注：第一行,\r\n第二行"\r\n\r\n北京市,6.09\r\n"a ""b""",c\n';
    const whole = readCsvRows(text);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 5, 6]);
    for (let at = 1; at < text.length; at++) {
      const rows: SourceRow[] = [];
      const reader = new CsvRowReader((row) => rows.push(row.toRow()));
      reader.push(text.slice(0, at));
      reader.push(text.slice(at));
      reader.end();
      expect(rows, `break at ${at}`).toEqual(whole);
    }
  });

  it('a quote left open waits for its closing quote, however many pieces come between', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `第${i + 1}行,${i}`);
    const text = `a,"open\n${lines.join('\n')}\nclosed",b\n北京市,6.09\n`;
    const whole = readCsvRows(text);
    const rows: SourceRow[] = [];
    const reader = new CsvRowReader((row) => rows.push(row.toRow()));
    // Line by line, as the file reader cuts pieces at line breaks.
    for (const piece of text.split(/(?<=\n)/)) reader.push(piece);
    reader.end();
    expect(rows).toEqual(whole);
    expect(rows.map((r) => r.line)).toEqual([1, 2003]);
    expect(rows[0]!.cells[1]).toContain('第2000行,1999');
  });
});

describe('counting', () => {
  it('a cell under a bad column header, in a row without a label, is counted once', () => {
    const { report } = ingestBytes(utf8('地区,2020年,abc年\n北京市,1,2\n,3,4\n'), 'bad-column.csv', { indicator: '人口出生率(‰)' });
    expect(report.counts.dataCells).toBe(4);
    expect(report.counts.dataCells).toBe(report.counts.valuesWritten + report.counts.cellsEmpty + report.counts.cellsRejected);
  });
});

describe('decoding, piece by piece', () => {
  const gbkExport = (rows: string[]) =>
    encodeGbk(['数据库：分省年度数据', '指标：人口出生率(‰)', '时间：最近2年', '地区,2024年,2023年', ...rows].join('\r\n') + '\r\n');

  it('a GBK file with broken bytes is refused at the line and field that hold them', () => {
    const good = gbkExport(['北京市,6.09,5.63', '天津市,4.99,4.56']);
    const broken = new Uint8Array([...good.subarray(0, good.length - 6), 0xff, 0x0d, 0x0a]);
    const r = ingestBytes(broken, 'broken.csv');
    expect(r.report.status).toBe('refused');
    expect(r.report.problems).toEqual([expect.objectContaining({ code: 'unreadable-encoding', line: 6, column: 3 })]);
    expect(r.report.counts.valuesWritten).toBe(0);
  });

  it('plain ASCII for the first pieces, then GBK: read as GBK, like the whole file', () => {
    const ascii = Array.from({ length: 4000 }, (_, i) => `indicator${i},100000,${2000 + (i % 20)},1.5,x,s`);
    const bytes = new Uint8Array([
      ...utf8(`indicator,region,year,value,unit,source\n${ascii.join('\n')}\n`),
      ...encodeGbk('人口出生率,全国,2024,6.77,‰,nbs\n'),
    ]);
    for (const piece of [1000, 1 << 16]) {
      const r = ingestBytes(bytes, 'late-gbk.csv', {}, piece);
      expect(r.report.encoding).toBe('gb18030');
      expect(r.observations.at(-1)).toMatchObject({ indicator: '人口出生率', value: 6.77, sourceLine: 4002 });
    }
  });

  it('UTF-8 text that later turns into other bytes is refused at that line, not read as mojibake', () => {
    const head = Array.from({ length: 5000 }, (_, i) => `人口出生率,全国,${1000 + i},6.77,‰,nbs`).join('\n');
    const bytes = new Uint8Array([...utf8(`indicator,region,year,value,unit,source\n${head}\n`), ...encodeGbk('人口出生率,北京,2024,6.09,‰,nbs\n')]);
    const r = ingestBytes(bytes, 'mixed.csv', {}, 1 << 16);
    expect(r.report.status).toBe('refused');
    expect(r.report.problems).toEqual([expect.objectContaining({ code: 'unreadable-encoding', line: 5002, column: 1 })]);
    expect(r.report.problems[0]!.message).toContain('混用');
  });
});

describe('what a second reading settles', () => {
  const tidy = (rows: string[]) => utf8(['indicator,region,year,value,unit,source,status', ...rows].join('\n') + '\n');

  it('a duplicate far from the first value names the first value’s line and column', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `人口出生率,北京市,${1900 + i},${i},‰,s,single-source`);
    const r = ingestBytes(
      tidy([...rows, '人口出生率,北京市,1950,1,‰,s,single-source', '人口出生率,北京市,1950,49,‰,s,superseded']),
      'dup.csv',
      {},
      512,
    );
    expect(r.report.problems).toEqual([
      expect.objectContaining({
        code: 'duplicate-value',
        line: 202,
        column: 4,
        message: '北京市 1950年「人口出生率」重复：第52行第4列已有数值 50，此处为 1（不同）',
      }),
    ]);
    expect(r.observations).toHaveLength(201); // the earlier release is kept beside the value in force
  });

  it('outliers in a series whose years come out of order are found as in the whole, sorted series', () => {
    const years = [2015, 2010, 2020, 2011, 2016, 2012, 2014, 2013];
    const value = (y: number) => (y === 2015 || y === 2011 ? 90 : 5);
    const r = ingestBytes(tidy(years.map((y) => `人口出生率,天津市,${y},${value(y)},‰,s,single-source`)), 'unordered.csv', {}, 64);
    expect(r.report.problems.map((p) => [p.code, p.line])).toEqual([
      ['outlier', 5],
      ['outlier', 2],
    ]); // 2011, then 2015
  });
});

describe('county-level rows', () => {
  it('a 6-digit code in the division list is a county, named as the list names it; one not in it is an error', () => {
    const r = ingestBytes(
      utf8('indicator,region_code,region,year,value,unit\n合成指标,110105,朝阳区,2024,5.1,‰\n合成指标,990105,某县,2024,5.2,‰\n'),
      'county.csv',
    );
    expect(r.observations).toEqual([expect.objectContaining({ regionCode: '110105', region: '朝阳区', value: 5.1 })]);
    expect(r.report.scope).toBe('county');
    expect(r.report.problems).toEqual([expect.objectContaining({ code: 'unknown-region', line: 3 })]);
  });
});

describe('the command’s streamed outputs', () => {
  it('the tidy CSV writer writes what tidyCsv writes, quoting and all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'writer-'));
    const o = (over: Partial<Observation>): Observation => ({
      indicator: '人口出生率',
      unit: '‰',
      regionCode: '110000',
      region: '北京市',
      year: 2024,
      value: 6.09,
      decimals: 2,
      sourceFile: 'a.csv',
      sourceLine: 5,
      sourceColumn: 2,
      ...over,
    });
    const observations = [
      o({}),
      o({ indicator: 'a,b', value: -0, decimals: 1 }),
      o({ region: ' 北京"市', value: 1e21, decimals: 0 }),
      o({ sourceFile: 'dir/x\ny.csv', value: 5.3, decimals: 2 }),
      o({ indicator: '=HYPERLINK("http://x")', region: '@SUM(A1)', value: -3.2, decimals: 1 }),
    ];
    for (const list of [observations, []]) {
      const writer = new TidyCsvWriter(join(dir, 'out.csv'));
      for (const x of list) writer.add(x);
      await writer.close(list.length === 0);
      expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(tidyCsv(list));
    }
    // A quarterly table's rows carry their period in a 9th column, last, so the first 8 keep their places.
    const quarterly = [o({ year: 2022, period: '2022Q4' }), o({ year: 2022, period: '2022Q3' })];
    const writer = new TidyCsvWriter(join(dir, 'q.csv'));
    for (const x of quarterly) writer.add(x);
    await writer.close(false);
    const q = readFileSync(join(dir, 'q.csv'), 'utf8');
    expect(q).toBe(tidyCsv(quarterly));
    expect(q.split('\n').slice(0, 2)).toEqual([
      '\ufeffindicator,unit,region_code,region,year,value,source_file,source_line,period',
      '人口出生率,‰,110000,北京市,2022,6.09,a.csv,5,2022Q4',
    ]);
    // Formula-like text gets the downloads' apostrophe; a negative number stays a number; the BOM leads.
    const text = tidyCsv(observations);
    expect(text.startsWith('\ufeffindicator,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")",‰,110000,'@SUM(A1),2024,-3.2,`);
  });

  it('an output that cannot be written (the disk full) leaves no .partial behind, neither closed nor in the middle of its input (hostile25i2)', async () => {
    const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const dir = mkdtempSync(join(tmpdir(), 'full-'));
    const writer = new TidyCsvWriter(join(dir, 'out.csv'));
    (Reflect.get(writer, 'stream') as NodeJS.WritableStream & { destroy(e: Error): void }).destroy(full());
    await expect(writer.close(false)).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
    // A write failing while its input is still read (flush, between pieces) stops the run: its .partial goes
    // with the report's, and the outputs that were closing finish or go.
    const inputs = mkdtempSync(join(tmpdir(), 'full-in-'));
    writeFileSync(join(inputs, 'a.csv'), 'indicator,region,year,value,unit\n' + '出生率,全国,2024,6.39,‰\n'.repeat(100_000));
    const out = mkdtempSync(join(tmpdir(), 'full-out-'));
    const flush = vi.spyOn(TidyCsvWriter.prototype, 'flush').mockRejectedValue(full());
    try {
      await expect(ingestInputs([FIXTURES + 'tidy-long.csv', join(inputs, 'a.csv')], out, {})).rejects.toThrow(/ENOSPC/);
    } finally {
      flush.mockRestore();
    }
    expect(readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('report.json, written file by file, is JSON.stringify of the whole summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'report-'));
    await ingestInputs([FIXTURES + 'bad-cells.csv', FIXTURES + 'spreadsheet.xlsx', FIXTURES + 'tidy-long.csv'], out, {});
    const text = readFileSync(join(out, 'report.json'), 'utf8');
    expect(text).toBe(JSON.stringify(summarize(JSON.parse(text).files), null, 2) + '\n');
    const empty = mkdtempSync(join(tmpdir(), 'report-'));
    await ingestInputs([], empty, {});
    expect(readFileSync(join(empty, 'report.json'), 'utf8')).toBe(JSON.stringify(summarize([]), null, 2) + '\n');
  });
});
