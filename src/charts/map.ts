// The province choropleth, drawn as SVG at build time with d3-geo from china-geojson (AntV, MIT): provinces
// joined on GB/T 2260 codes, Hong Kong, Macao and Taiwan hatched as 无数据, the 南海诸岛 inset in its own frame.
import * as d3 from 'd3';
import china from 'china-geojson/src/geojson/china.json' with { type: 'json' };
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import type { Lang } from '../shared/i18n/lang.ts';
import { CHART_FONT, chartColors } from './render.ts';
import { chartLanguage, regionTip } from '../shared/charts/points.ts';
import { valueAxis } from '../shared/charts/axis-lang.ts';
import { regionNameIn } from '../site-data/region-names.ts';
import { classColor, stepThresholds, type MapClasses } from '../shared/charts/map-classes.ts';
import { escapeXml } from '../shared/format/markup.ts';
import { nameIn } from '../shared/i18n/lang.ts';

export const MAP_WIDTH = 720;
const INSET = { width: 92, height: 124, margin: 6 };
/** Boundary detail finer than this (px of the 720-wide drawing) is dropped: half the markup, no visible change. */
const SIMPLIFY_PX = 0.8;

type Feature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { id?: string; name: string }>;
const features = (china as unknown as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { id?: string; name: string }>)
  .features as Feature[];

/** Hong Kong and Macao have no id in china-geojson; their GB/T 2260 codes. */
const CODES_BY_NAME: Record<string, string> = { 香港: '810000', 澳门: '820000' };

/** The 6-digit GB/T 2260 code of a boundary: its 2-digit id padded (11 -> 110000), or by name for HK and Macao. */
export function featureRegionCode(feature: Feature): string | undefined {
  const { id, name } = feature.properties;
  return id ? `${id}0000` : CODES_BY_NAME[name];
}

/** Every region drawn on the map, with the short name the boundary file gives it. */
export function mapRegions(): { code: string; name: string }[] {
  return regionFeatures.map((f) => ({ code: featureRegionCode(f) ?? '', name: f.properties.name }));
}

const SOUTH_CHINA_SEA = '南海诸岛';
const regionFeatures = features.filter((f) => f.properties.name !== SOUTH_CHINA_SEA);
const insetFeature = features.find((f) => f.properties.name === SOUTH_CHINA_SEA);

/** The inset's island rings are wound clockwise-as-seen-from-outside, which d3-geo reads as "the whole globe". */
function rewound(feature: Feature): Feature {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const fixed = polygons.map((rings) =>
    rings.map((ring) => (d3.geoArea({ type: 'Polygon', coordinates: [ring] }) > 2 * Math.PI ? [...ring].reverse() : ring)),
  );
  return { ...feature, geometry: { type: 'MultiPolygon', coordinates: fixed } };
}

/** Collects projected rings (d3-geo calls moveTo/lineTo/closePath on a context) to simplify them before writing. */
function projectedRings(feature: Feature, projection: d3.GeoProjection): [number, number][][] {
  const rings: [number, number][][] = [];
  const context = {
    moveTo: (x: number, y: number) => void rings.push([[x, y]]),
    lineTo: (x: number, y: number) => void rings.at(-1)!.push([x, y]),
    closePath: () => {},
    arc: () => {},
    beginPath: () => {},
  };
  d3.geoPath(projection, context as unknown as d3.GeoContext)(feature);
  return rings;
}

/** Douglas-Peucker: drops points that lie within `tolerance` px of the line between the points kept around them. */
export function simplifyRing(points: [number, number][], tolerance: number): [number, number][] {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i]!;
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  const kept = points.filter((_, i) => keep[i]);
  return kept.length >= 4 ? kept : points;
}

/** Path data with relative steps at 0.1 px: about half the bytes of absolute coordinates. */
function pathData(rings: [number, number][][]): string {
  const r = (n: number) => Math.round(n * 10);
  const num = (tenths: number) => String(tenths / 10);
  return rings
    .map((ring) => {
      let [x, y] = [r(ring[0]![0]), r(ring[0]![1])];
      let d = `M${num(x)},${num(y)}`;
      for (const [px, py] of ring.slice(1)) {
        const [nx, ny] = [r(px), r(py)];
        if (nx === x && ny === y) continue;
        const dy = ny - y;
        d += `l${num(nx - x)}${dy < 0 ? '' : ','}${num(dy)}`;
        [x, y] = [nx, ny];
      }
      return d + 'z';
    })
    .join('');
}

/** Sequential blues; with values on both sides of zero, oranges below zero and blues above. */
export function mapClasses(allValues: number[]): MapClasses {
  const thresholds = stepThresholds(allValues);
  const classCount = thresholds.length + 1;
  const zeroAt = thresholds.indexOf(0);
  const spread = (n: number, from: number, to: number) =>
    Array.from({ length: n }, (_, i) => (n === 1 ? (from + to) / 2 : from + ((to - from) * i) / (n - 1)));
  const hex = (c: string) => d3.color(c)!.formatHex();
  if (zeroAt >= 0 && Math.min(...allValues) < 0) {
    const below = spread(zeroAt + 1, 0.72, 0.3).map((t) => hex(d3.interpolateOranges(t)));
    const above = spread(classCount - zeroAt - 1, 0.3, 0.9).map((t) => hex(d3.interpolateBlues(t)));
    return { thresholds, colors: [...below, ...above] };
  }
  return { thresholds, colors: spread(classCount, 0.18, 0.92).map((t) => hex(d3.interpolateBlues(t))) };
}

export interface ProvinceMapInput {
  indicator: IndicatorSpec;
  /** Provincial values of one year. */
  values: PublishedValue[];
  year: number;
  classes: MapClasses;
  /** Unique on the page. */
  idPrefix: string;
  /** id of the ranked list that is the map's text alternative, added to its description. */
  describedBy?: string;
  /** The map's language (default Chinese); or give the edition's `words`. */
  lang?: Lang;
  words?: Words;
}

export function provinceMap({ indicator, values, year, classes, idPrefix, describedBy, ...language }: ProvinceMapInput): string {
  const { lang, words } = chartLanguage(language);
  const m = words.map;
  const byCode = new Map(values.map((v) => [v.regionCode, v]));
  // Albers for China; the inset gets its own column on the right, so it never covers Taiwan.
  const projection = d3.geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]);
  const collection: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: regionFeatures };
  projection.fitWidth(MAP_WIDTH - INSET.width - 2 * INSET.margin - 4, collection);
  const [[x0, y0], [, y1]] = d3.geoPath(projection).bounds(collection);
  projection.translate([projection.translate()[0] - x0 + 4, projection.translate()[1] - y0 + 4]);
  const height = Math.ceil(y1 - y0 + 8);
  const path = (feature: Feature) => pathData(projectedRings(feature, projection).map((ring) => simplifyRing(ring, SIMPLIFY_PX)));
  const noData = `url(#${idPrefix}-nodata)`;
  const provinces = regionFeatures.map((feature) => {
    const code = featureRegionCode(feature) ?? '';
    // data-name is the region's name in the map's language (the boundary file's is Chinese); the page script reads it.
    const name = lang === 'en' ? regionNameIn(lang, code, feature.properties.name) : feature.properties.name;
    const value = byCode.get(code);
    const tip = value
      ? regionTip(value, indicator, words, regionNameIn(lang, code, value.region))
      : m.noDataTip(regionNameIn(lang, code, feature.properties.name));
    const fill = value ? classColor(value.value, classes) : noData;
    return `<path class="province" d="${path(feature)}" fill="${fill}" data-code="${code}" data-name="${escapeXml(name)}"${value ? ` data-value="${value.value}"` : ''} data-tip="${escapeXml(tip)}"><title>${escapeXml(tip)}</title></path>`;
  });
  const inset = insetFeature ? southChinaSeaInset(rewound(insetFeature), height, words) : '';
  const title = m.title(nameIn(lang, indicator), words.year(year));
  const desc = m.description(values.length, regionFeatures.length - values.length);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${height}" width="${MAP_WIDTH}" height="${height}" class="province-map" role="img"` +
    ` aria-labelledby="${idPrefix}-title" aria-describedby="${idPrefix}-desc${describedBy ? ` ${describedBy}` : ''}" data-no-data="${noData}"` +
    ` data-thresholds="${escapeXml(JSON.stringify(classes.thresholds))}" data-colors="${escapeXml(JSON.stringify(classes.colors))}" style="font-family:${escapeXml(CHART_FONT)}">` +
    `<title id="${idPrefix}-title">${escapeXml(title)}</title><desc id="${idPrefix}-desc">${escapeXml(desc)}</desc>` +
    `<defs><pattern id="${idPrefix}-nodata" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#a6a6a6" stroke-width="1.5"/></pattern></defs>` +
    `<g class="provinces" stroke="#fff" stroke-width="0.7" stroke-linejoin="round">${provinces.join('')}</g>${inset}</svg>`
  );
}

/** The 南海诸岛 inset: the feature is already laid out as a framed box of islands; fit it into the corner. */
function southChinaSeaInset(feature: Feature, mapHeight: number, words: Words): string {
  const x0 = MAP_WIDTH - INSET.width - INSET.margin;
  const y0 = mapHeight - INSET.height - INSET.margin;
  const projection = d3.geoMercator().fitExtent(
    [
      [x0 + 2, y0 + 2],
      [x0 + INSET.width - 2, y0 + INSET.height - 2],
    ],
    feature,
  );
  const d = d3.geoPath(projection).digits(1)(feature);
  return (
    `<g class="map-inset" aria-hidden="true"><rect x="${x0}" y="${y0}" width="${INSET.width}" height="${INSET.height}" fill="#fff"/>` +
    `<path d="${d}" fill="#d9d9d9" stroke="${chartColors.break}" stroke-width="0.8"/>` +
    `<text x="${x0 + INSET.width - 6}" y="${y0 + INSET.height - 6}" text-anchor="end" font-size="11" fill="${chartColors.text}">${escapeXml(words.map.southChinaSea)}</text></g>`
  );
}

/**
 * The legend in words: 低于8, 8至10以下, …, 14及以上 (the unit is named once, in the legend's label); in English the
 * thresholds are restated and written as the English axes write them (`units` gives the unit; axis-lang.ts).
 */
export function mapLegend(
  classes: MapClasses,
  words: Words = zh,
  units: { unit: string; unit_en: string } = { unit: '', unit_en: '' },
): { color: string; text: string }[] {
  const axis = valueAxis(chartLanguage({ words }).lang, units, words);
  const t = classes.thresholds.map((threshold) => axis.tick(threshold * axis.scale));
  return classes.colors.map((color, i) => ({
    color,
    text:
      t.length === 0 ? '' : i === 0 ? words.map.below(t[0]!) : i === t.length ? words.map.atLeast(t[i - 1]!) : words.map.between(t[i - 1]!, t[i]!),
  }));
}
