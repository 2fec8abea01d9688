// Stage 3, table: header lines, the table header, layout detection and the footer, fed row by row.
import { describe, expect, it } from 'vitest';
import { FileCollector } from '../../../src/pipeline/ingest/observations.ts';
import { readCsvRows } from '../../../src/pipeline/ingest/rows.ts';
import { NbsTableReader } from '../../../src/pipeline/ingest/table.ts';
import type { Observation } from '../../../src/pipeline/types.ts';

function table(text: string, options = {}) {
  const observations: Observation[] = [];
  const out = new FileCollector('t.csv', { add: (o) => observations.push(o) });
  const reader = new NbsTableReader(options, out);
  for (const row of readCsvRows(text)) reader.row(row);
  return { table: reader.end(), observations, out };
}

describe('NbsTableReader', () => {
  it('reads header lines, a provincial time series and its footer', () => {
    const { table: t, observations } = table(
      '数据库：分省年度数据\n指标：人口出生率(‰)\n时间：最近2年\n地区,2024年,2023年\n北京市,6.09,5.63\n注：一条注释\n数据来源：国家统计局\n',
    );
    expect(t).toMatchObject({ layout: 'time-series', scope: 'provincial', header: { 指标: '人口出生率(‰)' } });
    expect(t!.series[0]).toEqual({ indicator: '人口出生率', unit: '‰', notes: ['一条注释'], sourceLine: '国家统计局' });
    expect(observations.map((o) => [o.regionCode, o.year, o.value, o.sourceLine, o.sourceColumn])).toEqual([
      ['110000', 2024, 6.09, 5, 2],
      ['110000', 2023, 5.63, 5, 3],
    ]);
  });

  it('tells transposed from cross-section layouts by the axes', () => {
    expect(table('时间,人口出生率(‰)\n2024年,6.39\n', { region: '全国' }).table?.layout).toBe('transposed');
    expect(table('时间：2024年\n地区,人口出生率(‰)\n北京市,6.09\n').table?.layout).toBe('cross-section');
  });

  it('refuses a table without the indicator, naming the option', () => {
    const { table: t, out } = table('地区,2024年\n北京市,6.09\n');
    expect(t).toBeUndefined();
    expect(out.problems[0]).toMatchObject({ code: 'missing-indicator', option: '--indicator', cells: 1 });
  });
});
