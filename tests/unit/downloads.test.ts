// Researchers' downloads as published in build/data/downloads: the data package validates, every CSV and
// JSON parses back to exactly the published values, cells cannot run as formulas, the checksums and the zip
// match the files, and the citations and "data shown" CSV say what they should.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { publishedDir, readCatalog, readDownloadsIndex, readSeries } from '../../src/site-data/read.ts';
import { BOM, csvDocument, neutralizeCell } from '../../src/shared/downloads/csv-cells.ts';
import { indicatorCitationEn, indicatorCitationZh } from '../../src/shared/downloads/citation.ts';
import { parseShownBlocks, shownCsv, type SeriesDownload } from '../../src/shared/downloads/shown.ts';
import { coverage } from '../../src/pipeline/downloads/series-json.ts';
import { decimalText } from '../../src/pipeline/ingest/tidy-output.ts';
import { defaultShownBlocks } from '../../src/site-data/summaries.ts';
import { dataPackageErrors, RESERVED_NAMES } from '../helpers/data-package.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';
import { loadProcurementBatches, ProcurementDataError } from '../../src/site-data/procurement.ts';
import { loadCatalog } from '../../src/catalog/load.ts';
import { buildData } from '../../src/pipeline/build-published.ts';
import { publishedPaths } from '../../src/pipeline/publication.ts';

const DIR = join(publishedDir(), 'downloads');
const bytes = (file: string) => new Uint8Array(readFileSync(join(DIR, file)));
const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const parseCsv = (file: string) => {
  const raw = text(file);
  expect(raw.startsWith(BOM), `${file} starts with a BOM`).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};
const ids = readCatalog().map((e) => e.indicator.id);

describe('formula neutralizing', () => {
  it('prefixes text a spreadsheet would run, leaves numbers (negative too) as numbers', () => {
    const hostile = ['=1+1', "=cmd|' /C calc'!A0", '+SUM(A1:A2)', '-A1*2', '@SUM(A1)', '\tfoo', '\rbar', '=HYPERLINK("http://x","点")'];
    for (const cell of hostile) expect(neutralizeCell(cell), cell).toBe(`'${cell}`);
    for (const cell of ['-3.2', '-0.99', '+5', '0', '12', '3.40', '-12', '人口出生率', 'a=b', '1/10万', ''])
      expect(neutralizeCell(cell), cell).toBe(cell);
  });

  it('survives a round trip through the CSV writer and papaparse, quoting per RFC 4180', () => {
    const csv = csvDocument(
      ['a', 'b', 'c'],
      [
        ['=1+1', '-0.5', 'say "hi", then\r\nbye'],
        ['@x', '-7', '+'],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('"say ""hi"", then\r\nbye"');
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ["'=1+1", '-0.5', 'say "hi", then\r\nbye'],
      ["'@x", '-7', "'+"],
    ]);
  });

  it('no published CSV cell starts like a formula unless it is a plain number', () => {
    const csvs = readdirSync(DIR).filter((f) => f.endsWith('.csv'));
    // Two per indicator, then revisions.csv, targets.csv, events.csv and vbp-batches.csv.
    expect(csvs.length).toBe(ids.length * 2 + 4);
    for (const file of csvs) {
      const rows = Papa.parse<string[]>(text(file).slice(1), { skipEmptyLines: true }).data;
      for (const row of rows) for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(cell, file).toMatch(/^[-+]?\d+(\.\d+)?$/);
    }
    // The natural growth rate has negative values: they stay numbers.
    expect(parseCsv('natural-growth-rate.csv').some((r) => r.value!.startsWith('-'))).toBe(true);
  });
});

describe('every CSV and JSON parses back to exactly the published values', () => {
  for (const id of ids) {
    it(id, () => {
      const series = readSeries(id);
      const byKey = new Map(series.values.map((v) => [`${v.regionCode}|${v.year}`, v]));
      const tidy = parseCsv(`${id}.csv`);
      expect(tidy.length).toBe(series.values.length);
      for (const row of tidy) {
        const v = byKey.get(`${row.region_code}|${row.year}`)!;
        expect(v, `${id} ${row.region_code} ${row.year}`).toBeDefined();
        expect([row.value, row.unit, row.status, row.source_id, row.region, row.source_file, row.source_line]).toEqual([
          decimalText(v.value, v.decimals),
          series.indicator.unit,
          v.status,
          v.source,
          v.region,
          v.sourceFile,
          String(v.sourceLine),
        ]);
        expect(Number(row.value)).toBe(v.value);
      }
      const wide = parseCsv(`${id}-wide.csv`);
      let cells = 0;
      for (const row of wide) {
        for (const [column, cell] of Object.entries(row)) {
          if (!/^\d{4}$/.test(column)) continue;
          const v = byKey.get(`${row.region_code}|${column}`);
          expect(cell, `${id} wide ${row.region_code} ${column}`).toBe(v ? decimalText(v.value, v.decimals) : '');
          if (v) cells++;
        }
        // A bounded value (95%以上) is listed in the bounds column, so the bare number is never read as the figure.
        const bounded = series.values
          .filter((v) => v.regionCode === row.region_code && v.comparator)
          .sort((a, b) => a.year - b.year)
          .map((v) => `${v.year}:${v.comparator}`);
        expect(row.bounds ?? '', `${id} wide ${row.region_code} bounds`).toBe(bounded.join('; '));
      }
      expect(cells).toBe(series.values.length);
      const json = JSON.parse(text(`${id}.json`)) as SeriesDownload & { earlier_releases: unknown[]; data_version: string };
      expect(json.values.map((v) => [v.region_code, v.year, v.value_text, v.status])).toEqual(
        series.values.map((v) => [v.regionCode, v.year, decimalText(v.value, v.decimals), v.status]),
      );
      expect(json.earlier_releases.length).toBe(series.earlierReleases.length);
    });
  }

  it('revisions stay visible: the 2011–2014 birth rates carry their pre-census releases', () => {
    const row = parseCsv('birth-rate.csv').find((r) => r.region_code === '100000' && r.year === '2012')!;
    expect(row.status).toBe('revised');
    expect(row.earlier_releases).toMatch(/^\d+\.\d+（.+）$/);
    const revisions = parseCsv('revisions.csv');
    const total = ids.reduce((n, id) => n + readSeries(id).earlierReleases.length, 0);
    expect(revisions.length).toBe(total);
    expect(revisions.some((r) => r.indicator_id === 'health-expenditure' && r.year === '2015' && r.value !== r.earlier_value)).toBe(true);
  });

  it('procurement by batch: vbp-batches.csv is the batch file as stated, empty where nothing was published', () => {
    const { batches, sources } = loadProcurementBatches();
    const rows = parseCsv('vbp-batches.csv');
    expect(rows.map((r) => r.batch_id)).toEqual(batches.map((b) => b.id));
    rows.forEach((row, i) => {
      const b = batches[i]!;
      expect([row.date, row.drugs, row.price_cut, row.price_cut_basis, row.cumulative, row.status, row.source_id]).toEqual([
        b.date,
        String(b.drugs),
        b.price_cut === null ? '' : String(b.price_cut),
        b.price_cut_basis_zh ?? '',
        b.cumulative === null ? '' : String(b.cumulative),
        b.status,
        b.source,
      ]);
      expect(row.source).toContain(sources[b.source]!.title);
      expect(row.note).toBe(b.note_zh);
    });
    // A batch without a stated cut stays empty, never 0.
    expect(rows.find((r) => r.batch_id === 'batch-10')).toMatchObject({ price_cut: '', cumulative: '' });
    const pkg = JSON.parse(text('datapackage.json'));
    const resource = pkg.resources.find((r: { name: string }) => r.name === 'vbp-batches');
    expect(resource.schema.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(rows[0]!));
    expect(resource.schema.primaryKey).toEqual(['batch_id']);
    expect(resource.schema.fields.find((f: { name: string }) => f.name === 'price_cut').unit).toBe('%');
    expect(resource.sources.length).toBe(new Set(batches.map((b) => b.source)).size);
    for (const id of Object.keys(sources))
      expect(
        pkg.sources.some((s: { title: string }) => s.title.includes(sources[id]!.title)),
        id,
      ).toBe(true);
    expect(readDownloadsIndex().files.find((f) => f.path === 'vbp-batches.csv')).toMatchObject({ kind: 'procurement', rows: batches.length });
  });

  it('wide CSV of an indicator (snapshot; the tidy one is in published-data.test.ts)', () => {
    matchSnapshotFile(text('maternal-mortality-wide.csv'), 'data/maternal-mortality-wide.csv');
  });
});

describe('data package, checksums and the zip', () => {
  const pkg = JSON.parse(text('datapackage.json'));

  it('datapackage.json passes the structural check, with one resource per file', () => {
    expect(
      dataPackageErrors(pkg, (p) => {
        try {
          return bytes(p);
        } catch {
          return undefined;
        }
      }),
    ).toEqual([]);
    const paths = pkg.resources.map((r: { path: string }) => r.path).sort();
    const expected = readdirSync(DIR)
      .filter((f) => /\.(csv|json)$/.test(f) && f !== 'datapackage.json')
      .sort();
    expect(paths).toEqual(expected);
    const birth = pkg.resources.find((r: { name: string }) => r.name === 'birth-rate');
    expect(birth.schema.fields.find((f: { name: string }) => f.name === 'value').unit).toBe('‰');
    expect(birth.sources.length).toBeGreaterThan(0);
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
  });

  it('the check catches what it claims to: a wrong hash, a bad type, a duplicate key', () => {
    const broken = structuredClone(pkg);
    const birth = broken.resources.find((r: { name: string }) => r.name === 'birth-rate');
    birth.hash = 'sha256:00';
    birth.schema.fields.find((f: { name: string }) => f.name === 'region').type = 'integer';
    const wide = broken.resources.find((r: { name: string }) => r.name === 'birth-rate-wide');
    wide.schema.primaryKey = ['unit'];
    const errors = dataPackageErrors(broken, (p) => bytes(p)).join('\n');
    expect(errors).toMatch(/birth-rate: hash does not match/);
    expect(errors).toMatch(/birth-rate: row 2, field region: not an integer: 全国/);
    expect(errors).toMatch(/birth-rate-wide: duplicate primary key ‰/);
  });

  it('the check catches the frictionless traps: a descriptor file name, profiles, media type, encoding, $schema', () => {
    expect(pkg.resources.some((r: { path: string }) => r.path === 'ingestion.json')).toBe(true);
    expect(pkg.resources.some((r: { path: string }) => r.path.endsWith('report.json'))).toBe(false);
    const broken = structuredClone(pkg);
    const ingestion = broken.resources.find((r: { name: string }) => r.name === 'ingestion');
    ingestion.path = 'report.json';
    const birth = broken.resources.find((r: { name: string }) => r.name === 'birth-rate');
    birth.mediatype = 'text/plain';
    birth.encoding = 'gbk';
    birth.profile = 'tabular';
    const wide = broken.resources.find((r: { name: string }) => r.name === 'birth-rate-wide');
    wide.path = 'sub/../birth-rate-wide.csv';
    broken.$schema = 'https://datapackage.org/profiles/2.0/datapackage.json';
    // The renamed file is read from where it really is, so only the path rule can fail it.
    const read = (p: string) => bytes(p === 'report.json' ? 'ingestion.json' : p === 'sub/../birth-rate-wide.csv' ? 'birth-rate-wide.csv' : p);
    const errors = dataPackageErrors(broken, read).join('\n');
    expect(errors).toMatch(/ingestion: path report.json ends in report.json, which frictionless opens as its own descriptor/);
    expect(errors).toMatch(/birth-rate: mediatype text\/plain must be text\/csv/);
    expect(errors).toMatch(/birth-rate: encoding must be utf-8/);
    expect(errors).toMatch(/birth-rate: profile must be one of/);
    expect(errors).toMatch(/birth-rate-wide: path must be relative/);
    expect(errors).toMatch(/a v1 package \(profile\) carries no \$schema/);
    for (const name of ['map.json', 'schema.yaml', 'pipeline.json']) expect(RESERVED_NAMES).toContain(name);
  });

  it('SHA256SUMS lists every file with its hash, and the zip holds exactly those files', () => {
    const sums = text('SHA256SUMS')
      .trim()
      .split('\n')
      .map((l) => l.split('  ') as [string, string]);
    const files = readdirSync(DIR)
      .filter((f) => f !== 'SHA256SUMS' && f !== 'yigai-data.zip')
      .sort();
    expect(sums.map(([, f]) => f)).toEqual(files);
    for (const [hash, file] of sums) expect(createHash('sha256').update(bytes(file)).digest('hex'), file).toBe(hash);
    const zip = unzipSync(bytes('yigai-data.zip'));
    const folder = `yigai-data-${pkg.version}/`;
    expect(Object.keys(zip).sort()).toEqual([...files, 'SHA256SUMS'].sort().map((f) => folder + f));
    for (const f of [...files, 'SHA256SUMS']) expect(Buffer.compare(Buffer.from(zip[folder + f]!), Buffer.from(bytes(f))), f).toBe(0);
    const entry = readDownloadsIndex().files.find((f) => f.kind === 'bundle')!;
    expect(entry.sha256).toBe(createHash('sha256').update(bytes('yigai-data.zip')).digest('hex'));
  });

  it('the downloads index gives every file its size and row count', () => {
    const index = readDownloadsIndex();
    expect(index.files.map((f) => f.path).sort()).toEqual(readdirSync(DIR).sort());
    for (const f of index.files) {
      expect(f.bytes, f.path).toBe(bytes(f.path).length);
      if (f.path.endsWith('.csv')) expect(f.rows, f.path).toBe(parseCsv(f.path).length);
    }
  });
});

describe('citations and the data shown', () => {
  const release = {
    version: '2026.11.22',
    date: '2026-11-22',
    title: '医改数据',
    title_en: 'CHRD',
    compiler: '医改数据',
    compiler_en: 'China Health Reform Data',
    licence: { name: 'CC-BY-4.0', title: 'CC BY 4.0', path: 'https://creativecommons.org/licenses/by/4.0/', note: 'n', note_en: 'n' },
  };
  const parts = { release, url: 'https://example.org/indicators/birth-rate/', accessed: '2026-12-01' };

  it('GB/T 7714: 主要责任者. 题名[DS/OL]. 版本. (更新日期)[引用日期]. 网址.', () => {
    const series = readSeries('birth-rate');
    expect(indicatorCitationZh(series.indicator, coverage(series), parts)).toBe(
      '医改数据. 人口出生率（全国及分省，2001—2025年）[DS/OL]. 数据版本 2026.11.22. (2026-11-22)[2026-12-01]. https://example.org/indicators/birth-rate/.',
    );
    expect(indicatorCitationEn(series.indicator, coverage(series), ['National Bureau of Statistics of China'], parts)).toBe(
      'China Health Reform Data (2026). Crude birth rate, national and provincial, 2001–2025 [Data set]. Version 2026.11.22. Compiled from official publications of National Bureau of Statistics of China. Retrieved 2026-12-01, from https://example.org/indicators/birth-rate/',
    );
  });

  it('the default view gives the national series and the latest provincial year, nothing else', () => {
    const series = readSeries('birth-rate');
    const download = JSON.parse(text('birth-rate.json')) as SeriesDownload;
    const blocks = defaultShownBlocks(series);
    const provincialYear = Math.max(...series.values.filter((v) => v.regionCode !== '100000').map((v) => v.year));
    const rows = Papa.parse<Record<string, string>>(shownCsv(download, blocks).csv, { header: true, skipEmptyLines: true }).data;
    const national = series.values.filter((v) => v.regionCode === '100000');
    expect(rows.filter((r) => r.region_code === '100000').map((r) => r.year)).toEqual(national.map((v) => String(v.year)));
    expect(new Set(rows.filter((r) => r.region_code !== '100000').map((r) => r.year))).toEqual(new Set([String(provincialYear)]));
    expect(rows.filter((r) => r.region_code !== '100000').length).toBe(31);
  });

  it('a chosen view: two provinces over five years; junk in the view record is ignored', () => {
    const download = JSON.parse(text('birth-rate.json')) as SeriesDownload;
    const blocks = parseShownBlocks(
      JSON.stringify([{ regions: ['110000', '310000'], from: 2010, to: 2014 }, { regions: 'all', from: 1, to: 3000 }, null]),
    );
    expect(blocks).toHaveLength(1);
    const { rows } = shownCsv(download, blocks);
    expect(rows).toBe(10);
    expect(parseShownBlocks('not json')).toEqual([]);
  });

  it('carries each value note in English beside the Chinese one, as the tidy download does', () => {
    const download = JSON.parse(text('maternal-mortality.json')) as SeriesDownload;
    const rows = Papa.parse<Record<string, string>>(shownCsv(download, [{ regions: ['100000'], from: 1990, to: 2100 }]).csv, {
      header: true,
      skipEmptyLines: true,
    }).data;
    const noted = rows.filter((r) => r.note);
    expect(noted.length).toBeGreaterThan(0);
    for (const r of noted) expect(r.note_en, `${r.year}`).toMatch(/^[^\u4e00-\u9fff]*(《[^》]*》[^\u4e00-\u9fff]*)*$/);
  });
});

describe('the procurement download in the pipeline', () => {
  /** A copy of data/ to break; the pipeline run on it, and the copy removed. */
  const withData = async (change: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'vbp-dl-'));
    try {
      cpSync('data', join(dir, 'data'), { recursive: true });
      change(join(dir, 'data'));
      return await buildData(loadCatalog(join(dir, 'data')), join(dir, 'data', 'raw'), dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('a wrong batch file stops the pipeline with file:line:column, and a data folder without one has no such file', async () => {
    const error = await withData((dir) => {
      const path = join(dir, 'raw/reform/vbp-batches.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace('drugs: 25', 'drugs: -25'));
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcurementDataError);
    expect((error as ProcurementDataError).problems.join('\n')).toMatch(/vbp-batches\.yaml:\d+:\d+: 字段 batches\.0\.drugs/);
    const { files } = await withData((dir) => rmSync(join(dir, 'raw/reform/vbp-batches.yaml')));
    expect(files.has(publishedPaths.download('vbp-batches.csv'))).toBe(false);
    expect(files.has(publishedPaths.download('revisions.csv'))).toBe(true);
  });
});
