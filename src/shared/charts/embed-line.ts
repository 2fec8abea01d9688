// What an embed page carries to redraw its line chart for other regions or years, and the redraw itself: the
// one line renderer (line-chart.ts) at the frame's width, with the same target and event marks (line-marks.ts)
// as the chart drawn at build time, so the embed looks like it. Import-light (no words file, no d3): the embed
// page's small script loads it.
import { lineChart, lineHeight, type LineLayer } from './line-chart.ts';
import { lineMarks, type LineEvent, type LineTarget } from './line-marks.ts';
import { formatTickEn } from '../format/tick.ts';
import type { MarkLayer } from '../embed/options.ts';

/** [year, value, tentative (drawn hollow), tooltip text] */
export type LinePoint = [number, number, 0 | 1, string];

export interface LineSeries {
  code: string;
  name: string;
  points: LinePoint[];
}

export interface LineChartSpec {
  unitAxis: string;
  breakLabel: string;
  breaks: number[];
  /** One colour per series in the order the reader gave them. */
  palette: string[];
  /** English ticks: thousands separators (the values are already at the English axis's scale, axis-lang.ts). */
  tickSeparators?: true;
  series: LineSeries[];
  /** The plan targets drawn at build time, values at the axis's scale, labels and tooltips in the edition's words. */
  targets?: LineTarget[];
  /** The reform events drawn at build time, numbered as the key under the chart. */
  events?: LineEvent[];
}

export interface LineSelection {
  /** Region codes in the order the reader gave them; colours follow this order. */
  codes: string[];
  from: number;
  to: number;
  /** Mark layers not drawn. */
  hide?: readonly MarkLayer[];
}

/**
 * The marks for a selection: none of a hidden layer; targets as on the page's comparison chart (compare-chart.ts),
 * beyond the data's years only when the range ends at the latest year, and never before its first year.
 */
export function selectMarks(spec: LineChartSpec, { from, to, hide = [] }: LineSelection, latest: number) {
  const last = to >= latest ? Infinity : to;
  const targets = hide.includes('targets') ? [] : (spec.targets ?? []).filter((t) => t.year >= from && t.year <= last);
  const events = hide.includes('events') ? [] : (spec.events ?? []).filter((e) => e.year >= from);
  return { targets, events };
}

/** The selected series, each with its colour and its points within the years. */
export function selectSeries(spec: LineChartSpec, { codes, from, to }: LineSelection) {
  return codes.flatMap((code, i) => {
    const series = spec.series.find((s) => s.code === code);
    const color = spec.palette[i % spec.palette.length]!;
    return series ? [{ ...series, color, points: series.points.filter(([year]) => year >= from && year <= to) }] : [];
  });
}

export interface DrawnText {
  id: string;
  title: string;
  description: string;
}

/** SVG markup of the chosen regions and years; each point carries its tooltip. */
export function drawLineChart(spec: LineChartSpec, selection: LineSelection, width: number, text: DrawnText): string {
  const series = selectSeries(spec, selection);
  const latest = Math.max(...spec.series.flatMap((s) => s.points.map(([year]) => year)));
  const { targets, events } = selectMarks(spec, selection, latest);
  // The years: those with values among those asked for, widened to the targets kept (not to a baseline year
  // before them: its path is then not drawn, as on the page).
  const years = [...series.flatMap((s) => s.points.map(([year]) => year)), ...targets.map((t) => t.year)];
  const layers: LineLayer[] = targets.length || events.length ? [lineMarks(targets, events)] : [];
  return lineChart({
    title: text.title,
    description: text.description,
    idPrefix: text.id,
    width,
    height: lineHeight(width),
    yLabel: spec.unitAxis,
    ...(spec.tickSeparators ? { tickFormat: formatTickEn } : {}),
    breaks: spec.breaks,
    breakLabel: spec.breakLabel,
    pointTips: 'data', // drawn after the tooltip script started: it reads data-tip
    ...(years.length ? { from: Math.min(...years), to: Math.max(...years) } : {}),
    layers,
    // The axis spans the years that have values among those asked for, not empty years before or after.
    series: series.map((s) => ({
      key: s.code,
      color: s.color,
      role: 'main' as const,
      points: s.points.map(([year, value, tentative, tip]) => ({ year, value, tentative: tentative === 1, tip })),
    })),
  });
}
