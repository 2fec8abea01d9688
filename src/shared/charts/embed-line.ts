// What an embed page carries to redraw its line chart for other regions or years, and the redraw itself: the
// one line renderer (line-chart.ts) at the frame's width, so the embed looks like the chart drawn at build time.
// Import-light (no words file, no d3): the embed page's small script loads it.
import { lineChart, lineHeight } from './line-chart.ts';
import { formatTickEn } from '../format/tick.ts';

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
}

export interface LineSelection {
  /** Region codes in the order the reader gave them; colours follow this order. */
  codes: string[];
  from: number;
  to: number;
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
    // The axis spans the years that have values among those asked for, not empty years before or after.
    series: selectSeries(spec, selection).map((s) => ({
      key: s.code,
      color: s.color,
      role: 'main' as const,
      points: s.points.map(([year, value, tentative, tip]) => ({ year, value, tentative: tentative === 1, tip })),
    })),
  });
}
