// Embedding without a browser: the embed address's options, the postMessage shapes, the iframe code, the line
// chart the embed page redraws in the browser, ranking rows tagged by region, and the views built from build/data.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { defaultOptions, embedQuery, MAX_REGIONS, parseEmbedOptions, showsDefaultChart, type EmbedOffer } from '../../src/shared/embed/options.ts';
import {
  frameHeight,
  HEIGHT,
  HELLO,
  heightMessage,
  helloMessage,
  isHeightMessage,
  isHelloMessage,
  MAX_FRAME_HEIGHT,
  MAX_HEIGHT,
  MIN_FRAME_HEIGHT,
} from '../../src/shared/embed/messages.ts';
import { embedSnippet } from '../../src/shared/embed/snippet.ts';
import { drawLineChart, type LineChartSpec } from '../../src/shared/charts/embed-line.ts';
import { niceTicks } from '../../src/shared/format/tick.ts';
import { fillTemplate } from '../../src/shared/i18n/template.ts';
import { formatTick } from '../../src/shared/format/number.ts';
import { chartViews, EMBED_WIDTHS, sourceLine } from '../../src/embed/views.ts';
import { readSeries } from '../../src/site-data/read.ts';
import { absoluteUrl, sitePaths } from '../../src/site.ts';

const offer: EmbedOffer = {
  regions: ['100000', '110000', '310000', '440000', '510000', '530000', '540000', '650000'],
  defaultRegions: ['100000'],
  years: [2001, 2010, 2025],
  langs: ['zh'],
};

describe('embed options', () => {
  it('defaults: national, all years, light, zh', () => {
    expect(parseEmbedOptions('', offer)).toEqual({ regions: ['100000'], from: 2001, to: 2025, theme: 'auto', lang: 'zh', hide: [] });
  });

  it('reads known values and keeps the order regions were given in', () => {
    expect(parseEmbedOptions('?regions=310000,100000&from=2010&to=2020&theme=dark&lang=zh', offer)).toEqual({
      regions: ['310000', '100000'],
      from: 2010,
      to: 2020,
      theme: 'dark',
      lang: 'zh',
      hide: [],
    });
  });

  it('falls back to the default for anything it does not offer', () => {
    const d = defaultOptions(offer);
    for (const query of [
      '?regions=999999',
      '?regions=,,',
      '?from=1990',
      '?to=2099',
      '?from=2020&to=2010',
      '?from=20x0',
      '?theme=Dark',
      '?lang=en',
      '?regions=<script>',
    ]) {
      const parsed = parseEmbedOptions(query, offer);
      expect(showsDefaultChart(parsed, offer), query).toBe(true);
      expect(parsed.theme).toBe(d.theme);
      expect(parsed.lang).toBe('zh');
    }
  });

  it(`drops unknown and repeated regions and keeps at most ${MAX_REGIONS}`, () => {
    expect(parseEmbedOptions('?regions=110000,999999,110000', offer).regions).toEqual(['110000']);
    expect(parseEmbedOptions(`?regions=${offer.regions.join(',')}`, offer).regions).toHaveLength(MAX_REGIONS);
  });

  it('writes only what differs from the default, and reads back what it wrote', () => {
    expect(embedQuery(defaultOptions(offer), offer)).toBe('');
    const options = { regions: ['100000', '110000'], from: 2010, to: 2025, theme: 'dark' as const, lang: 'zh', hide: [] };
    const query = embedQuery(options, offer);
    expect(query).toBe('?regions=100000,110000&from=2010&theme=dark');
    expect(parseEmbedOptions(query, offer)).toEqual(options);
  });
});

describe('embed messages', () => {
  it('accepts exactly the shapes we send', () => {
    expect(isHelloMessage(helloMessage())).toBe(true);
    expect(isHeightMessage(heightMessage(512.2))).toBe(true);
    expect(heightMessage(512.2).height).toBe(513);
  });

  it('rejects everything else', () => {
    const wrong: unknown[] = [
      null,
      'yigai-embed:height',
      [HEIGHT, 1, 100],
      { type: HEIGHT, version: 1 },
      { type: HEIGHT, version: 1, height: '100' },
      { type: HEIGHT, version: 1, height: Number.NaN },
      { type: HEIGHT, version: 1, height: Infinity },
      { type: HEIGHT, version: 1, height: 0 },
      { type: HEIGHT, version: 1, height: 1e-9 },
      { type: HEIGHT, version: 1, height: -Infinity },
      { type: HEIGHT, version: 1, height: -500 },
      { type: HEIGHT, version: 1, height: MAX_HEIGHT + 1 },
      { type: HEIGHT, version: 2, height: 100 },
      { type: HEIGHT, version: 1, height: 100, more: 1 },
      { type: HELLO, version: 1, height: 100 },
    ];
    for (const message of wrong) expect(isHeightMessage(message), JSON.stringify(message)).toBe(false);
    expect(isHelloMessage({ type: HELLO, version: 1, extra: 1 })).toBe(false);
    expect(isHelloMessage({ type: HEIGHT, version: 1 })).toBe(false);
  });

  it('keeps the frame between 120 and 4000 px, in whole pixels, whatever a valid message asks', () => {
    const frame = (height: number) => frameHeight({ type: HEIGHT, version: 1, height });
    expect([MIN_FRAME_HEIGHT, MAX_FRAME_HEIGHT]).toEqual([120, 4000]);
    expect([1, 119.5, 120, 512.2, 3999.01, 4000, 4001, MAX_HEIGHT].map(frame)).toEqual([120, 120, 120, 513, 4000, 4000, 4000, 4000]);
  });
});

describe('embed code', () => {
  it('is a titled, lazy, borderless iframe with a fixed height, and the loader line when asked', () => {
    const code = embedSnippet({
      src: '/embed/birth-rate/line/?regions=100000,110000&theme=dark',
      title: '人口出生率“全国”',
      height: 590,
      loader: '/embed.js',
    });
    const { document } = parseHTML(`<!doctype html><html><body>${code}</body></html>`);
    const frame = document.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe('/embed/birth-rate/line/?regions=100000,110000&theme=dark');
    expect(frame.getAttribute('title')).toBe('人口出生率“全国”');
    expect(frame.getAttribute('loading')).toBe('lazy');
    expect(frame.getAttribute('style')).toContain('height:590px');
    expect(frame.hasAttribute('data-yigai-embed')).toBe(true);
    expect(document.querySelector('script')?.getAttribute('src')).toBe('/embed.js');
    expect(embedSnippet({ src: '/x/', title: 'a"b', height: 1, loader: null })).not.toContain('<script');
    expect(embedSnippet({ src: '/x/', title: 'a"b', height: 1, loader: null })).toContain('title="a&quot;b"');
  });

  it('uses absolute addresses only when an origin is known', () => {
    expect(absoluteUrl(sitePaths.embed('birth-rate', 'line'), undefined)).toBe('/embed/birth-rate/line/');
    expect(absoluteUrl(sitePaths.embed('birth-rate', 'line'), 'https://example.org')).toBe('https://example.org/embed/birth-rate/line/');
  });
});

describe('line chart drawn in the browser', () => {
  const spec: LineChartSpec = {
    unitAxis: '单位：‰',
    breakLabel: '序列断点',
    breaks: [2011],
    palette: ['#1d5a96', '#c2570c'],
    series: [
      {
        code: '100000',
        name: '全国',
        points: [
          [2010, 11.9, 0, 'a'],
          [2011, 13.27, 0, 'b'],
          [2012, 14.57, 1, 'c'],
          [2013, 13.03, 0, 'd'],
        ],
      },
      {
        code: '110000',
        name: '北京',
        points: [
          [2009, 8.1, 1, 'e'],
          [2012, 9.05, 1, 'f'],
        ],
      },
    ],
  };

  it('labels ticks without float noise or separators, with a true minus', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [5, '5'],
      [-5, '\u22125'],
      [0.30000000000000004, '0.3'],
      [-0.02, '\u22120.02'],
      [1e5, '100000'],
      [14.000001, '14.000001'],
    ];
    for (const [value, label] of cases) expect(formatTick(value)).toBe(label);
  });

  it('picks round ticks that cover the values', () => {
    expect(niceTicks(5.63, 14.57)).toEqual([4, 6, 8, 10, 12, 14, 16]);
    expect(niceTicks(0.12, 0.97)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const single = niceTicks(6.77, 6.77);
    expect(single[0]).toBeLessThanOrEqual(6.77);
    expect(single.at(-1)).toBeGreaterThanOrEqual(6.77);
  });

  it('draws the chosen regions within the years, broken at series breaks, with tooltips', () => {
    const svg = drawLineChart(spec, { codes: ['100000', '110000'], from: 2010, to: 2013 }, 600, { id: 'custom', title: 'T', description: 'D' });
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const root = document.querySelector('svg')!;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.querySelector('title')?.textContent).toBe('T');
    const dots = [...root.querySelectorAll('.tip-points circle')];
    const tips = dots.map((d) => d.getAttribute('data-tip'));
    expect(tips.sort()).toEqual(['a', 'b', 'c', 'd', 'f']); // 2009 is outside the years
    const hollow = dots.find((d) => d.getAttribute('data-tip') === 'c')!;
    expect(hollow.parentElement!.getAttribute('fill')).toBe('white'); // tentative: hollow
    const line = (code: string) => root.querySelector(`[data-series="${code}"] path`)!;
    expect(line('100000').getAttribute('d')!.match(/M/g)).toHaveLength(1); // 2011–2013; 2010, alone before the break, is its dot only
    expect(line('110000').getAttribute('stroke')).toBe('#c2570c');
    expect(line('110000').getAttribute('d')).toBe(''); // 2012 alone in the years asked for: a dot, no line
    expect(root.textContent).toContain('序列断点');
  });

  it('fills word templates', () => {
    expect(fillTemplate('{name}：{regions}', { name: '人口出生率', regions: '全国、北京' })).toBe('人口出生率：全国、北京');
    expect(fillTemplate('{missing}', {})).toBe('{missing}');
  });
});

describe('chart views from build/data', () => {
  const [line, ranking] = chartViews(readSeries('birth-rate'));

  it('birth-rate has a line view with provincial lines on offer and a ranking view', () => {
    expect(line!.kind).toBe('line');
    expect(line!.offer.regions[0]).toBe('100000');
    expect(line!.offer.regions).toHaveLength(32);
    expect(line!.line!.series.find((s) => s.code === '110000')!.points.length).toBeGreaterThan(10);
    expect(ranking!.kind).toBe('ranking');
    expect(ranking!.offer.defaultRegions).toEqual([]);
    expect(ranking!.offer.years).toHaveLength(1);
  });

  it('a national-only indicator offers no regions to add', () => {
    const views = chartViews(readSeries('life-expectancy'));
    expect(views.map((v) => v.kind)).toEqual(['line']);
    expect(views[0]!.offer.regions).toEqual(['100000']);
  });

  it('tags every ranking row with its region: bar, value label and name', () => {
    const svg = ranking!.render(EMBED_WIDTHS[2], 'test');
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    for (const code of ranking!.offer.regions) expect(document.querySelectorAll(`[data-region="${code}"]`).length, code).toBe(3);
  });

  it('names each publisher once with its publications', () => {
    const series = readSeries('birth-rate');
    const text = sourceLine(series.values, series.sources);
    expect(text.startsWith('来源：国家统计局（')).toBe(true);
    expect(text.match(/国家统计局（/g)).toHaveLength(1);
    expect(line!.sourceLineAll).toContain('分省年度数据');
    expect(line!.sourceLine).not.toContain('分省年度数据');
  });

  it('frame heights leave room for the text around the tallest rendering', () => {
    expect(line!.fallbackHeight).toBeGreaterThan(360);
    expect(ranking!.fallbackHeight).toBeGreaterThan(698);
  });
});
