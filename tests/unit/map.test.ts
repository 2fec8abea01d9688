// The province map on real data: every boundary joined to a GB/T 2260 code of data/regions.csv, 31 provinces
// with values and Hong Kong, Macao, Taiwan as 无数据, the 南海诸岛 inset inside its frame, the colour classes.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { featureRegionCode, mapClasses, mapLegend, mapRegions, provinceMap, simplifyRing } from '../../src/charts/map.ts';
import { classIndex, stepThresholds } from '../../src/shared/charts/map-classes.ts';
import { allRegions } from '../../src/pipeline/regions.ts';
import { NATIONAL_CODE } from '../../src/shared/national-code.ts';
import { readSeries } from '../../src/site-data/read.ts';
import { provincialValuesOf } from '../../src/site-data/provincial.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

const series = readSeries('birth-rate');
const provincial = series.values.filter((v) => v.regionCode !== NATIONAL_CODE);
const classes = mapClasses(provincial.map((v) => v.value));
const svg = provinceMap({
  indicator: series.indicator,
  values: provincialValuesOf(series, 2024),
  year: 2024,
  classes,
  idPrefix: 'map',
  describedBy: 'ranking',
});
const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);

describe('boundaries joined on GB/T 2260 codes', () => {
  it('gives every boundary a code from data/regions.csv, and every region there a boundary', () => {
    const mapped = mapRegions()
      .map((r) => r.code)
      .sort();
    const expected = allRegions()
      .filter((r) => r.code !== NATIONAL_CODE)
      .map((r) => r.code)
      .sort();
    expect(mapped).toEqual(expected);
    expect(mapRegions().find((r) => r.code === '710000')?.name).toBe('台湾');
    expect(featureRegionCode({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { name: '香港' } })).toBe('810000');
  });
});

describe('the 2024 birth-rate map', () => {
  const paths = [...document.querySelectorAll('path.province')];

  it('draws 31 provinces with values and three regions without', () => {
    expect(paths).toHaveLength(34);
    const withValue = paths.filter((p) => p.hasAttribute('data-value'));
    expect(withValue).toHaveLength(31);
    const without = paths.filter((p) => !p.hasAttribute('data-value'));
    expect(without.map((p) => p.getAttribute('data-code')).sort()).toEqual(['710000', '810000', '820000']);
    for (const p of without) {
      expect(p.getAttribute('fill')).toBe('url(#map-nodata)');
      expect(p.getAttribute('data-tip')).toMatch(/^(台湾|香港|澳门)：无数据$/);
    }
  });

  it('colours each province by its class and names its value in the tooltip', () => {
    const beijing = paths.find((p) => p.getAttribute('data-code') === '110000')!;
    const value = Number(beijing.getAttribute('data-value'));
    expect(beijing.getAttribute('fill')).toBe(classes.colors[classIndex(value, classes.thresholds)]);
    expect(beijing.getAttribute('data-tip')).toBe('北京 2024年：6.09‰（单一来源）');
    expect(beijing.querySelector('title')?.textContent).toBe('北京 2024年：6.09‰（单一来源）');
  });

  it('is an image named by its title and described by the ranked list', () => {
    const root = document.querySelector('svg')!;
    expect(root.getAttribute('role')).toBe('img');
    expect(document.getElementById('map-title')?.textContent).toBe('人口出生率：2024年各省份地图');
    expect(root.getAttribute('aria-describedby')).toBe('map-desc ranking');
    expect(JSON.parse(root.getAttribute('data-thresholds')!)).toEqual(classes.thresholds);
  });

  it('draws the 南海诸岛 inset inside its frame (the rewound rings do not cover the globe)', () => {
    const rect = document.querySelector('.map-inset rect')!;
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(rect.getAttribute(a)));
    const d = document.querySelector('.map-inset path')!.getAttribute('d')!;
    const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(numbers.length).toBeGreaterThan(50);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(x!);
    expect(Math.max(...xs)).toBeLessThanOrEqual(x! + w!);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(y!);
    expect(Math.max(...ys)).toBeLessThanOrEqual(y! + h!);
    expect(document.querySelector('.map-inset text')?.textContent).toBe('南海诸岛');
  });

  it('stays small: simplified, relative path data', () => {
    expect(svg.length).toBeLessThan(45_000);
  });

  it('matches its snapshot', () => matchSnapshotFile(svg.replace(/></g, '>\n<') + '\n', 'birth-rate-map.svg'));
});

describe('colour classes and legend', () => {
  it('uses round, equal steps shared by every year', () => {
    expect(classes.thresholds).toEqual([5, 7.5, 10, 12.5, 15, 17.5]);
    expect(classes.colors).toHaveLength(classes.thresholds.length + 1);
    expect(stepThresholds([5.2, 9.69])).toEqual([6, 7, 8, 9]);
    expect(stepThresholds([3])).toEqual([]);
  });

  it('puts zero between orange (below) and blue (above) when values have both signs', () => {
    const growth = mapClasses(
      readSeries('natural-growth-rate')
        .values.filter((v) => v.regionCode !== NATIONAL_CODE)
        .map((v) => v.value),
    );
    const zeroAt = growth.thresholds.indexOf(0);
    expect(zeroAt).toBeGreaterThan(0);
    const isOrange = (hex: string) => parseInt(hex.slice(1, 3), 16) > parseInt(hex.slice(5, 7), 16);
    expect(growth.colors.slice(0, zeroAt + 1).every(isOrange)).toBe(true);
    expect(growth.colors.slice(zeroAt + 1).some(isOrange)).toBe(false);
  });

  it('counts a value on a threshold in the class above it', () => {
    expect([4.99, 5, 7.49, 17.5, 30].map((v) => classIndex(v, classes.thresholds))).toEqual([0, 1, 1, 6, 6]);
  });

  it('says each class in words', () => {
    expect(mapLegend(classes).map((l) => l.text)).toEqual([
      '低于5',
      '5至7.5以下',
      '7.5至10以下',
      '10至12.5以下',
      '12.5至15以下',
      '15至17.5以下',
      '17.5及以上',
    ]);
  });

  it('simplifies a ring but keeps its ends', () => {
    const ring: [number, number][] = [
      [0, 0],
      [1, 0.1],
      [2, 0],
      [3, 5],
      [4, 0],
      [0, 0],
    ];
    const simple = simplifyRing(ring, 0.5);
    expect(simple[0]).toEqual([0, 0]);
    expect(simple.at(-1)).toEqual([0, 0]);
    expect(simple).not.toContainEqual([1, 0.1]);
    expect(simple).toContainEqual([3, 5]);
  });
});
