// The bundled targets and events load and validate; each kind of mistake is reported with its file and field;
// the published views and targets.csv say what the data says.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../src/catalog/load.ts';
import { loadTargets } from '../../src/catalog/load-targets.ts';
import { readTargets } from '../../src/site-data/targets.ts';
import { readDownloadBytes } from '../../src/site-data/read.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';
import { unzipSync } from 'fflate';
import { dataPackageErrors } from '../helpers/data-package.ts';

const DATA = new URL('../../data/', import.meta.url).pathname;
const ids = new Set(loadCatalog(DATA).indicators.map((i) => i.id));

function dataWith(path: string, edit: (old: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'targets-'));
  cpSync(DATA, join(root, 'data'), { recursive: true });
  const file = join(root, 'data', path);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return join(root, 'data');
}

function problems(root: string): string[] {
  try {
    loadTargets(root, ids);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems;
  }
}

describe('targets and events data', () => {
  it('the bundled data loads: every reference row is a target or an event', () => {
    const data = loadTargets(DATA, ids);
    expect(data.plans.flatMap((p) => p.targets)).toHaveLength(154);
    expect(data.events).toHaveLength(53);
    const targets = data.plans.flatMap((p) => p.targets);
    expect(targets.filter((t) => t.verification === 'verified')).toHaveLength(62);
    // The notes' named definition differences are not drawn, with the reason in both languages.
    const physicians37 = targets.find((t) => t.indicator_zh === '每千人口拥有执业医师数')!;
    expect(physicians37).toMatchObject({ drawable: false, value: 3.7 });
    expect(physicians37.not_drawn_reason_zh).toContain('执业(助理)医师');
    const familyDoctor = targets.filter((t) => t.indicator === 'family-doctor-coverage-pilot' && t.target_year === 2020);
    expect(familyDoctor.every((t) => t.comparator === 'qualitative' && t.value === undefined)).toBe(true);
  });

  it('an unknown indicator id names the file and the field', () => {
    const root = dataWith('targets/healthy-china-2030.yaml', (s) => s.replace('indicator: life-expectancy', 'indicator: life-expectancy-x'));
    expect(problems(root)).toContainEqual(
      expect.stringMatching(/targets\/healthy-china-2030\.yaml: 字段 targets\.0\.indicator：.*life-expectancy-x/),
    );
  });

  it('a baseline year after the target year', () => {
    const root = dataWith('targets/healthy-china-2030.yaml', (s) => s.replace('      year: 2015', '      year: 2021'));
    expect(problems(root)).toContainEqual(
      expect.stringMatching(/healthy-china-2030\.yaml: 字段 targets\.0\.baseline\.year：基期年份（2021）晚于目标年份（2020）/),
    );
  });

  it('a numeric comparator without a value', () => {
    const root = dataWith('targets/healthy-china-2030.yaml', (s) => s.replace('    value: 77.3\n', ''));
    expect(problems(root)).toContainEqual(expect.stringMatching(/healthy-china-2030\.yaml: 字段 targets\.0\.value：比较符为 = 的目标必须有目标值/));
  });

  it('a via address that is not http(s) names the file and the field (it becomes a link on the timeline)', () => {
    const root = dataWith('targets/family-doctor-2016.yaml', (s) => s.replace('- https://www.ppdoc.com/', '- javascript:alert(1)//www.ppdoc.com/'));
    expect(problems(root)).toContainEqual(
      expect.stringMatching(/family-doctor-2016\.yaml: 字段 targets\.\d+\.via\.0：应为 http:\/\/ 或 https:\/\/ 开头的网址/),
    );
  });

  it('wording longer than 120 characters', () => {
    const long = '很'.repeat(121);
    const root = dataWith('targets/healthy-china-2030.yaml', (s) => s.replace(/wording_zh: .*/, `wording_zh: ${long}`));
    expect(problems(root)).toContainEqual(
      expect.stringMatching(/healthy-china-2030\.yaml: 字段 targets\.0\.wording_zh：引文最多 120 个字符，实际 121 个/),
    );
  });

  it('an unknown area on an event', () => {
    const root = dataWith('events/2016.yaml', (s) => s.replace('area: insurance', 'area: finance'));
    expect(problems(root)).toContainEqual(expect.stringMatching(/events\/2016\.yaml: 字段 events\.\d+\.area：/));
  });

  it('an unknown indicator on an event', () => {
    const root = dataWith('events/2016.yaml', (s) => s.replace('- family-doctor-coverage-pilot\n', '- family-doctors\n'));
    expect(problems(root)).toContainEqual(expect.stringMatching(/events\/2016\.yaml: 字段 events\.\d+\.indicators\.0：.*family-doctors/));
  });

  it('a date whose precision is misstated', () => {
    const root = dataWith('events/2016.yaml', (s) => s.replace('precision: month', 'precision: day'));
    expect(problems(root)).toContainEqual(expect.stringMatching(/events\/2016\.yaml: 字段 events\.\d+\.precision：日期 2016-05 的精度为 month/));
  });
});

describe('published targets', () => {
  it('statuses as the rule gives them for known cases', () => {
    const { targets } = readTargets();
    const byId = new Map(targets.map((t) => [t.id, t]));
    // 12th FYP: life expectancy 74.5 by 2015; the 2015 actual is 76.34.
    expect(byId.get('reform-plan-12th-life-expectancy-2015')).toMatchObject({ status: 'met', judgedOn: { year: 2015, value: 76.34 } });
    // Physicians: the catalog records a break in 2019, after the 2015 baseline.
    expect(byId.get('healthy-china-2030-physicians-per-1000-2020')!.status).toBe('series-break');
    // 15th FYP 执业医师 3.7: a different definition, not assessed, with its reason as the note.
    expect(byId.get('fyp-15th-physicians-per-1000-2030')).toMatchObject({ status: 'not-assessed', drawable: false });
    // Targets without a series on the site keep their wording and say so.
    const none = targets.filter((t) => t.indicatorId === '');
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((t) => t.status === 'not-assessed' && t.statusNote_zh === '本站暂无该指标数据。')).toBe(true);
  });

  it('relative targets in the bundled data: the implied level from the series, or no data when the baseline is not published', () => {
    const byId = new Map(readTargets().targets.map((t) => [t.id, t]));
    // 比2015年降低30%: 18.5 (the series' 2015 value) × 0.7 = 12.95, judged on the path like any '=' target.
    expect(byId.get('healthy-china-2030-premature-ncd-mortality-2030')).toMatchObject({
      value: 12.95,
      baseline: { year: 2015, value: 18.5 },
      comparator: '=',
      direction: 'down',
    });
    // 比2015年提高1岁: 76.34 + 1 = 77.34; the 2020 actual 77.93 meets it.
    expect(byId.get('reform-plan-13th-life-expectancy-2020')).toMatchObject({ status: 'met', value: 77.34 });
    // 在2010年基础上提高3个百分点: the series starts in 2011, so there is no baseline to convert from.
    const noBase = byId.get('reform-plan-12th-medical-insurance-coverage-rate-2015')!;
    expect(noBase).toMatchObject({ status: 'no-data' });
    expect(noBase.value).toBeUndefined();
    expect(noBase.statusNote_zh).toContain('没有基期2010年的实际值');
  });

  it('a change on a target that is not relative, and a relative change without a base year', () => {
    const root = dataWith('targets/ncd-plan-2017.yaml', (s) =>
      s.replace('    baseline_year: 2015\n', '').replace('comparator: relative', 'comparator: ">="\n    value: 1'),
    );
    const found = problems(root);
    expect(found).toContainEqual(expect.stringMatching(/ncd-plan-2017\.yaml: 字段 targets\.0\.change：只有相对目标/));
    expect(found).toContainEqual(expect.stringMatching(/ncd-plan-2017\.yaml: 字段 targets\.0\.baseline_year：相对目标须写明基期年份/));
  });

  it('targets.csv: BOM, header and first rows (snapshot)', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readDownloadBytes('targets.csv'));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(155);
    // No cell reads as a formula: the reach comparator is written `reach`, not '='.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=@]/);
    matchSnapshotFile(text.split('\r\n').slice(0, 6).join('\r\n') + '\r\n', 'targets-head.csv');
  });

  it('targets.csv and events.csv are in datapackage.json with their Table Schemas, valid, and in the zip', () => {
    const bytes = (p: string) => readDownloadBytes(p);
    const pkg = JSON.parse(new TextDecoder().decode(bytes('datapackage.json')));
    const byName = new Map(pkg.resources.map((r: { name: string }) => [r.name, r]));
    const targets = byName.get('targets') as { path: string; rows: number; schema: { fields: { name: string }[]; primaryKey: string[] } };
    const events = byName.get('events') as { path: string; rows: number; schema: { fields: { name: string }[] } };
    expect(targets).toMatchObject({ path: 'targets.csv', rows: 154, schema: { primaryKey: ['target_id'] } });
    expect(events).toMatchObject({ path: 'events.csv', rows: 53 });
    expect(targets.schema.fields.map((f) => f.name)).toContain('verification');
    expect(events.schema.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['date', 'precision', 'doc_number', 'area', 'via']));
    // Every CSV (these two included) matches its schema, byte count and hash.
    expect(dataPackageErrors(pkg, (p) => bytes(p))).toEqual([]);
    const zip = unzipSync(bytes('yigai-data.zip'));
    const names = Object.keys(zip).map((k) => k.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['targets.csv', 'events.csv']));
  });

  it("each indicator's JSON carries its targets", () => {
    const doc = JSON.parse(new TextDecoder().decode(readDownloadBytes('life-expectancy.json')));
    const hc = doc.targets.find((t: { target_id: string }) => t.target_id === 'healthy-china-2030-life-expectancy-2030');
    expect(hc).toMatchObject({
      target_year: 2030,
      comparator: 'reach',
      target_value: 79,
      direction: 'up',
      verification: 'verified',
      status: 'on-track',
    });
    expect(doc.targets.length).toBe(readTargets().targets.filter((t) => t.indicatorId === 'life-expectancy').length);
    const birth = JSON.parse(new TextDecoder().decode(readDownloadBytes('birth-rate.json')));
    expect(birth.targets).toEqual([]);
  });
  // embed-targets: the 14th health plan words its life-expectancy target as a change (提高1岁左右), so the data
  // stores that change, not a worked-out level; the level is implied from the series' own 2020 value.
  it('the 14th health plan life-expectancy target is relative (about +1 year on 2020), its tolerance kept', () => {
    const plan = loadTargets(DATA, ids).plans.find((p) => p.id === 'health-plan-14th')!;
    const spec = plan.targets.find((t) => t.id === 'health-plan-14th-life-expectancy-2025')!;
    expect(spec.comparator).toBe('relative');
    expect(spec.value).toBeUndefined();
    expect(spec.change).toEqual({ by: 'units', amount: 1, direction: 'up', about: true });
    expect(spec.tolerance).toBe(0.5);
    expect(spec.verification).toBe('verified');
    expect(spec.wording_zh).toContain('提高1岁左右');
    const view = readTargets().targets.find((t) => t.id === spec.id)!;
    expect(view.statedComparator).toBe('relative');
    expect(view.comparator).toBe('~');
    expect(view.tolerance).toBe(0.5);
  });
  it('a tolerance on a relative target that is not "about" is refused', () => {
    const root = dataWith('targets/health-plan-14th.yaml', (old) => old.replace('      about: true\n', ''));
    expect(problems(root).join('\n')).toMatch(/health-plan-14th\.yaml.*tolerance/);
  });
});
