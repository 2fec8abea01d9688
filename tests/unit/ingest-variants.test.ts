// One test per real-world export variant (tests/fixtures/ingest/README.md says where each was seen).
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/pipeline/ingest/ingest-file.ts';
import { parsePeriodLabel } from '../../src/pipeline/ingest/labels.ts';
import { conservationErrors } from '../../src/pipeline/ingest/ingest-report.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

const read = (name: string, options = {}) => ingestFile(FIXTURES + name, options, name);
const tuples = (r: Awaited<ReturnType<typeof read>>) =>
  r.observations.map((o) => [o.indicator, o.unit, o.regionCode, o.year, o.value, o.sourceLine, o.sourceColumn]);

describe('NBS export variants', () => {
  it('classic GBK provincial time series: header lines, empty current-year column, quoted note with a comma', async () => {
    const r = await read('classic-gbk-provincial.csv');
    expect(r.report).toMatchObject({ status: 'read', encoding: 'gb18030', format: 'nbs-classic', layout: 'time-series', scope: 'provincial' });
    expect(r.report.header).toEqual({ 数据库: '分省年度数据', 指标: '人口出生率(‰)', 时间: '最近5年' });
    expect(r.report.counts).toEqual({ dataCells: 15, valuesWritten: 12, cellsEmpty: 3, cellsRejected: 0 });
    expect(tuples(r)[0]).toEqual(['人口出生率', '‰', '110000', 2024, 6.09, 5, 3]);
    expect(r.observations.find((o) => o.regionCode === '150000' && o.year === 2021)?.value).toBe(6.26);
    expect(r.report.series[0]).toEqual({
      indicator: '人口出生率',
      unit: '‰',
      sourceLine: '国家统计局',
      notes: ['1. 2021年数据为第七次人口普查后修订数,其他年份为抽样调查推算数。'],
    });
  });

  it('classic GBK national table: indicators as rows, region 全国 from 数据库：年度数据, two-line note', async () => {
    const r = await read('classic-gbk-national.csv');
    expect(r.report).toMatchObject({ status: 'read', scope: 'national', layout: 'time-series' });
    expect(tuples(r)).toContainEqual(['人口自然增长率', '‰', '100000', 2022, -0.6, 6, 4]);
    expect(r.observations.find((o) => o.indicator === '人口自然增长率' && o.year === 2022)?.decimals).toBe(2);
    expect(r.report.series[0]!.notes).toEqual(['1. 1981年及以前数据为户籍统计数；', '2. 其他年份为人口变动情况抽样调查推算数。']);
  });

  it('new UTF-8 export: BOM, TAB before each comma, spaced units, cross-section with the year in 时间', async () => {
    const r = await read('new-cross-section.csv');
    expect(r.report).toMatchObject({ status: 'read', encoding: 'utf-8-bom', format: 'nbs-new', layout: 'cross-section', scope: 'provincial' });
    expect(tuples(r)).toEqual([
      ['人口出生率', '‰', '110000', 2024, 6.09, 4, 2],
      ['人口死亡率', '‰', '110000', 2024, 6.08, 4, 3],
      ['人口自然增长率', '‰', '110000', 2024, 0.01, 4, 4],
      ['人口出生率', '‰', '450000', 2024, 8.37, 5, 2],
      ['人口死亡率', '‰', '450000', 2024, 7.49, 5, 3],
      ['人口自然增长率', '‰', '450000', 2024, 0.88, 5, 4],
    ]);
  });

  it('new UTF-8 export without 指标 line is refused, naming --indicator; with it, TAB-only cells are empty', async () => {
    const refused = await read('new-utf8-tab-no-indicator.csv');
    expect(refused.report.status).toBe('refused');
    expect(refused.report.problems).toEqual([
      expect.objectContaining({ code: 'missing-indicator', option: '--indicator', line: 3, column: 1, cells: 4 }),
    ]);
    expect(conservationErrors(refused.report)).toEqual([]);
    const r = await read('new-utf8-tab-no-indicator.csv', { indicator: '地方财政科学技术支出(亿元)' });
    expect(r.report.counts).toEqual({ dataCells: 6, valuesWritten: 4, cellsEmpty: 2, cellsRejected: 0 });
    expect(tuples(r)[0]).toEqual(['地方财政科学技术支出', '亿元', '110000', 2023, 521.91, 4, 3]);
    expect(r.observations.find((o) => o.year === 2022)?.decimals).toBe(2); // 488.70 keeps its trailing zero
  });

  it('hand-edited copies: no header or footer, short province names, a deleted year column', async () => {
    const r = await read('stripped-provincial-short-names.csv', { indicator: '人口出生率(‰)' });
    expect(r.report).toMatchObject({ status: 'read', format: 'nbs-stripped', scope: 'provincial' });
    expect(r.observations.map((o) => o.region)).toContain('内蒙古自治区');
    expect(r.observations.map((o) => o.year).sort()).toEqual([2018, 2018, 2018, 2019, 2019, 2019, 2021, 2021, 2021]);
  });

  it('a stripped national copy never names its region: refused with --region, read with --region 全国', async () => {
    const refused = await read('stripped-national.csv');
    expect(refused.report.problems[0]).toMatchObject({ code: 'missing-region', option: '--region', cells: 4 });
    const r = await read('stripped-national.csv', { region: '全国' });
    expect(r.report.scope).toBe('national');
    expect(tuples(r)[0]).toEqual(['人口出生率', '‰', '100000', 2022, 6.77, 2, 2]);
  });

  it('transposed table (years as rows)', async () => {
    const r = await read('transposed-national.csv');
    expect(r.report).toMatchObject({ status: 'read', layout: 'transposed', scope: 'national' });
    expect(tuples(r)).toContainEqual(['人口死亡率', '‰', '100000', 2023, 7.87, 5, 3]);
  });

  it('every field double-quoted with trailing spaces, and a padded 数据来源 line', async () => {
    const r = await read('quoted-trailing-spaces.csv');
    expect(r.report).toMatchObject({ status: 'read', counts: { dataCells: 6, valuesWritten: 6, cellsEmpty: 0, cellsRejected: 0 } });
    expect(tuples(r)[0]).toEqual(['年末常住人口', '万人', '110000', 2024, 2183, 5, 2]);
    expect(r.report.series[0]!.sourceLine).toBe('国家统计局');
  });

  it('wrong province names people type (广西省, 新疆省, 宁夏区) map to GB/T 2260 codes', async () => {
    const r = await read('wrong-province-names.csv');
    expect([...new Set(r.observations.map((o) => o.regionCode))]).toEqual(['450000', '650000', '640000']);
  });

  it('a missing year column and a whole empty census-year column; the 1%-sample year is flagged, kept', async () => {
    const r = await read('missing-and-empty-year-columns.csv');
    expect(r.report.counts).toEqual({ dataCells: 14, valuesWritten: 12, cellsEmpty: 2, cellsRejected: 0 });
    expect(r.report.problems.map((p) => [p.code, p.severity, p.line, p.column])).toEqual([
      ['outlier', 'warning', 5, 7],
      ['outlier', 'warning', 6, 7],
    ]);
    expect(r.observations.find((o) => o.year === 2015 && o.regionCode === '110000')?.value).toBe(35775);
  });

  it('tidy long CSV with English headers keeps source, status and note', async () => {
    const r = await read('tidy-long.csv');
    expect(r.report).toMatchObject({ status: 'read', format: 'tidy-long', encoding: 'utf-8' });
    expect(r.observations[1]).toMatchObject({
      indicator: '人口自然增长率',
      value: -0.99,
      source: 'nbs-release-2024',
      status: 'cross-checked',
      note: 'read via reprint, 央视新闻',
      sourceLine: 3,
    });
    expect(r.observations[2]).toMatchObject({ regionCode: '110000', region: '北京市' });
  });

  it('tidy long CSV with Chinese headers and region codes, in GBK', async () => {
    const r = await read('tidy-long-zh.csv');
    expect(r.report.counts).toEqual({ dataCells: 3, valuesWritten: 1, cellsEmpty: 1, cellsRejected: 1 });
    expect(r.observations[0]).toMatchObject({ indicator: '孕产妇死亡率', unit: '1/10万', regionCode: '100000', value: 14.3 });
    expect(r.report.problems[0]).toMatchObject({ code: 'unknown-region', line: 4, column: 2 });
  });
});

describe('refusals and rejected cells', () => {
  it('names line and column of every bad cell, and the counts reconcile', async () => {
    const r = await read('bad-cells.csv');
    expect(r.report.status).toBe('read');
    expect(r.report.problems.map((p) => [p.code, p.line, p.column, p.cells])).toEqual([
      ['bad-number', 5, 3, 1],
      ['unknown-region', 6, 1, 2],
      ['extra-fields', 7, 4, 3],
    ]);
    expect(r.report.problems[0]!.message).toBe('应为数值，实际为「abc」');
    expect(r.report.problems[1]!.message).toContain('未知地区「火星省」');
    expect(r.report.counts).toEqual({ dataCells: 7, valuesWritten: 1, cellsEmpty: 0, cellsRejected: 6 });
    expect(conservationErrors(r.report)).toEqual([]);
  });

  it.each([
    ['spreadsheet.xls', 'spreadsheet-refused', 'CSV'],
    ['spreadsheet.xlsx', 'spreadsheet-refused', '另存为'],
    ['binary.csv', 'unreadable-encoding', '无法识别文件编码'],
    ['mojibake.csv', 'unreadable-encoding', '乱码'],
    ['utf8-no-units.csv', 'missing-unit', '「卫生总费用」'],
    ['national-no-year.csv', 'missing-year', '哪一年'],
  ])('%s is refused with %s', async (name, code, words) => {
    const r = await read(name);
    expect(r.report.status).toBe('refused');
    expect(r.observations).toEqual([]);
    expect(r.report.problems[0]).toMatchObject({ code, severity: 'error', file: name });
    expect(r.report.problems[0]!.message).toContain(words);
  });

  it('a unitless label is read when --unit supplies the unit; a single-period table with --year', async () => {
    expect((await read('utf8-no-units.csv', { unit: '亿元' })).observations.map((o) => [o.unit, o.value])).toEqual([
      ['亿元', 35312.4],
      ['亿元', 31668.95],
    ]);
    expect((await read('national-no-year.csv', { year: 2024 })).observations[0]).toMatchObject({ year: 2024, value: 6.77, regionCode: '100000' });
  });

  it('a file that does not exist is refused, not thrown', async () => {
    const r = await read('no-such-file.csv');
    expect(r.report).toMatchObject({ status: 'refused', problems: [expect.objectContaining({ code: 'unreadable-file' })] });
  });
});

describe('city tables and units by rule', () => {
  it('a 主要城市年度数据 export of one city is read, compound units kept, decimals as written', async () => {
    const r = await read('city-single-region-compound-unit.csv');
    expect(r.report).toMatchObject({ status: 'read', format: 'nbs-classic', scope: 'single-region' });
    expect(r.report.counts).toEqual({ dataCells: 9, valuesWritten: 7, cellsEmpty: 2, cellsRejected: 0 });
    expect(r.observations.find((o) => o.indicator === '商品房平均销售价格' && o.year === 2017)).toMatchObject({
      unit: '元/平方米',
      regionCode: '310000',
      value: 23804,
      decimals: 2,
    });
  });
});

describe('spreadsheets', () => {
  it('a portal .xls: header lines in column A, years as strings, decimals as displayed, every sheet listed', async () => {
    const r = await read('portal-provincial.xls');
    expect(r.report).toMatchObject({ status: 'read', format: 'xls:nbs-classic', layout: 'time-series', scope: 'provincial', sheet: '分省年度数据' });
    expect(r.report.sheets).toEqual([
      { name: '分省年度数据', status: 'read' },
      { name: 'Sheet2', status: 'empty' },
    ]);
    expect(r.report.counts).toEqual({ dataCells: 9, valuesWritten: 6, cellsEmpty: 3, cellsRejected: 0 });
    const hebei = r.observations.find((o) => o.regionCode === '130000' && o.year === 2017)!;
    expect(hebei.value.toFixed(hebei.decimals)).toBe('5.30'); // the float 5.3, displayed with the cell's format
    expect([hebei.sourceLine, hebei.sourceColumn]).toEqual([7, 4]);
    expect(r.report.series[0]).toMatchObject({ indicator: '地区生产总值', unit: '亿元', notes: ['2019年数据为初步核算数。'] });
  });

  it('a new-portal .xlsx: spaced labels with trailing spaces, numbers stored as text keep their decimal', async () => {
    const r = await read('portal-national-text-numbers.xlsx');
    expect(r.report).toMatchObject({ status: 'read', format: 'xlsx:nbs-classic', scope: 'national' });
    expect(r.observations.map((o) => [o.indicator, o.unit, o.year, o.value.toFixed(o.decimals)])[0]).toEqual([
      '社会消费品零售总额',
      '亿元',
      2025,
      '501202.0',
    ]);
  });

  it('a crawler workbook is refused naming the option that supplies what it lacks, then read', async () => {
    const first = await read('crawler-years-as-rows.xlsx');
    expect(first.report.problems[0]).toMatchObject({ code: 'missing-region', option: '--region', sheet: 'Sheet1' });
    expect(conservationErrors(first.report)).toEqual([]);
    const second = await read('crawler-years-as-rows.xlsx', { region: '全国' });
    expect(second.report.problems[0]).toMatchObject({ code: 'missing-unit', option: '--unit' });
    const r = await read('crawler-years-as-rows.xlsx', { region: '全国', unit: '亿元' });
    expect(r.report).toMatchObject({ status: 'read', layout: 'transposed' });
    expect(r.observations.find((o) => o.indicator === '卫生总费用' && o.year === 2010)?.value).toBe(19980.39342);
  });

  it('a workbook renamed to .csv is known by its bytes and read as a workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renamed-'));
    copyFileSync(FIXTURES + 'portal-provincial.xls', join(dir, 'export.csv'));
    const r = await ingestFile(join(dir, 'export.csv'));
    expect(r.report).toMatchObject({ status: 'read', format: 'xls:nbs-classic', counts: { valuesWritten: 6 } });
  });

  it('a corrupt or renamed workbook is refused in one line', async () => {
    for (const name of ['spreadsheet.xls', 'spreadsheet.xlsx']) {
      const r = await read(name);
      expect(r.report.status).toBe('refused');
      expect(r.report.problems).toHaveLength(1);
      expect(r.report.problems[0]!.message).toMatch(/损坏|无法识别/);
    }
  });

  it.each(['password-protected.xlsx', 'password-protected.xls'])(
    '%s is refused in one line that says so, also when renamed to .csv',
    async (name) => {
      const dir = mkdtempSync(join(tmpdir(), 'password-'));
      copyFileSync(FIXTURES + name, join(dir, 'export.csv'));
      for (const r of [await read(name), await ingestFile(join(dir, 'export.csv'))]) {
        expect(r.report).toMatchObject({ status: 'refused', counts: { dataCells: 0, valuesWritten: 0 } });
        expect(r.report.problems).toEqual([
          expect.objectContaining({
            code: 'spreadsheet-refused',
            line: 1,
            column: 1,
            message: '工作簿有密码保护：请在 Excel/WPS 中去掉密码后另存，再读取',
          }),
        ]);
      }
    },
  );
});

describe('quarterly and monthly tables', () => {
  it('a 季度数据 export is read into tidy rows with a period', async () => {
    const r = await read('quarterly-national.csv');
    expect(r.report).toMatchObject({ status: 'read', format: 'nbs-classic', layout: 'time-series', scope: 'national' });
    expect(r.report.counts).toEqual({ dataCells: 6, valuesWritten: 6, cellsEmpty: 0, cellsRejected: 0 });
    expect(r.observations.map((o) => [o.indicator, o.year, o.period, o.value.toFixed(o.decimals)]).slice(0, 3)).toEqual([
      ['国内生产总值当季值', 2022, '2022Q1', '270177.8'],
      ['国内生产总值当季值', 2021, '2021Q4', '324237.4'],
      ['国内生产总值当季值', 2021, '2021Q3', '289919.3'],
    ]);
    // Four quarters of one year are not duplicates of each other.
    expect(r.report.problems.filter((p) => p.code === 'duplicate-value')).toEqual([]);
  });

  it.each([
    ['2022年第四季度', { year: 2022, period: '2022Q4' }],
    ['2020年第1季度', { year: 2020, period: '2020Q1' }],
    ['2020年1月', { year: 2020, period: '2020-01' }],
    ['2020年1-2月', { year: 2020, period: '2020-01/02' }],
    ['2020年13月', undefined],
    ['一季度累计', undefined],
  ])('period label %s', (text, expected) => {
    expect(parsePeriodLabel(text)).toEqual(expected);
  });
});

describe('prefecture-level cities', () => {
  it('city rows get GB/T 2260 codes from the division list; an unknown name is an error with its place', async () => {
    const r = await read('cities-as-rows.csv');
    expect(r.report).toMatchObject({ status: 'read', scope: 'city' });
    expect(r.observations.filter((o) => o.year === 2019).map((o) => [o.regionCode, o.region])).toEqual([
      ['130100', '石家庄市'],
      ['150100', '呼和浩特市'],
    ]);
    expect(r.report.problems).toEqual([expect.objectContaining({ code: 'unknown-region', line: 7, column: 1, cells: 2 })]);
    expect(conservationErrors(r.report)).toEqual([]);
  });
});
