// The national line chart of an indicator: one point per published year, hollow where the value is tentative,
// dashed rules at series breaks, the line broken across them. Rendered to SVG at build time.
import * as Plot from '@observablehq/plot';
import * as d3 from 'd3';
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { formatTick, formatYear, formatYearTick, formatPublishedValue } from '../shared/format/number.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { chartColors, renderPlot, TIP_CLASS, type ChartText } from './render.ts';
import { isTentative, marginForTicks, pointTip } from '../shared/charts/points.ts';
import { lineRuns } from '../shared/charts/line-runs.ts';
import { yearTicks } from '../shared/format/tick.ts';

export interface LineChartInput {
  indicator: IndicatorSpec;
  /** National values, sorted by year. */
  values: PublishedValue[];
  width: number;
  height?: number;
  /** Unique on the page. */
  idPrefix: string;
  words?: Words;
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

export function nationalLineChart({ indicator, values, width, height = Math.round(width * 0.5), idPrefix, words = zh }: LineChartInput): string {
  const unit = indicator.unit;
  const breakYears = indicator.breaks.map((b) => b.year);
  const segment = lineRuns(
    values.map((v) => v.year),
    breakYears,
  );
  const rows = values.map((v, i) => ({ ...v, segment: segment[i] ?? 0, tip: pointTip(v, unit, words) }));
  const years = values.map((v) => v.year);
  // The tick labels Plot will draw (same nice domain, same count), so the left margin fits the longest.
  const yScale = d3
    .scaleLinear()
    .domain(d3.extent(values, (v) => v.value) as [number, number])
    .nice(5);
  const yTicks = values.length ? yScale.ticks(5).map(formatTick) : [];
  const narrow = width < 480;
  const dot = { x: 'year', y: 'value', r: narrow ? 3 : 3.5, title: 'tip', className: TIP_CLASS } as const;
  const breaksInRange = indicator.breaks.filter((b) => years.length > 0 && b.year > Math.min(...years) && b.year <= Math.max(...years));
  return renderPlot(
    {
      width,
      height,
      marginLeft: marginForTicks(yTicks),
      marginRight: narrow ? 14 : 24,
      marginTop: 28,
      x: {
        tickFormat: formatYearTick,
        ticks: years.length ? yearTicks(Math.min(...years), Math.max(...years), narrow ? 5 : 9) : [],
        label: null,
        inset: 12,
      },
      y: { label: words.chart.unitAxis(unit), labelArrow: 'none', tickFormat: formatTick, grid: true, nice: true, ticks: 5 },
      marks: [
        Plot.ruleX(breaksInRange, { x: (b: { year: number }) => b.year - 0.5, stroke: chartColors.break, strokeDasharray: '5,4' }),
        Plot.text(breaksInRange, {
          x: (b: { year: number }) => b.year - 0.5,
          frameAnchor: 'top',
          textAnchor: 'start',
          dx: 4,
          dy: -2,
          text: () => words.chart.breakLabel,
          fill: chartColors.break,
        }),
        Plot.line(rows, { x: 'year', y: 'value', z: 'segment', stroke: chartColors.line, strokeWidth: 2 }),
        Plot.dot(
          rows.filter((r) => !isTentative(r)),
          { ...dot, fill: chartColors.line },
        ),
        Plot.dot(
          rows.filter((r) => isTentative(r)),
          { ...dot, fill: 'white', stroke: chartColors.line, strokeWidth: 1.5 },
        ),
      ],
    },
    lineChartText(indicator, values, words),
    idPrefix,
  );
}
