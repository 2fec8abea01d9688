// The national line chart of an indicator, drawn at build time by the one line renderer
// (src/shared/charts/line-chart.ts): one point per published year, hollow where the value is tentative, no line
// across a missing year or a series break, dashed rules at breaks; with the plan's targets and the area's events
// when given. The same renderer redraws it in the browser.
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { formatYear, formatPublishedValue } from '../shared/format/number.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import type { ChartText } from './render.ts';
import { isTentative, pointTip } from '../shared/charts/points.ts';
import { chartColors } from '../shared/charts/colors.ts';
import { lineChart, type LinePoint } from '../shared/charts/line-chart.ts';
import { lineMarks, type LineEvent, type LineTarget } from '../shared/charts/line-marks.ts';

export interface LineChartInput {
  indicator: IndicatorSpec;
  /** National values, sorted by year. */
  values: PublishedValue[];
  width: number;
  height?: number;
  /** Unique on the page. */
  idPrefix: string;
  words?: Words;
  targets?: LineTarget[];
  events?: LineEvent[];
}

/** Width and height of the indicator page's two renderings (wide, then narrow); the browser redraws at the same. */
export const NATIONAL_CHART_SIZES: [[number, number], [number, number]] = [
  [960, 380],
  [340, 240],
];

/** Published values as the renderer's points, each with its tooltip. */
export function linePoints(values: PublishedValue[], tip: (v: PublishedValue) => string): LinePoint[] {
  return values.map((v) => ({ year: v.year, value: v.value, tentative: isTentative(v), tip: tip(v) }));
}

export function lineChartText(indicator: IndicatorSpec, values: PublishedValue[], words: Words = zh): ChartText {
  const c = words.chart;
  const unit = indicator.unit;
  const describe = (v: PublishedValue) => c.yearValue(formatYear(v.year, words), formatPublishedValue(v, unit));
  const first = values[0];
  const last = values.at(-1);
  if (!first || !last) return { title: c.lineTitle(indicator.name_zh), description: words.indicator.noNationalData };
  const low = values.reduce((a, b) => (b.value < a.value ? b : a));
  const high = values.reduce((a, b) => (b.value > a.value ? b : a));
  const breaks = indicator.breaks
    .map((b) => c.breakDescription(formatYear(b.year, words), b.note.endsWith(words.sentenceEnd) ? b.note : b.note + words.sentenceEnd))
    .join('');
  return {
    title: c.lineTitle(indicator.name_zh),
    description: c.lineDescription(indicator.name_zh, describe(first), describe(last), describe(low), describe(high), values.length) + breaks,
  };
}

export function nationalLineChart({
  indicator,
  values,
  width,
  height = Math.round(width * 0.5),
  idPrefix,
  words = zh,
  targets,
  events,
}: LineChartInput): string {
  return lineChart({
    ...lineChartText(indicator, values, words),
    idPrefix,
    width,
    height,
    yLabel: words.chart.unitAxis(indicator.unit),
    breaks: indicator.breaks.map((b) => b.year),
    breakLabel: words.chart.breakLabel,
    series: [{ key: 'national', color: chartColors.line, role: 'main', points: linePoints(values, (v) => pointTip(v, indicator.unit, words)) }],
    ...(targets?.length || events?.length ? { layers: [lineMarks(targets ?? [], events ?? [])] } : {}),
  });
}
