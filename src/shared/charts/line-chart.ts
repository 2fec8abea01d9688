// The one line-chart renderer: plain SVG markup from plain data, no Plot and no d3, so the build (indicator page,
// region pages, embeds, report pictures) and the browser (the comparison redraw, the embed's custom view) draw
// every line the same way, by the one gap rule (lineRuns). Text, axes and grid use currentColor and the lines
// their palette colour as attributes, so a page's CSS repaints them for the dark theme (attribute selectors
// beat presentation attributes) while a saved SVG or a picture stays light on its own.
import { formatTick, niceTicks, yearTicks } from '../format/tick.ts';
import { escapeXml } from '../format/markup.ts';
import { lineRuns } from './line-runs.ts';
import { CHART_FONT, chartColors } from './colors.ts';

export interface LinePoint {
  year: number;
  value: number;
  /** Drawn hollow: a preliminary or single-source value, or a bound ('95%以上'). */
  tentative: boolean;
  /** The point's tooltip in words. */
  tip: string;
}

export interface LineSeries {
  /** Region code or another key, unique on the chart. */
  key: string;
  color: string;
  /**
   * main: the chart's own series (thick line, full dots); reference: the national line beside a province on a
   * region page (thin, dashed, small dots), drawn under the main series.
   */
  role: 'main' | 'reference';
  points: LinePoint[];
}

/** Where a layer (line-marks.ts, compare-chart.ts) may draw: the scales and the frame. */
export interface ChartFrame {
  x: (year: number) => number;
  y: (value: number) => number;
  inYears: (year: number) => boolean;
  from: number;
  to: number;
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  narrow: boolean;
  /** Every data point drawn, so labels can keep clear of them. */
  points: { year: number; value: number }[];
  /** Every line segment drawn between two points (pixels), so labels can keep clear of the lines too. */
  segments: { x1: number; y1: number; x2: number; y2: number }[];
}

/**
 * What a chart may carry beyond its series (plan targets and events, the comparison's zero line and tooltip
 * columns), each in the module that needs it, so a page that draws none does not load them. Its years
 * and values widen the axes; `under` draws beneath the series, `over` above them.
 */
export interface LineLayer {
  years?: number[];
  values?: number[];
  under?: (frame: ChartFrame) => string;
  over?: (frame: ChartFrame) => string;
}

export interface LineChartInput {
  title: string;
  description: string;
  /** Unique on the page (title and desc ids derive from it). */
  idPrefix: string;
  width: number;
  height: number;
  /** Axis label, e.g. 单位：‰. */
  yLabel: string;
  series: LineSeries[];
  /** Years a series break falls in: no line crosses them; a dashed rule marks them. */
  breaks: number[];
  breakLabel: string;
  /** The years shown; default: the span of the values (and targets). */
  from?: number;
  to?: number;
  layers?: LineLayer[];
  /**
   * Point tooltips as <title> (read without script; the tooltip script moves them), as data-tip (a redraw, drawn
   * after that script ran), or none (a layer carries them, as the comparison's year columns do).
   */
  pointTips?: 'title' | 'data' | 'none';
  /** Value tick labels; default formatTick (English charts pass formatTickEn, axis-lang.ts). */
  tickFormat?: (value: number) => string;
}

/** Height of a line chart at a width, for embeds and pictures: half the width, never under 240 px. */
export const lineHeight = (width: number) => Math.max(240, Math.round(width / 2));

/** Left margin wide enough for the longest tick label (CJK-free digits at 12px). */
export function marginForTicks(labels: string[], minimum = 36): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.max(minimum, Math.ceil(10 + longest * 7.2));
}

const r2 = (n: number) => String(Math.round(n * 100) / 100);

export function lineChart(input: LineChartInput): string {
  const { width, height, series, breaks } = input;
  const narrow = width < 480;
  const shownSeries = series.map((s) => ({
    ...s,
    points: s.points.filter((p) => (input.from === undefined || p.year >= input.from) && (input.to === undefined || p.year <= input.to)),
  }));
  const dataYears = shownSeries.flatMap((s) => s.points.map((p) => p.year));
  const layers = input.layers ?? [];
  const targetYears = layers.flatMap((l) => l.years ?? []);
  const allYears = [...dataYears, ...targetYears];
  const from = input.from ?? (allYears.length ? Math.min(...allYears) : 0);
  const to = input.to ?? (allYears.length ? Math.max(...allYears) : 1);
  const values = [...shownSeries.flatMap((s) => s.points.map((p) => p.value)), ...layers.flatMap((l) => l.values ?? [])];
  const ticks = values.length ? niceTicks(Math.min(...values), Math.max(...values), 5) : [0, 1];
  const [lo, hi] = [ticks[0]!, ticks.at(-1)!];
  const labels = ticks.map(input.tickFormat ?? formatTick);
  const top = 28;
  const bottom = 30;
  const right = narrow ? 14 : 24;
  const left = marginForTicks(labels);
  const inset = narrow ? 8 : 12;
  const x = (year: number) =>
    to === from ? (left + width - right) / 2 : left + inset + ((year - from) / (to - from)) * (width - right - left - 2 * inset);
  const y = (value: number) => height - bottom - ((value - lo) / (hi - lo || 1)) * (height - bottom - top);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="line-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"` +
      ` aria-labelledby="${input.idPrefix}-title" aria-describedby="${input.idPrefix}-desc" font-family="${escapeXml(CHART_FONT)}" font-size="12" fill="currentColor">`,
    `<title id="${input.idPrefix}-title">${escapeXml(input.title)}</title><desc id="${input.idPrefix}-desc">${escapeXml(input.description)}</desc>`,
  );
  // Axes: grid and tick labels in the text colour, so they follow the page's theme.
  out.push(`<g class="lc-axis" aria-hidden="true">`);
  out.push(
    `<g stroke="currentColor" stroke-opacity="0.1">${ticks.map((t) => `<line x1="${left}" x2="${width - right}" y1="${r2(y(t))}" y2="${r2(y(t))}"/>`).join('')}</g>`,
  );
  out.push(
    `<g text-anchor="end" font-variant="tabular-nums">${ticks.map((t, i) => `<text x="${left - 6}" y="${r2(y(t))}" dy="0.32em">${labels[i]}</text>`).join('')}</g>`,
  );
  out.push(`<text x="0" y="${top - 17}">${escapeXml(input.yLabel)}</text>`);
  const xTicks = yearTicks(from, to, narrow ? 5 : 9);
  out.push(`<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="currentColor" stroke-opacity="0.4"/>`);
  out.push(
    `<g stroke="currentColor">${xTicks.map((t) => `<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${height - bottom}" y2="${height - bottom + 6}"/>`).join('')}</g>`,
  );
  out.push(
    `<g text-anchor="middle" font-variant="tabular-nums">${xTicks.map((t) => `<text x="${r2(x(t))}" y="${height - bottom + 9}" dy="0.71em">${t}</text>`).join('')}</g>`,
  );
  out.push('</g>');
  for (const b of breaks.filter((year) => year > from && year <= to)) {
    const bx = r2(x(b - 0.5));
    out.push(
      `<g class="lc-break" aria-hidden="true"><line x1="${bx}" x2="${bx}" y1="${top}" y2="${height - bottom}" stroke="${chartColors.break}" stroke-dasharray="5,4"/>` +
        `<text x="${bx}" y="${top}" dx="4" dy="-2" fill="${chartColors.break}">${escapeXml(input.breakLabel)}</text></g>`,
    );
  }
  const inYears = (year: number) => year >= from && year <= to;
  // The one gap rule: a line joins two observations only in consecutive years with no break between them.
  const runsOf = new Map(
    shownSeries.map((s) => {
      const runs: LinePoint[][] = [];
      lineRuns(
        s.points.map((p) => p.year),
        breaks,
      ).forEach((run, i) => (runs[run] ??= []).push(s.points[i]!));
      return [s, runs] as const;
    }),
  );
  const frame: ChartFrame = {
    x,
    y,
    inYears,
    from,
    to,
    width,
    height,
    top,
    bottom,
    left,
    right,
    narrow,
    points: shownSeries.flatMap((s) => s.points),
    segments: [...runsOf.values()].flatMap((runs) =>
      runs.flatMap((run) => run.slice(1).map((p, i) => ({ x1: x(run[i]!.year), y1: y(run[i]!.value), x2: x(p.year), y2: y(p.value) }))),
    ),
  };
  for (const layer of layers) if (layer.under) out.push(layer.under(frame));
  // Series: reference lines first, the main series last so they stay on top (the first main series, the
  // nation on the indicator page, is drawn last of all).
  const order = [...shownSeries].sort((a, b) => (a.role === b.role ? 0 : a.role === 'reference' ? -1 : 1));
  const mains = order.filter((s) => s.role === 'main');
  const layered = [...order.filter((s) => s.role === 'reference'), ...mains.slice(1).reverse(), ...mains.slice(0, 1)];
  const withTitles = input.pointTips !== 'none';
  for (const s of layered) {
    const main = s.role === 'main';
    const d = runsOf
      .get(s)!
      .filter((run) => run.length > 1)
      .map((run) => run.map((p, i) => `${i ? 'L' : 'M'}${r2(x(p.year))},${r2(y(p.value))}`).join(''))
      .join('');
    const dash = main ? '' : ' stroke-dasharray="5,3"';
    out.push(
      `<g class="lc-series" data-series="${escapeXml(s.key)}"><path d="${d}" fill="none" stroke="${s.color}" stroke-width="${main ? 2 : 1.5}"${dash} stroke-linejoin="round" stroke-linecap="round"/>`,
    );
    const r = main ? (narrow ? 3 : 3.5) : 2;
    const asData = input.pointTips === 'data';
    const dot = (p: LinePoint) =>
      withTitles && asData
        ? `<circle cx="${r2(x(p.year))}" cy="${r2(y(p.value))}" r="${r}" data-tip="${escapeXml(p.tip)}"/>`
        : `<circle cx="${r2(x(p.year))}" cy="${r2(y(p.value))}" r="${r}">${withTitles ? `<title>${escapeXml(p.tip)}</title>` : ''}</circle>`;
    const tipClass = withTitles ? ' class="tip-points"' : '';
    const firm = s.points.filter((p) => !p.tentative || !main);
    const hollow = main ? s.points.filter((p) => p.tentative) : [];
    if (firm.length) out.push(`<g${tipClass} fill="${s.color}">${firm.map(dot).join('')}</g>`);
    if (hollow.length) out.push(`<g${tipClass} fill="white" stroke="${s.color}" stroke-width="1.5">${hollow.map(dot).join('')}</g>`);
    out.push('</g>');
  }
  for (const layer of layers) if (layer.over) out.push(layer.over(frame));
  out.push('</svg>');
  return out.join('');
}
