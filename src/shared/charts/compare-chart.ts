// The comparison chart of an indicator page, as data and markup: the national line with the provinces the reader
// picked, as values or as change since a base year, within the years asked for. The page script puts it on
// screen (src/client/explore/national.ts); tests render it the same way. Drawn by the one line renderer.
import type { ExploreData } from '../../explore/data.ts';
import type { ExploreView } from '../explore/view-state.ts';
import type { ProvincialValue } from '../explore/provincial-html.ts';
import type { PublishedValue } from '../../pipeline/publication.ts';
import { lineChart, type LineLayer, type LineSeries } from './line-chart.ts';
import { escapeXml } from '../format/markup.ts';
import { lineMarks, type LineEvent, type LineTarget } from './line-marks.ts';
import { seriesPalette } from './colors.ts';
import { isTentative, shortRegionName } from './points.ts';
import { valueAxis } from './axis-lang.ts';
import { difference, formatChange } from '../format/change.ts';
import { formatYear } from '../format/number.ts';
import { changeEn, valueIn } from '../format/in-lang.ts';
import { unitLabelEn } from '../format/english.ts';
import { wordsFor, type Lang } from '../i18n/lang.ts';
import { NATIONAL_CODE } from '../national-code.ts';

/** A region's values as the shared formatters expect them. */
export function regionSeries(data: ExploreData, code: string): ProvincialValue[] {
  const region = data.regions[code] ?? code;
  return (data.values[code] ?? []).map(([year, value, decimals, status, source]) => ({
    regionCode: code,
    region,
    year,
    value,
    decimals,
    status,
    source,
  }));
}

interface Drawn extends LineSeries {
  name: string;
  values: ProvincialValue[];
}

export interface CompareChart {
  title: string;
  /** One rendering per size, in the order given. */
  svgs: string[];
  /** The series drawn, in the legend's order. */
  series: { name: string; color: string }[];
  /** Notes under the chart: an empty range, series without a base-year value, a break inside a change. */
  notes: string[];
}

/** Targets and events drawn with absolute values only (a change since a base year has no target). */
export interface CompareMarks {
  targets: LineTarget[];
  events: LineEvent[];
}

const r2 = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The comparison's layer: in change mode the zero line (and 0 on the axis); over the series, one invisible
 * column per year carrying the tooltip that names every series' value (the tooltip script steps through them).
 */
export function compareLayer(yearTips: Map<number, string>, zeroLine: boolean): LineLayer {
  return {
    values: zeroLine ? [0] : [],
    under: ({ y, left, right, width }) =>
      zeroLine ? `<line x1="${left}" x2="${width - right}" y1="${r2(y(0))}" y2="${r2(y(0))}" stroke="currentColor" aria-hidden="true"/>` : '',
    over: ({ x, inYears, from, to, width, left, right, top, height, bottom }) => {
      const step = to === from ? width - left - right : x(from + 1) - x(from);
      const columns = [...yearTips].filter(([year]) => inYears(year)).sort(([a], [b]) => a - b);
      const rects = columns.map(
        ([year, tip]) =>
          `<rect x="${r2(x(year) - step / 2)}" y="${top}" width="${r2(step)}" height="${height - top - bottom}" fill="transparent" data-tip="${escapeXml(tip)}"/>`,
      );
      return `<g class="tip-points lc-hits">${rects.join('')}</g>`;
    },
  };
}

export function compareChart(
  data: ExploreData,
  view: ExploreView,
  sizes: [number, number][],
  marks: CompareMarks = { targets: [], events: [] },
  lang: Lang = 'zh',
): CompareChart {
  const zh = wordsFor(lang); // the edition's words (named zh from when there was one edition)
  const en = lang === 'en';
  const units = { unit: data.unit, unit_en: data.unit_en ?? data.unit };
  const axis = valueAxis(lang, units, zh);
  const codes = [NATIONAL_CODE, ...view.regions];
  // English names come with the data, chosen at build time (src/site-data/region-names.ts).
  const nameOf = (code: string) =>
    en ? (data.regionsEn?.[code] ?? code) : code === NATIONAL_CODE ? zh.indicator.national : shortRegionName(data.regions[code] ?? code);
  const all: Drawn[] = codes.map((code, i) => {
    const values = regionSeries(data, code);
    return {
      name: nameOf(code),
      color: seriesPalette[i % seriesPalette.length]!, // the nation first, in the site's blue
      key: code,
      role: 'main' as const,
      values,
      // Tooltips come from the year columns (yearTips), which name every series' value.
      points: values.map((v) => ({ year: v.year, value: v.value * axis.scale, tentative: isTentative(v as PublishedValue), tip: '' })),
    };
  });
  const change = view.mode === 'change';
  const baseOf = (s: Drawn) => s.values.find((v) => v.year === view.base);
  // Change mode draws only series with a value in the base year, and says which were left out.
  const series = change ? all.filter(baseOf) : all;
  const missing = all.filter((s) => !series.includes(s)).map((s) => s.name);
  if (change) {
    for (const s of series) {
      const base = baseOf(s)!;
      s.points = s.values.map((v) => ({
        year: v.year,
        value: difference(v, base).value * axis.scale,
        tentative: isTentative(v as PublishedValue),
        tip: '',
      }));
    }
  }
  const unit = data.unit;
  const yearTips = new Map<number, string>();
  for (let year = view.from; year <= view.to; year++) {
    const parts = series.flatMap((s) => {
      const v = s.values.find((p) => p.year === year);
      if (!v) return [];
      const shown = change
        ? en
          ? changeEn(v, baseOf(s)!, units)
          : formatChange(v, baseOf(s)!, unit)
        : valueIn(lang, { value: v.value, decimals: v.decimals }, units);
      return [zh.explore.seriesValue(s.name, shown)];
    });
    if (parts.length > 0) yearTips.set(year, zh.explore.yearTip(formatYear(year, zh), parts.join(zh.explore.tipSeparator)));
  }
  const names = series.map((s) => s.name).join(zh.listSeparator);
  const provinces = series
    .slice(1)
    .map((s) => s.name)
    .join(zh.listSeparator);
  const name = en ? (data.name_en ?? data.name) : data.name;
  const year = (y: number) => formatYear(y, zh);
  const title = change
    ? zh.explore.changeTitle(name, year(view.base))
    : provinces
      ? zh.explore.compareTitle(name, provinces)
      : zh.chart.lineTitle(name); // only the years narrowed: the national chart's own title
  const description = zh.explore.compareDescription(year(view.from), year(view.to), names);
  const changeUnit = zh.change.pointUnits[unit]?.trim() ?? (en ? unitLabelEn(unit, units.unit_en) : unit);
  const yLabel = change ? zh.explore.changeAxis(year(view.base), changeUnit) : axis.label;
  // Targets often lie beyond the data's years: a range ending at the latest national year is widened to them, as
  // the page's own chart is; a range the reader ended earlier stays as asked.
  const targets = (change ? [] : marks.targets).map((t) => ({
    ...t,
    value: t.value * axis.scale,
    ...(t.baseline ? { baseline: { year: t.baseline.year, value: t.baseline.value * axis.scale } } : {}),
  }));
  const latest = Math.max(...(data.values[NATIONAL_CODE] ?? []).map(([year]) => year));
  const to = view.to >= latest ? Math.max(view.to, ...targets.map((t) => t.year)) : view.to;
  const svgs = sizes.map(([width, height], i) =>
    lineChart({
      title,
      description,
      idPrefix: `compare-${data.id}-${i}`,
      width,
      height,
      from: view.from,
      to,
      series,
      breaks: data.breaks,
      breakLabel: zh.chart.breakLabel,
      yLabel,
      tickFormat: axis.tick,
      pointTips: 'none',
      layers: [...(targets.length || marks.events.length ? [lineMarks(targets, marks.events)] : []), compareLayer(yearTips, change)],
    }),
  );
  // Series left out for want of a base-year value are named below; this is for a range with nothing in it.
  const empty = series.length > 0 && !series.some((s) => s.values.some((v) => v.year >= view.from && v.year <= view.to));
  const notes = [
    ...(empty ? [zh.explore.emptyRange(year(view.from), year(view.to))] : []),
    ...(missing.length > 0 ? [zh.explore.missingBase(missing.join(zh.listSeparator), year(view.base))] : []),
    ...(change
      ? data.breaks
          .filter((b) => b > view.from && b <= view.to)
          .slice(0, 1)
          .map((b) => zh.explore.breakWarning(year(b)))
      : []),
  ];
  return { title, svgs, series: series.map((s) => ({ name: s.name, color: s.color })), notes };
}
