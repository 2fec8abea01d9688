// Labels and units, regions, and value cells as they appear in real exports.
import { describe, expect, it } from 'vitest';
import { parseLabel, parseYearLabel } from '../../src/pipeline/ingest/labels.ts';
import { readValueCell } from '../../src/pipeline/ingest/numbers.ts';
import { allRegions, findRegion } from '../../src/pipeline/regions.ts';

describe('labels and units', () => {
  it.each([
    ['人口出生率(‰)', '人口出生率', '‰'],
    ['人口出生率 (‰) ', '人口出生率', '‰'],
    ['年末常住人口(万人)', '年末常住人口', '万人'],
    ['年末常住人口（万人）', '年末常住人口', '万人'],
    ['65岁及以上人口数(人口抽样调查)(人)', '65岁及以上人口数(人口抽样调查)', '人'],
    ['孕产妇死亡率(1/10万)', '孕产妇死亡率', '1/10万'],
    ['每千人口执业(助理)医师(人)', '每千人口执业(助理)医师', '人'],
    ['卫生总费用(亿元)', '卫生总费用', '亿元'],
    ['城镇化率(％)', '城镇化率', '%'],
  ])('%s -> %s in %s', (raw, name, unit) => {
    expect(parseLabel(raw)).toEqual({ name, unit });
  });

  it.each([
    ['商品房平均销售价格(元/平方米)', '商品房平均销售价格', '元/平方米'],
    ['全社会用电量(万千瓦时)', '全社会用电量', '万千瓦时'],
    ['每万人口全科医生数(人/万人)', '每万人口全科医生数', '人/万人'],
    ['居民消费价格指数(上年=100)', '居民消费价格指数', '上年=100'],
    ['国内生产总值指数(1978=100)', '国内生产总值指数', '1978=100'],
    ['地区生产总值(按当年价格计算)(亿元)', '地区生产总值(按当年价格计算)', '亿元'],
  ])('the last bracket group is the unit by rule: %s', (raw, name, unit) => {
    expect(parseLabel(raw)).toEqual({ name, unit });
  });

  it('qualifiers and long groups are not units', () => {
    expect(parseLabel('地区生产总值(按当年价格计算)')).toEqual({ name: '地区生产总值(按当年价格计算)' });
    expect(parseLabel('人口数(城镇)')).toEqual({ name: '人口数(城镇)' });
    expect(parseLabel('某指标(这是一段很长的说明文字而不是单位名称)')).toEqual({ name: '某指标(这是一段很长的说明文字而不是单位名称)' });
  });

  it('a trailing group that is not a unit stays in the name', () => {
    expect(parseLabel('执业(助理)医师数')).toEqual({ name: '执业(助理)医师数' });
    expect(parseLabel('65岁及以上人口数(人口抽样调查)')).toEqual({ name: '65岁及以上人口数(人口抽样调查)' });
  });

  it('year labels', () => {
    expect([parseYearLabel('2022年'), parseYearLabel('2022'), parseYearLabel(' 1978年 ')]).toEqual([2022, 2022, 1978]);
    expect([parseYearLabel('2022年第一季度'), parseYearLabel('最近20年'), parseYearLabel('22年')]).toEqual([undefined, undefined, undefined]);
  });
});

describe('regions', () => {
  it.each([
    ['北京市', '110000'],
    ['北京', '110000'],
    ['内蒙古', '150000'],
    ['内蒙古自治区', '150000'],
    ['广西省', '450000'],
    ['新疆省', '650000'],
    ['宁夏区', '640000'],
    ['西藏', '540000'],
    ['全国', '100000'],
    ['全国合计', '100000'],
    ['110000', '110000'],
    ['44', '440000'],
    [' 上海 市 ', '310000'],
    ['香港', '810000'],
    ['台湾省', '710000'],
  ])('%s -> %s', (name, code) => {
    expect(findRegion(name)?.code).toBe(code);
  });

  it('unknown names are undefined, never a guess', () => {
    expect([findRegion('火星省'), findRegion('北'), findRegion(''), findRegion('990000')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('31 mainland divisions are in NBS provincial tables; Hong Kong, Macao, Taiwan are not', () => {
    expect(allRegions().filter((r) => r.inNbsProvincial)).toHaveLength(31);
    expect(
      allRegions()
        .filter((r) => !r.inNbsProvincial)
        .map((r) => r.shortName)
        .sort(),
    ).toEqual(['全国', '台湾', '澳门', '香港'].sort());
  });
});

describe('value cells', () => {
  it.each([
    ['6.77', 6.77, 2],
    ['5267 ', 5267, 0],
    ['-0.99', -0.99, 2],
    ['−2.41', -2.41, 2],
    ['488.70', 488.7, 2],
    ['1,234.5', 1234.5, 1],
    ['0', 0, 0],
    ['7.3627332', 7.3627332, 7],
  ])('%s is %d with %d decimals', (raw, value, decimals) => {
    expect(readValueCell(raw)).toEqual({ kind: 'number', value, decimals });
  });

  it('empty, missing markers and junk are told apart', () => {
    expect(readValueCell('  ')).toEqual({ kind: 'empty' });
    expect(readValueCell('…').kind).toBe('missing-marker');
    expect(readValueCell('—').kind).toBe('missing-marker');
    expect(readValueCell('12.3%')).toEqual({ kind: 'invalid', text: '12.3%' });
    expect(readValueCell('1.2.3')).toEqual({ kind: 'invalid', text: '1.2.3' });
    expect(readValueCell('=1+1')).toEqual({ kind: 'invalid', text: '=1+1' });
  });
});
