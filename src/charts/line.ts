// The national line chart of an indicator, drawn at build time by the one line renderer
// (src/shared/charts/line-chart.ts): one point per published year, hollow where the value is tentative, no line
// across a missing year or a series break, dashed rules at breaks; with the plan's targets and the area's events
// when given. The same renderer redraws it in the browser.
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { formatYear } from '../shared/format/number.ts';
import { valueIn } from '../shared/format/in-lang.ts';
import { breakNoteIn, type Lang, nameIn } from '../shared/i18n/lang.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import type { ChartText } from './render.ts';
import { chartLanguage, isTentative, pointTip } from '../shared/charts/points.ts';
import { valueAxis } from '../shared/charts/axis-lang.ts';
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
  /** The chart's language (default Chinese); or give the edition's `words`. */
  lang?: Lang;
  words?: Words;
  targets?: LineTarget[];
  events?: LineEvent[];
}

/** Width and height of the indicator page's two renderings (wide, then narrow); the browser redraws at the same. */
export const NATIONAL_CHART_SIZES: [[number, number], [number, number]] = [
  [960, 380],
  [340, 240],
];

/** Published values as the renderer's points, each with its tooltip; `scale` is the axis's (axis-lang.ts). */
export function linePoints(values: PublishedValue[], tip: (v: PublishedValue) => string, scale = 1): LinePoint[] {
  return values.map((v) => ({ year: v.year, value: v.value * scale, tentative: isTentative(v), tip: tip(v) }));
}

/** Targets on the same scaled axis as the values (a 万人 target in millions on an English chart; axis-lang.ts). */
export function scaleTargets(targets: LineTarget[], scale: number): LineTarget[] {
  return targets.map((t) => ({
    ...t,
    value: t.value * scale,
    ...(t.baseline ? { baseline: { year: t.baseline.year, value: t.baseline.value * scale } } : {}),
  }));
}

/** A series break's note in the words' language, ending as a sentence does in that language. */
export function breakNote(seriesBreak: { note: string; note_en: string }, words: Words): string {
  const note = breakNoteIn(chartLanguage({ words }).lang, seriesBreak);
  return note.endsWith(words.sentenceEnd) ? note : note + words.sentenceEnd;
}

export function lineChartText(indicator: IndicatorSpec, values: PublishedValue[], words: Words = zh): ChartText {
  const { lang } = chartLanguage({ words });
  const c = words.chart;
  const name = nameIn(lang, indicator);
  const describe = (v: PublishedValue) => c.yearValue(formatYear(v.year, words), valueIn(lang, v, indicator));
  const first = values[0];
  const last = values.at(-1);
  if (!first || !last) return { title: c.lineTitle(name), description: words.indicator.noNationalData };
  const low = values.reduce((a, b) => (b.value < a.value ? b : a));
  const high = values.reduce((a, b) => (b.value > a.value ? b : a));
  const breaks = indicator.breaks.map((b) => c.breakDescription(formatYear(b.year, words), breakNote(b, words))).join(lang === 'en' ? ' ' : '');
  return {
    title: c.lineTitle(name),
    description:
      c.lineDescription(name, describe(first), describe(last), describe(low), describe(high), values.length) +
      (lang === 'en' && breaks ? ' ' : '') +
      breaks,
  };
}

export function nationalLineChart({
  indicator,
  values,
  width,
  height = Math.round(width * 0.5),
  idPrefix,
  targets,
  events,
  ...language
}: LineChartInput): string {
  const { lang, words } = chartLanguage(language);
  const axis = valueAxis(lang, indicator, words);
  const scaled = scaleTargets(targets ?? [], axis.scale);
  return lineChart({
    ...lineChartText(indicator, values, words),
    idPrefix,
    width,
    height,
    yLabel: axis.label,
    tickFormat: axis.tick,
    breaks: indicator.breaks.map((b) => b.year),
    breakLabel: words.chart.breakLabel,
    series: [
      { key: 'national', color: chartColors.line, role: 'main', points: linePoints(values, (v) => pointTip(v, indicator, words), axis.scale) },
    ],
    ...(scaled.length || events?.length ? { layers: [lineMarks(scaled, events ?? [])] } : {}),
  });
}
