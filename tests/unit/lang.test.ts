// The edition module (paths and twins) and values and changes in the page's language.
import { describe, expect, it } from 'vitest';
import { langPaths, langPathsOf, pathFor, sourcesIn, splitLangPath, wordsFor } from '../../src/shared/i18n/lang.ts';
import { changeIn, numberIn, tableUnitIn, valueIn } from '../../src/shared/format/in-lang.ts';
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

// en-pages: the indicator and region pages' helpers.
describe('indicator and region pages in both editions', () => {
  it('table cells restate 万 and 亿 under the restated unit, and keep the Chinese cell as published', () => {
    expect(numberIn('en', { value: 136131, decimals: 0 }, people)).toBe('1,361.31');
    expect(tableUnitIn('en', people)).toBe('million people');
    expect(numberIn('zh', { value: 136131, decimals: 0 }, people)).toBe('136131');
    expect(tableUnitIn('zh', people)).toBe('万人');
    expect(numberIn('en', { value: 90575.8, decimals: 1 }, yuan)).toBe('9,057.58');
    // A bound stays a bound, in words; decimals are never rounded away.
    expect(numberIn('en', { value: 130000, decimals: 0, comparator: '>' }, people)).toBe('more than 1,300.00');
    expect(numberIn('en', { value: 6.77, decimals: 2 }, perMille)).toBe('6.77');
    expect(numberIn('zh', { value: 95, decimals: 0, comparator: '>=' }, { unit: '%', unit_en: '%' })).toBe('95以上');
  });

  it('sources go by their English title and publisher in English, unchanged in Chinese', () => {
    const sources = {
      a: { title: '《统计公报》', title_en: 'Statistical Bulletin', publisher: '国家统计局', publisher_en: 'National Bureau of Statistics' },
    };
    expect(sourcesIn('zh', sources)).toBe(sources);
    expect(sourcesIn('en', sources).a).toMatchObject({ title: 'Statistical Bulletin', publisher: 'National Bureau of Statistics' });
    expect(sources.a.title).toBe('《统计公报》');
  });

  it('pages with a parameter are built once per language and item', () => {
    const paths = langPathsOf([{ id: 'birth-rate' }, { id: 'death-rate' }], (i) => ({ id: i.id }));
    expect(paths.map((p) => [p.params.lang, p.params.id, p.props.lang])).toEqual([
      [undefined, 'birth-rate', 'zh'],
      [undefined, 'death-rate', 'zh'],
      ['en', 'birth-rate', 'en'],
      ['en', 'death-rate', 'en'],
    ]);
  });

  it('every page kind has an English twin: indicators, regions, embeds and pictures too', () => {
    expect(pathFor('en', 'indicators/birth-rate/')).toBe('/en/indicators/birth-rate/');
    expect(pathFor('en', 'regions/150000/')).toBe('/en/regions/150000/');
    expect(pathFor('en', 'embed/birth-rate/line/')).toBe('/en/embed/birth-rate/line/');
    expect(pathFor('en', 'pictures/birth-rate-line.png', '/yigai/')).toBe('/yigai/en/pictures/birth-rate-line.png');
  });
});
