// What the pages say about a series (source summaries, year ranges, region names, break segments), on real data.
import { describe, expect, it } from 'vitest';
import {
  lineLegend,
  provincialSummary,
  sourceContributions,
  sourceLabel,
  statusesUsed,
  valueInForce,
  yearRanges,
} from '../../src/site-data/summaries.ts';
import { latestProvincialValues, nationalValues, readSeries } from '../../src/site-data/read.ts';
import { pointTip, regionTip, shortRegionName } from '../../src/shared/charts/points.ts';
import { lineRuns } from '../../src/shared/charts/line-runs.ts';

describe('year ranges and region names', () => {
  it('joins consecutive years', () => {
    expect(yearRanges([2024, 2001, 2002, 2003, 2021, 2019, 2018])).toBe('2001—2003年、2018—2019年、2021年、2024年');
    expect(
      provincialSummary([
        { year: 2021, count: 31 },
        { year: 2024, count: 31 },
      ]),
    ).toBe('分省数值62个：2021年、2024年，每年31个省份');
  });
  it('shortens NBS full province names for chart labels', () => {
    expect(['北京市', '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区', '黑龙江省'].map(shortRegionName)).toEqual(
      ['北京', '内蒙古', '广西', '西藏', '宁夏', '新疆', '黑龙江'],
    );
  });
  it('splits a series at its breaks', () => {
    expect(lineRuns([2015, 2016, 2017, 2018], [2017])).toEqual([0, 0, 1, 1]);
    // A missing year is a gap too: life expectancy has 2010, 2015-2021 and 2023-2024.
    expect(lineRuns([2010, 2015, 2016, 2021, 2023, 2024], [])).toEqual([0, 1, 1, 2, 3, 3]);
  });
});

describe('published birth-rate series', () => {
  const series = readSeries('birth-rate');

  it('has national values in year order and a ranked provincial year', () => {
    const national = nationalValues(series);
    expect(national.map((v) => v.year)).toEqual([...national.map((v) => v.year)].sort((a, b) => a - b));
    const provincial = latestProvincialValues(series)!;
    expect(provincial.values).toHaveLength(31);
    expect(provincial.values[0]!.value).toBeGreaterThanOrEqual(provincial.values[30]!.value);
  });

  it('writes tooltips in Chinese', () => {
    const v2024 = nationalValues(series).find((v) => v.year === 2024)!;
    expect(pointTip(v2024, '‰')).toBe('2024年：6.77‰（已交叉核对）');
    const tibet = latestProvincialValues(series)!.values.find((v) => v.region === '西藏自治区')!;
    expect(regionTip(tibet, '‰')).toMatch(/^西藏 2024年：\d+\.\d+‰（.+）$/);
  });

  it('accounts for every value under some source', () => {
    const contributions = sourceContributions(series);
    const counted = contributions.reduce((n, c) => n + c.national.length + c.provincialByYear.reduce((m, y) => m + y.count, 0), 0);
    expect(counted).toBe(series.values.length);
    expect(contributions.reduce((n, c) => n + c.earlier.length, 0)).toBe(series.earlierReleases.length);
  });

  it('names sources that share a title by edition', () => {
    const labels = Object.keys(series.sources).map((id) => sourceLabel(id, series.sources));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('finds the value that replaced each earlier release', () => {
    for (const earlier of series.earlierReleases) {
      const now = valueInForce(series, earlier);
      expect(now, `${earlier.year}`).toBeDefined();
      expect(now!.value).not.toBe(earlier.value);
    }
    expect(statusesUsed(series)).toContain('superseded');
  });
});

describe('line legends', () => {
  it('say a hollow dot is a bound when the series holds bounded values (95%以上 is cross-checked, not tentative)', () => {
    const coverage = nationalValues(readSeries('medical-insurance-coverage-rate'));
    const texts = lineLegend(coverage, []).map((i) => i.text);
    expect(texts.some((t) => t.includes('界限或约数'))).toBe(true);
    expect(texts).not.toContain('空心点：初步数或单一来源');
  });
  it('keep the plain wording for a series without bounds', () => {
    const births = nationalValues(readSeries('birth-rate'));
    expect(lineLegend(births, []).map((i) => i.text)).not.toContainEqual(expect.stringContaining('界限'));
  });
});
