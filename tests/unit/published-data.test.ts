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

  const reform = SHARED_PRESENT
    ? Papa.parse<Record<string, string>>(readFileSync(REFERENCE + 'reform-figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data
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
      else if (/^(UNVERIFIED|PARTLY)/.test(check)) {
        // reform-figures.csv (gathered later) may have found a second source or a later revision of the same figure.
        const later = reform.find(
          (r) => r.indicator_zh === row.indicator_zh && r.year === row.year && Number(r.value) === Number(row.value) && r.cross_check === 'MATCH',
        );
        expect(
          later ? ['single-source', 'preliminary', 'cross-checked', 'revised'] : ['single-source', 'preliminary'],
          `${id} ${row.year}`,
        ).toContain(v.status);
      } else if (check.startsWith('MATCH')) expect(['cross-checked', 'preliminary'], `${id} ${row.year}`).toContain(v.status);
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
        // A publication cannot report a figure for a later year than its own, and the reform (and so this
        // site's scope) begins in 2009: a 2009 figure from a 2009 publication is legitimate.
        expect(source.year, `${entry.indicator.id} ${v.year}`).toBeGreaterThanOrEqual(v.year);
        expect(source.year, `${entry.indicator.id} ${v.year}`).toBeGreaterThanOrEqual(2009);
        expect(v.sourceFile).toMatch(/^data\/raw\//);
        expect(v.sourceLine).toBeGreaterThan(1);
      }
    }
  });

  it('publishes the 2009 public-health subsidy from its 2009 publication, as the floor it states', () => {
    const series = publishedSeries('basic-public-health-subsidy');
    const v = series.values.find((x) => x.regionCode === '100000' && x.year === 2009);
    expect(v).toMatchObject({ value: 15, comparator: '>=' });
    expect(series.sources[v!.source]!.year).toBe(2009);
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

// reform-figures.csv: every row is published (in force or as an earlier release) with an equal value, converted
// exactly where the publisher's unit differs from the series' unit, or listed in data/reference/reform-figures-unused.csv
// with the reason it is not used.
const UNIT_FACTORS: Record<string, number> = {
  '亿人→万人': 10000,
  '十亿人 (billion persons, as written)→万人': 100000,
  '万亿元→亿元': 10000,
  '万人→亿人': 0.0001,
};

describe.skipIf(!SHARED_PRESENT)('published values against ../shared/reference/reform-figures.csv', () => {
  const rows = SHARED_PRESENT
    ? Papa.parse<Record<string, string>>(readFileSync(REFERENCE + 'reform-figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data
    : [];
  const unused = new Map(
    Papa.parse<Record<string, string>>(readFileSync('data/reference/reform-figures-unused.csv', 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => [Number(r.line), r]),
  );
  const catalog = publishedCatalog();
  const byName = (name: string) => catalog.find((e) => e.indicator.name_zh === name || e.indicator.aliases.includes(name));
  /** The published national values for a row's indicator and year, in force and earlier releases. */
  const published = (row: Record<string, string>) => {
    const entry = byName(row.indicator_zh!);
    if (!entry) return { unit: undefined, values: [] };
    const series = publishedSeries(entry.indicator.id);
    const values = [...series.values, ...series.earlierReleases].filter((v) => v.regionCode === '100000' && v.year === Number(row.year));
    return { unit: series.indicator.unit, values };
  };
  const expected = (row: Record<string, string>, unit: string) => {
    if (unit === row.unit) return Number(row.value);
    const factor = UNIT_FACTORS[`${row.unit}→${unit}`];
    return factor === undefined ? NaN : Number((Number(row.value) * factor).toPrecision(12));
  };

  it('has the 307 rows', () => expect(rows).toHaveLength(307));

  it('every row is published with an equal value, or listed as not used with a reason', () => {
    const problems: string[] = [];
    rows.forEach((row, i) => {
      const line = i + 2;
      const skip = unused.get(line);
      if (skip) {
        if (!skip.reason || skip.reason.length < 8) problems.push(`line ${line}: listed as not used without a reason`);
        if (skip.indicator_zh !== row.indicator_zh || skip.value !== row.value) problems.push(`line ${line}: unused list names another row`);
        return;
      }
      const { unit, values } = published(row);
      if (!unit) return problems.push(`line ${line} ${row.indicator_zh}: no indicator`);
      const want = expected(row, unit);
      if (!values.some((v) => Math.abs(v.value - want) < 1e-9)) {
        problems.push(
          `line ${line} ${row.indicator_zh} ${row.year}: reference ${row.value}${row.unit}, published ${values.map((v) => v.value).join('/') || 'nothing'}`,
        );
      }
    });
    expect(problems).toEqual([]);
  });

  it('a floor ("95%以上"), an upper bound or a level ("左右") is published as one, never as a plain value', () => {
    rows.forEach((row, i) => {
      const line = i + 2;
      if (unused.has(line)) return;
      const stated = /comparator (>=|>|~)/.exec(row.note ?? '')?.[1];
      if (!stated) return;
      const { unit, values } = published(row);
      const v = values.find((x) => Math.abs(x.value - expected(row, unit!)) < 1e-9);
      expect(v?.comparator, `line ${line}`).toBeDefined();
    });
    const coverage = publishedSeries('medical-insurance-coverage-rate');
    expect(coverage.values.find((v) => v.year === 2022)).toMatchObject({ value: 95, comparator: '>=' });
  });

  it('preliminary releases are kept: in force as preliminary, or as an earlier release once revised', () => {
    rows.forEach((row, i) => {
      const line = i + 2;
      if (unused.has(line) || row.cross_check !== 'PRELIMINARY') return;
      const { unit, values } = published(row);
      const v = values.find((x) => Math.abs(x.value - expected(row, unit!)) < 1e-9 && ['preliminary', 'superseded'].includes(x.status));
      expect(v, `line ${line} ${row.indicator_zh} ${row.year}`).toBeDefined();
    });
  });

  it('at least 32 indicators, every reform area with at least 2 but one at most', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(32);
    const perArea = new Map<string, number>();
    for (const e of catalog) perArea.set(e.indicator.area, (perArea.get(e.indicator.area) ?? 0) + 1);
    expect(perArea.size).toBe(8);
    expect([...perArea.values()].filter((n) => n < 2).length).toBeLessThanOrEqual(1);
    for (const e of catalog) expect(e.latest, e.indicator.id).toBeDefined();
  });
});
