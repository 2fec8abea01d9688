// The explorer's plain-TS parts: the view in the URL (unknown values fall back), the comparison chart, the
// ranking and table markup, the data file, region facts and the typo-tolerant name search.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { defaultView, parseView, settleView, viewQuery, type ViewBounds } from '../../src/shared/explore/view-state.ts';
import { lineChart } from '../../src/shared/charts/line-chart.ts';
import { compareLayer } from '../../src/shared/charts/compare-chart.ts';
import { lineRuns } from '../../src/shared/charts/line-runs.ts';
import { niceTicks, yearTicks } from '../../src/shared/format/tick.ts';
import { provincialTableHtml, rankingItemsHtml, type ProvincialValue } from '../../src/shared/explore/provincial-html.ts';
import { defaultDataShown, exploreData } from '../../src/explore/data.ts';
import { provincialRegions, regionIndicators } from '../../src/explore/region-pages.ts';
import { matchNames, nameScore, editDistance } from '../../src/shared/search/match.ts';
import { searchNames } from '../../src/search/names.ts';
import { readSeries } from '../../src/site-data/read.ts';
import { provincialValuesOf, rankOf } from '../../src/site-data/provincial.ts';

const bounds: ViewBounds = {
  regionCodes: ['110000', '310000', '540000'],
  chartYears: [2001, 2005, 2010, 2015, 2020, 2025],
  defaultFrom: 2010,
  defaultTo: 2025,
  provincialYears: [2001, 2021, 2024],
};

describe('the view in the URL', () => {
  it('is the default for an empty query, and the default writes no query', () => {
    expect(parseView('', bounds)).toEqual(defaultView(bounds));
    expect(viewQuery(defaultView(bounds), bounds)).toBe('');
  });

  it('reads back what it writes', () => {
    const view = {
      ...defaultView(bounds),
      regions: ['540000', '110000'],
      mode: 'change' as const,
      base: 2015,
      from: 2005,
      year: 2021,
      view: 'table' as const,
    };
    const query = viewQuery(view, bounds);
    expect(query).toBe('?regions=540000,110000&mode=change&base=2015&from=2005&year=2021&view=table');
    expect(parseView(query, bounds)).toEqual(view);
  });

  it('falls back to the default for every unknown value', () => {
    const view = parseView('?regions=999999,110000,110000&mode=log&base=1990&from=2030&to=abc&year=1999&view=pie', bounds);
    expect(view).toEqual({ ...defaultView(bounds), regions: ['110000'] });
  });

  it('keeps the range at least two years and the base year inside it', () => {
    expect(parseView('?from=2025&to=2010', bounds)).toMatchObject({ from: 2010, to: 2025 });
    expect(settleView({ ...defaultView(bounds), mode: 'change', base: 2010, from: 2015 }, bounds)).toMatchObject({ base: 2015, from: 2015 });
  });

  it('keeps at most six provinces', () => {
    const many = { ...bounds, regionCodes: ['1', '2', '3', '4', '5', '6', '7'].map((n) => `${n}10000`) };
    expect(parseView(`?regions=${many.regionCodes.join(',')}`, many).regions).toHaveLength(6);
  });
});

describe('the comparison chart', () => {
  it('uses round ticks that cover the values', () => {
    expect(niceTicks(3.35, 19.06, 5)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(niceTicks(-4.9, 0.3, 5)).toEqual([-5, -4, -3, -2, -1, 0, 1]);
    expect(yearTicks(2001, 2025, 9)).toEqual([2005, 2010, 2015, 2020, 2025]);
  });

  it('never draws a line across a series break or a missing year', () => {
    expect(lineRuns([2009, 2010, 2011, 2012, 2014], [2011])).toEqual([0, 0, 1, 1, 2]);
  });

  it('draws one line per series and one tooltip column per year', () => {
    const svg = lineChart({
      title: '人口出生率：全国与北京',
      description: '折线图',
      idPrefix: 'c',
      width: 720,
      height: 360,
      from: 2010,
      to: 2014,
      series: [
        {
          key: '100000',
          color: '#1d5a96',
          role: 'main',
          points: [2010, 2011, 2012, 2013, 2014].map((year) => ({ year, value: 12 - (year - 2010), tentative: false, tip: '' })),
        },
        { key: '110000', color: '#c2410c', role: 'main', points: [2010, 2012].map((year) => ({ year, value: 7, tentative: true, tip: '' })) },
      ],
      breaks: [2011],
      breakLabel: '序列断点',
      yLabel: '单位：‰',
      pointTips: 'none',
      layers: [
        compareLayer(
          new Map([
            [2010, '2010年：全国12‰；北京7‰'],
            [2011, '2011年：全国11‰'],
          ]),
          false,
        ),
      ],
    });
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(document.querySelectorAll('.lc-series')).toHaveLength(2);
    expect([...document.querySelectorAll('.tip-points rect')].map((r) => r.getAttribute('data-tip'))).toEqual([
      '2010年：全国12‰；北京7‰',
      '2011年：全国11‰',
    ]);
    expect(document.querySelectorAll('circle title')).toHaveLength(0); // the columns carry the tooltips
    expect(document.querySelector('svg')?.getAttribute('aria-labelledby')).toBe('c-title');
    expect(svg).toContain('stroke-dasharray="5,4"');
  });
});

describe('ranking and table markup', () => {
  const v = (regionCode: string, region: string, value: number): ProvincialValue => ({
    regionCode,
    region,
    year: 2024,
    value,
    decimals: 2,
    status: 'single-source',
    source: 's',
  });
  const provinces = [v('540000', '西藏自治区', 14.24), v('630000', '青海省', 10.11), v('110000', '北京市', 10.11), v('310000', '上海市', 4.47)];
  const national = { ...v('100000', '全国', 6.77), status: 'cross-checked' as const };

  it('ranks highest first, ties sharing a rank, with the national row at its place', () => {
    const { document } = parseHTML(`<ol>${rankingItemsHtml(provinces, national, '‰', (code) => `/regions/${code}/`)}</ol>`);
    const rows = [...document.querySelectorAll('li')].map(
      (li) =>
        `${li.querySelector('.rank-number')?.textContent}|${li.querySelector('.rank-name')?.textContent}|${li.querySelector('.rank-value')?.textContent}`,
    );
    expect(rows).toEqual(['1|西藏|14.24‰', '2|青海|10.11‰', '2|北京|10.11‰', '|全国|6.77‰', '4|上海|4.47‰']);
    expect(document.querySelector('a.rank-name')?.getAttribute('href')).toBe('/regions/540000/');
    expect(document.querySelectorAll('.rank-national-mark')).toHaveLength(5);
  });

  it('writes table rows with status and source, and the national footer', () => {
    const { body, foot } = provincialTableHtml(provinces, national, { s: '分省年度数据' });
    expect(body).toContain('<th scope="row" class="nowrap">西藏自治区</th>');
    expect(body).toContain('<a href="#source-s">分省年度数据</a>');
    expect(foot).toContain('已交叉核对');
  });
});

describe('data for the browser and region facts', () => {
  const series = readSeries('birth-rate');

  it('writes every value in force, by region', () => {
    const data = exploreData(series);
    expect(Object.keys(data.values)).toHaveLength(32);
    expect(data.values['110000']!.find(([year]) => year === 2024)).toEqual([2024, 6.09, 2, 'single-source', 'nbs-database-provincial-2026']);
    expect(data.breaks).toEqual([2011]);
  });

  it('describes the default view for the download action', () => {
    const [line, map] = defaultDataShown(series);
    expect(line).toEqual({ regions: ['100000'], from: 2009, to: 2025 });
    expect(map!.regions).toHaveLength(31);
    expect(map).toMatchObject({ from: 2024, to: 2024 });
  });

  it('ranks a province among the 31', () => {
    const ofYear = provincialValuesOf(series, 2024);
    expect(rankOf(ofYear, '540000')).toBe(1);
    expect(provincialRegions()).toHaveLength(31);
    const beijing = regionIndicators('110000');
    expect(beijing.map((r) => r.indicator.id)).toEqual(expect.arrayContaining(['birth-rate', 'death-rate', 'natural-growth-rate']));
    expect(beijing.find((r) => r.indicator.id === 'birth-rate')).toMatchObject({ count: 31, latest: { year: 2024, value: 6.09 } });
  });
});

describe('name search', () => {
  const names = searchNames('/');
  const first = (q: string) => matchNames(q, names)[0]?.name;

  it('finds indicators and regions by Chinese, short and English names', () => {
    expect(first('出生率')).toBe('人口出生率');
    expect(first('北京')).toBe('北京市');
    expect(first('内蒙')).toBe('内蒙古自治区');
    expect(first('birth rate')).toBe('人口出生率');
    expect(first('Guangdong')).toBe('广东省');
  });

  it('tolerates typos', () => {
    expect(first('出声率')).toBe('人口出生率');
    expect(first('brith rate')).toBe('人口出生率');
    expect(first('beijng')).toBe('北京市');
    expect(editDistance('brith', 'birth')).toBe(1);
  });

  it('does not match what shares nothing', () => {
    expect(nameScore('医保', '人口出生率')).toBe(0);
    expect(matchNames('xyzzy', names)).toEqual([]);
  });
});
