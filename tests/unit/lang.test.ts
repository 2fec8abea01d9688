// The edition module (paths and twins) and values and changes in the page's language.
import { describe, expect, it } from 'vitest';
import { langPaths, pathFor, splitLangPath, wordsFor } from '../../src/shared/i18n/lang.ts';
import { changeIn, valueIn } from '../../src/shared/format/in-lang.ts';
import { targetText, baselineText } from '../../src/shared/targets/format.ts';
import type { TargetView } from '../../src/shared/targets/types.ts';

describe('editions', () => {
  it('Chinese at the root, English under /en/, with the base kept', () => {
    expect(pathFor('zh', 'about/')).toBe('/about/');
    expect(pathFor('en', 'about/')).toBe('/en/about/');
    expect(pathFor('en', '', '/site/')).toBe('/site/en/');
    expect(splitLangPath('/site/en/indicators/birth-rate/', '/site/')).toEqual({ lang: 'en', path: 'indicators/birth-rate/' });
    expect(splitLangPath('/site/indicators/birth-rate/', '/site/')).toEqual({ lang: 'zh', path: 'indicators/birth-rate/' });
    expect(splitLangPath('/en/')).toEqual({ lang: 'en', path: '' });
    // A Chinese path that merely starts with "en" is not English.
    expect(splitLangPath('/english-notes/')).toEqual({ lang: 'zh', path: 'english-notes/' });
    expect(langPaths().map((p) => p.params.lang)).toEqual([undefined, 'en']);
    expect(wordsFor('en').lang).toBe('en');
    expect(wordsFor('zh').lang).toBe('zh-CN');
  });
});

const people = { unit: '万人', unit_en: '10,000 persons' };
const yuan = { unit: '亿元', unit_en: '100 million yuan' };
const perMille = { unit: '‰', unit_en: 'per 1,000 population' };

describe('values and changes in English', () => {
  it('restates 万 and 亿 exactly and keeps Chinese as it was', () => {
    expect(valueIn('en', { value: 136131, decimals: 0 }, people)).toBe('1,361.31 million people');
    expect(valueIn('zh', { value: 136131, decimals: 0 }, people)).toBe('136131万人');
    expect(valueIn('en', { value: 95, decimals: 0, comparator: '>=' }, { unit: '%', unit_en: 'per cent' })).toBe('95% or more');
  });

  it('phrases the change in English: points per 1,000, amounts restated, percent change', () => {
    expect(changeIn('en', { year: 2024, value: 6.39, decimals: 2 }, { year: 2023, value: 6.77, decimals: 2 }, perMille, [])).toBe(
      'down 0.38 points per 1,000 on the previous year',
    );
    expect(changeIn('en', { year: 2024, value: 90895.8, decimals: 1 }, { year: 2020, value: 90575.5, decimals: 1 }, yuan, [])).toBe(
      'up 32.03 billion yuan since 2020 (+0.4%)',
    );
    expect(changeIn('en', { year: 2024, value: 5, decimals: 0 }, { year: 2023, value: 4, decimals: 0 }, perMille, [2024])).toMatch(
      /break in the series/,
    );
    expect(changeIn('zh', { year: 2024, value: 6.39, decimals: 2 }, { year: 2023, value: 6.77, decimals: 2 }, perMille, [])).toBe(
      '比上年下降0.38个千分点',
    );
  });

  it('writes targets in English with the English unit', () => {
    const t = {
      statedComparator: '>=',
      targetYear: 2030,
      value: 79,
      unit: '岁',
      unit_en: 'years',
      baseline: { year: 2015, value: 76.34 },
    } as unknown as TargetView;
    expect(targetText(t, 'en')).toBe('2030: 79 years or more');
    expect(baselineText(t, 'en')).toBe('2015 76.34 years');
    expect(targetText(t)).toBe('2030年79岁以上');
  });
});

describe('an English chart', () => {
  it('the health-spending sparkline, in English: English name, values restated in billions (snapshot)', async () => {
    const { readSeries, nationalValues } = await import('../../src/site-data/read.ts');
    const { sparkline } = await import('../../src/charts/sparkline.ts');
    const { en } = await import('../../src/shared/i18n/en.ts');
    const { matchSnapshotFile } = await import('../helpers/snapshot.ts');
    const series = readSeries('health-expenditure');
    const svg = sparkline({ indicator: series.indicator, values: nationalValues(series), idPrefix: 'spark-en', words: en });
    expect(svg).toContain(`<title id="spark-en-title">${series.indicator.name_en} over time</title>`);
    expect(svg).toMatch(/billion yuan/);
    expect(svg).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    matchSnapshotFile(svg.replace(/></g, '>\n<') + '\n', 'health-expenditure-sparkline-en.svg');
  });
});
