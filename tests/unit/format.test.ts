// Number and change formatting, checked with real published figures (see /work/shared/reference/official-figures.csv).
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatTick, formatValue, formatYear, formatYearTick, MINUS, unitSuffix } from '../../src/shared/format/number.ts';
import { crossesBreak, describeChange, difference, formatChange } from '../../src/shared/format/change.ts';

describe('formatValue', () => {
  it('writes no thousands separators', () => {
    expect(formatValue(140828, 0, '万人')).toBe('140828万人'); // 2024年末全国人口
    expect(formatValue(90575.8, 1, '亿元')).toBe('90575.8亿元'); // 2023年卫生总费用
    expect(formatValue(19980.39, 2, '亿元')).toBe('19980.39亿元'); // 2010年卫生总费用
  });
  it('keeps the decimals as published, trailing zeros included', () => {
    expect(formatValue(79.0, 1, '岁')).toBe('79.0岁'); // 2024年人均预期寿命
    expect(formatValue(3.4, 2, '人')).toBe('3.40人'); // 2023年每千人口执业(助理)医师
    expect(formatValue(7.23, 2, '张')).toBe('7.23张');
    expect(formatValue(77.93, 2, '岁')).toBe('77.93岁');
    expect(formatValue(8.0209, 4, '亿人')).toBe('8.0209亿人');
  });
  it('attaches ‰, % and per-100,000 units without a space', () => {
    expect(formatValue(6.77, 2, '‰')).toBe('6.77‰');
    expect(formatValue(99.9, 1, '%')).toBe('99.9%');
    expect(formatValue(14.3, 1, '1/10万')).toBe('14.3/10万');
    expect(unitSuffix('1/10万')).toBe('/10万');
  });
  it('writes negatives with one minus sign', () => {
    expect(formatValue(-0.99, 2, '‰')).toBe(`${MINUS}0.99‰`); // 2024年人口自然增长率
    expect(formatNumber(-1.48, 2)).toBe('−1.48');
    expect(formatNumber(-0, 2)).toBe('0.00');
  });
});

describe('years and ticks', () => {
  it('writes years the Chinese way', () => {
    expect(formatYear(2024)).toBe('2024年');
    expect(formatDate('2025-01-17')).toBe('2025年1月17日');
    expect(formatDate('2024-08')).toBe('2024年8月');
    expect(formatYearTick(2010)).toBe('2010');
    expect(formatYearTick(2010.5)).toBe('');
  });
  it('writes axis ticks without separators', () => {
    expect(formatTick(80000)).toBe('80000');
    expect(formatTick(0.30000000000000004)).toBe('0.3');
    expect(formatTick(-2)).toBe('−2');
  });
});

describe('formatChange', () => {
  it('says 个千分点 for ‰', () => {
    // 2024年人口出生率6.77‰，2023年6.39‰
    expect(formatChange({ year: 2024, value: 6.77, decimals: 2 }, { year: 2023, value: 6.39, decimals: 2 }, '‰')).toBe('比上年上升0.38个千分点');
    expect(formatChange({ year: 2023, value: 6.39, decimals: 2 }, { year: 2022, value: 6.77, decimals: 2 }, '‰')).toBe('比上年下降0.38个千分点');
    // 自然增长率 −0.99‰ (2024) after −1.48‰ (2023)
    expect(formatChange({ year: 2024, value: -0.99, decimals: 2 }, { year: 2023, value: -1.48, decimals: 2 }, '‰')).toBe('比上年上升0.49个千分点');
  });
  it('says 个百分点 for %, and names the base year across a gap', () => {
    // 住院分娩率 99.95% (2023) after 99.9% (2021)
    expect(formatChange({ year: 2023, value: 99.95, decimals: 2 }, { year: 2021, value: 99.9, decimals: 1 }, '%')).toBe('比2021年上升0.05个百分点');
    expect(formatChange({ year: 2021, value: 99.9, decimals: 1 }, { year: 2020, value: 99.9, decimals: 1 }, '%')).toBe('比上年持平');
  });
  it('uses the unit for per-100,000 rates, without a percent change', () => {
    // 孕产妇死亡率 14.3/10万 (2024) after 15.1/10万 (2023)
    expect(formatChange({ year: 2024, value: 14.3, decimals: 1 }, { year: 2023, value: 15.1, decimals: 1 }, '1/10万')).toBe('比上年下降0.8/10万');
  });
  it('says 增加/减少 with the unit, and the percent change for amounts', () => {
    // 卫生总费用 90895.5亿元 (2024) after 90575.8亿元 (2023)
    expect(formatChange({ year: 2024, value: 90895.5, decimals: 1 }, { year: 2023, value: 90575.8, decimals: 1 }, '亿元')).toBe(
      '比上年增加319.7亿元，增长0.4%',
    );
    // 基本医疗保险参保人数 136131万人 (2020) after 117664万人 (2017)
    expect(formatChange({ year: 2020, value: 136131, decimals: 0 }, { year: 2017, value: 117664, decimals: 0 }, '万人')).toBe(
      '比2017年增加18467万人，增长15.7%',
    );
    // 每千人口医疗卫生机构床位 7.23张 (2023) after 6.92张 (2022)
    expect(formatChange({ year: 2023, value: 7.23, decimals: 2 }, { year: 2022, value: 6.92, decimals: 2 }, '张')).toBe('比上年增加0.31张，增长4.5%');
  });
  it('gives no percent change for life expectancy', () => {
    expect(formatChange({ year: 2024, value: 79.0, decimals: 1 }, { year: 2023, value: 78.6, decimals: 1 }, '岁')).toBe('比上年增加0.4岁');
    expect(formatChange({ year: 2023, value: 78.6, decimals: 1 }, { year: 2021, value: 78.2, decimals: 1 }, '岁')).toBe('比2021年增加0.4岁');
  });
  it('rounds the difference to the finer of the two decimals', () => {
    expect(difference({ year: 2024, value: 6.77, decimals: 2 }, { year: 2023, value: 6.39, decimals: 2 })).toEqual({ value: 0.38, decimals: 2 });
    expect(difference({ year: 2023, value: 99.95, decimals: 2 }, { year: 2021, value: 99.9, decimals: 1 })).toEqual({ value: 0.05, decimals: 2 });
  });
});

describe('describeChange', () => {
  it('does not compare across a series break', () => {
    // 基本医疗保险参保人数: 2017 changes definition (新农合并入城乡居民医保)
    const y2015 = { year: 2015, value: 133600, decimals: 0 };
    const y2017 = { year: 2017, value: 117664, decimals: 0 };
    const y2020 = { year: 2020, value: 136131, decimals: 0 };
    expect(crossesBreak(y2017, y2015, [2017])).toBe(true);
    expect(crossesBreak(y2020, y2017, [2017])).toBe(false);
    expect(describeChange(y2017, y2015, '万人', [2017])).toBe('与2015年数值之间有序列断点，不宜直接比较');
    expect(describeChange(y2020, y2017, '万人', [2017])).toBe('比2017年增加18467万人，增长15.7%');
  });
});
