// The line chart an embed page draws in the browser when the reader asked for other regions or years: plain SVG
// markup from the data the page carries, laid out like the Plot chart drawn at build time (same margins, ticks,
// colours), because Plot itself would cost 80 KB of script. Pure string building: the same code runs in tests.

import { formatTick, niceTicks, yearTicks } from '../format/tick.ts';
import { escapeXml } from '../format/markup.ts';
import { lineRuns } from './line-runs.ts';

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
  colors: { text: string; break: string; palette: string[] };
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
    const color = spec.colors.palette[i % spec.colors.palette.length]!;
    return series ? [{ ...series, color, points: series.points.filter(([year]) => year >= from && year <= to) }] : [];
  });
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export interface DrawnText {
  id: string;
  title: string;
  description: string;
}

/** SVG markup; points carry data-tip (the page's tooltip script reads it) instead of <title>. */
export function drawLineChart(spec: LineChartSpec, selection: LineSelection, width: number, text: DrawnText): string {
  const series = selectSeries(spec, selection);
  // The axis spans the years that have values among those asked for, not empty years before or after.
  const years = series.flatMap((s) => s.points.map(([year]) => year));
  const [from, to] = years.length ? [Math.min(...years), Math.max(...years)] : [selection.from, selection.to];
  const narrow = width < 480;
  const height = Math.max(240, Math.round(width / 2));
  const values = series.flatMap((s) => s.points.map(([, v]) => v));
  const yTicks = values.length ? niceTicks(Math.min(...values), Math.max(...values)) : [0, 1];
  const [y0, y1] = [yTicks[0]!, yTicks.at(-1)!];
  const labels = yTicks.map(formatTick);
  const [top, right, bottom, left] = [28, narrow ? 14 : 24, 30, Math.max(36, Math.ceil(10 + Math.max(...labels.map((l) => l.length)) * 7.2))];
  const x = (year: number) => r2(to === from ? (left + width - right) / 2 : left + 12 + ((year - from) / (to - from)) * (width - left - right - 24));
  const y = (v: number) => r2(height - bottom - ((v - y0) / (y1 - y0 || 1)) * (height - top - bottom));
  const c = spec.colors;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${text.id}-title" aria-describedby="${text.id}-desc" fill="currentColor" font-size="12" text-anchor="middle">`,
  );
  out.push(`<title id="${text.id}-title">${escapeXml(text.title)}</title><desc id="${text.id}-desc">${escapeXml(text.description)}</desc>`);
  out.push(
    `<g stroke="currentColor" stroke-opacity="0.1" aria-hidden="true">${yTicks.map((t) => `<line x1="${left}" x2="${width - right}" y1="${y(t)}" y2="${y(t)}"/>`).join('')}</g>`,
  );
  out.push(`<g stroke="currentColor" fill="none" aria-hidden="true">${yTicks.map((t) => `<path d="M${left},${y(t)}h-6"/>`).join('')}</g>`);
  out.push(
    `<g text-anchor="end" font-variant="tabular-nums">${yTicks.map((t, i) => `<text x="${left - 9}" y="${y(t)}" dy="0.32em">${labels[i]}</text>`).join('')}</g>`,
  );
  out.push(`<text x="3" y="3" dy="0.71em" text-anchor="start">${escapeXml(spec.unitAxis)}</text>`);
  const xTicks = yearTicks(from, to, narrow ? 5 : 9);
  out.push(`<g stroke="currentColor" fill="none" aria-hidden="true">${xTicks.map((t) => `<path d="M${x(t)},${height - bottom}v6"/>`).join('')}</g>`);
  out.push(
    `<g font-variant="tabular-nums">${xTicks.map((t) => `<text x="${x(t)}" y="${height - bottom + 9}" dy="0.71em">${t}</text>`).join('')}</g>`,
  );
  for (const year of spec.breaks.filter((b) => b > from && b <= to)) {
    const bx = r2(x(year - 0.5));
    out.push(`<line x1="${bx}" x2="${bx}" y1="${top}" y2="${height - bottom}" stroke="${c.break}" stroke-dasharray="5,4"/>`);
    out.push(`<text x="${bx + 4}" y="${top - 2}" dy="0.71em" text-anchor="start" fill="${c.break}">${escapeXml(spec.breakLabel)}</text>`);
  }
  for (const s of series) {
    // The one gap rule (lineRuns): no line across a series break or a missing year; every point has its dot.
    const segments = new Map<number, string[]>();
    const run = lineRuns(
      s.points.map(([year]) => year),
      spec.breaks,
    );
    s.points.forEach(([year, v], i) => segments.set(run[i]!, [...(segments.get(run[i]!) ?? []), `${x(year)},${y(v)}`]));
    const d = [...segments.values()]
      .filter((pts) => pts.length > 1)
      .map((pts) => `M${pts.join('L')}`)
      .join('');
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`);
  }
  const r = narrow ? 3 : 3.5;
  out.push('<g class="tip-points">');
  for (const s of series) {
    for (const [year, v, tentative, tip] of s.points) {
      const paint = tentative ? `fill="white" stroke="${s.color}" stroke-width="1.5"` : `fill="${s.color}"`;
      out.push(`<circle cx="${x(year)}" cy="${y(v)}" r="${r}" ${paint} data-tip="${escapeXml(tip)}"/>`);
    }
  }
  out.push('</g></svg>');
  return out.join('');
}
