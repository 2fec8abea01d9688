// The bundled dataset as published: every value matches the official figures in ../shared/reference, every
// value cites a publication and a verification status, and the ingestion counts reconcile.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { conservationErrors } from '../../src/pipeline/ingest/ingest-report.ts';
import { REFERENCE, SHARED_PRESENT } from '../helpers/fixtures.ts';
import {
  readCatalog as publishedCatalog,
  readCsvBytes,
  readReport as publishedReport,
  readSeries as publishedSeries,
} from '../../src/site-data/read.ts';

const publishedCsv = (id: string) => new TextDecoder().decode(readCsvBytes(id));
import { matchSnapshotFile } from '../helpers/snapshot.ts';

describe.skipIf(!SHARED_PRESENT)('published values against ../shared/reference/official-figures.csv', () => {
  const reference = SHARED_PRESENT
    ? Papa.parse<Record<string, string>>(readFileSync(REFERENCE + 'official-figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data
    : [];

  it('every reference figure is published, national, with the same value and unit', () => {
    const catalog = publishedCatalog();
    expect(reference.length).toBeGreaterThan(150);
    const mismatches: string[] = [];
    for (const row of reference) {
      const entry = catalog.find((e) => e.indicator.name_zh === row.indicator_zh);
      if (!entry) {
        mismatches.push(`${row.indicator_zh}: no indicator`);
        continue;
      }
      const series = publishedSeries(entry.indicator.id);
      expect(series.indicator.unit).toBe(row.unit);
      const value = series.values.find((v) => v.regionCode === '100000' && v.year === Number(row.year));
      if (value?.value !== Number(row.value)) mismatches.push(`${row.indicator_zh} ${row.year}: reference ${row.value}, published ${value?.value}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('verification status follows the reference cross-check', () => {
    const catalog = publishedCatalog();
    for (const row of reference) {
      const id = catalog.find((e) => e.indicator.name_zh === row.indicator_zh)!.indicator.id;
      const v = publishedSeries(id).values.find((x) => x.regionCode === '100000' && x.year === Number(row.year))!;
      const check = row.cross_check!;
      if (check.startsWith('VINTAGE DIFFERENCE')) expect(v.status, `${id} ${row.year}`).toBe('revised');
      else if (/^(UNVERIFIED|PARTLY)/.test(check)) expect(['single-source', 'preliminary'], `${id} ${row.year}`).toContain(v.status);
      else if (check.startsWith('MATCH')) expect(['cross-checked', 'preliminary'], `${id} ${row.year}`).toContain(v.status);
    }
  });
});

describe('the bundled dataset', () => {
  it('cites a publication (title, publisher, year) for every value, and never a bare web page', () => {
    for (const entry of publishedCatalog()) {
      const series = publishedSeries(entry.indicator.id);
      for (const v of [...series.values, ...series.earlierReleases]) {
        const source = series.sources[v.source]!;
        expect(source, `${entry.indicator.id} ${v.year}`).toBeDefined();
        expect(source.title.length).toBeGreaterThan(2);
        expect(source.publisher).toMatch(/[\u4e00-\u9fff]/);
        expect(source.year).toBeGreaterThanOrEqual(2010);
        expect(v.sourceFile).toMatch(/^data\/raw\//);
        expect(v.sourceLine).toBeGreaterThan(1);
      }
    }
  });

  it('has every required national series from 2010 or earlier, and provincial vital rates', () => {
    const catalog = publishedCatalog();
    const required = [
      'birth-rate',
      'death-rate',
      'natural-growth-rate',
      'life-expectancy',
      'maternal-mortality',
      'infant-mortality',
      'hospital-delivery-rate',
      'beds-per-1000',
      'physicians-per-1000',
      'health-expenditure',
      'health-expenditure-per-capita',
      'ncms-participation-rate',
      'basic-medical-insurance-participants',
    ];
    for (const id of required) expect(catalog.map((e) => e.indicator.id)).toContain(id);
    for (const id of ['birth-rate', 'death-rate', 'natural-growth-rate']) {
      const series = publishedSeries(id);
      expect(series.values.filter((v) => v.regionCode !== '100000' && v.year === 2024)).toHaveLength(31);
    }
    expect(catalog.find((e) => e.indicator.id === 'birth-rate')!.nationalYears![0]).toBeLessThanOrEqual(2010);
  });

  it('keeps earlier releases visible and records series breaks', () => {
    const birth = publishedSeries('birth-rate');
    expect(birth.earlierReleases.find((v) => v.year === 2012)).toMatchObject({ value: 12.1, status: 'superseded' });
    expect(birth.values.find((v) => v.year === 2012 && v.regionCode === '100000')).toMatchObject({ value: 14.57, status: 'revised' });
    expect(birth.indicator.breaks.length).toBeGreaterThan(0);
    expect(publishedSeries('basic-medical-insurance-participants').indicator.breaks.map((b) => b.year)).toContain(2017);
  });

  it('counts reconcile for every input file, and every value written is published or an earlier release', () => {
    const report = publishedReport();
    for (const file of report.files) expect(conservationErrors(file)).toEqual([]);
    expect(report.totals.valuesWritten).toBe(report.totals.published + report.totals.earlierReleases);
    expect(report.totals.cellsRejected).toBe(0);
  });

  it('tidy CSV of an indicator (snapshot)', () => {
    matchSnapshotFile(publishedCsv('maternal-mortality'), 'data/maternal-mortality.csv');
    const rows = Papa.parse<Record<string, string>>(publishedCsv('birth-rate'), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.region_code === '540000' && r.year === '2024')).toMatchObject({ value: '13.87', unit: '‰', status: 'single-source' });
  });
});
