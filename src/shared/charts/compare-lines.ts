// The comparison line chart, drawn in the browser as SVG markup from plain TS (no Plot, no d3): the national
// line with the provinces the reader picked, as values or as change since a base year. Styled like line.ts.
import { formatTick, formatYearTick } from '../format/number.ts';
import { niceTicks, yearTicks } from '../format/tick.ts';
import { marginForTicks } from './points.ts';
import { lineRuns } from './line-runs.ts';
import { escapeXml } from '../format/markup.ts';

/** Province line colours: dark enough for 3:1 against white, none of them the national blue or red. */
export interface ComparePoint {
  year: number;
  value: number;
  tentative: boolean;
}

export interface CompareSeries {
  name: string;
  color: string;
  national: boolean;
  points: ComparePoint[];
}

export interface CompareChartInput {
  title: string;
  description: string;
  /** Unique on the page (title and desc ids derive from it). */
  idPrefix: string;
  width: number;
  height: number;
  from: number;
  to: number;
  series: CompareSeries[];
  breaks: number[];
  breakLabel: string;
  yLabel: string;
  /** The tooltip of each year, naming every series' value. */
  yearTips: Map<number, string>;
  /** Change mode: draw the zero line. */
  zeroLine: boolean;
  colors: { text: string; break: string };
}

/** Splits a series into drawable runs by the one gap rule (lineRuns). */
export function runs(points: ComparePoint[], breaks: number[]): ComparePoint[][] {
  const out: ComparePoint[][] = [];
  lineRuns(
    points.map((p) => p.year),
    breaks,
  ).forEach((run, i) => (out[run] ??= []).push(points[i]!));
  return out;
}

const r2 = (n: number) => String(Math.round(n * 100) / 100);

export function compareLineChart(input: CompareChartInput): string {
  const { width, height, from, to, series, colors } = input;
  const narrow = width < 480;
  const shown = series.map((s) => ({ ...s, points: s.points.filter((p) => p.year >= from && p.year <= to) }));
  const values = shown.flatMap((s) => s.points.map((p) => p.value));
  if (input.zeroLine) values.push(0);
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 5);
  const [lo, hi] = [ticks[0]!, ticks.at(-1)!];
  const [mt, mb, mr] = [28, 30, narrow ? 14 : 24];
  const ml = marginForTicks(ticks.map(formatTick));
  const inset = 12;
  const x = (year: number) => (to === from ? (ml + width - mr) / 2 : ml + inset + ((year - from) / (to - from)) * (width - mr - ml - 2 * inset));
  const y = (value: number) => height - mb - ((value - lo) / (hi - lo || 1)) * (height - mb - mt);
  const parts: string[] = [];
  parts.push(`<g aria-hidden="true" fill="${colors.text}">`);
  for (const t of ticks) {
    parts.push(`<line x1="${ml}" x2="${width - mr}" y1="${r2(y(t))}" y2="${r2(y(t))}" stroke="currentColor" stroke-opacity="0.1"/>`);
    parts.push(`<text x="${ml - 9}" y="${r2(y(t))}" dy="0.32em" text-anchor="end">${formatTick(t)}</text>`);
  }
  for (const year of yearTicks(from, to, narrow ? 5 : 9)) {
    parts.push(`<line x1="${r2(x(year))}" x2="${r2(x(year))}" y1="${height - mb}" y2="${height - mb + 6}" stroke="currentColor"/>`);
    parts.push(`<text x="${r2(x(year))}" y="${height - mb + 9}" dy="0.71em" text-anchor="middle">${formatYearTick(year)}</text>`);
  }
  parts.push(`<text x="0" y="${mt - 17}">${escapeXml(input.yLabel)}</text></g>`);
  for (const b of input.breaks.filter((year) => year > from && year <= to)) {
    const bx = r2(x(b - 0.5));
    parts.push(`<line x1="${bx}" x2="${bx}" y1="${mt}" y2="${height - mb}" stroke="${colors.break}" stroke-dasharray="5,4" aria-hidden="true"/>`);
    parts.push(`<text x="${bx}" y="${mt}" dx="4" dy="-2" fill="${colors.break}" aria-hidden="true">${escapeXml(input.breakLabel)}</text>`);
  }
  if (input.zeroLine)
    parts.push(`<line x1="${ml}" x2="${width - mr}" y1="${r2(y(0))}" y2="${r2(y(0))}" stroke="${colors.text}" aria-hidden="true"/>`);
  // Provinces first, the national line last so it stays on top.
  for (const s of [...shown].sort((a, b) => Number(a.national) - Number(b.national))) {
    const d = runs(s.points, input.breaks)
      .filter((run) => run.length > 1)
      .map((run) => run.map((p, i) => `${i ? 'L' : 'M'}${r2(x(p.year))},${r2(y(p.value))}`).join(''))
      .join('');
    parts.push(
      `<g class="compare-series" aria-hidden="true"><path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.national ? 2.5 : 2}"/>`,
    );
    for (const p of s.points) {
      const fill = p.tentative ? 'white' : s.color;
      parts.push(
        `<circle cx="${r2(x(p.year))}" cy="${r2(y(p.value))}" r="${narrow ? 3 : 3.5}" fill="${fill}" stroke="${s.color}" stroke-width="1.5"/>`,
      );
    }
    parts.push('</g>');
  }
  // One invisible column per year carries the tooltip of every series (tooltip.ts steps through them).
  const step = to === from ? width : x(from + 1) - x(from);
  parts.push('<g class="tip-points compare-hits">');
  for (const [year, tip] of [...input.yearTips].filter(([year]) => year >= from && year <= to).sort(([a], [b]) => a - b)) {
    parts.push(
      `<rect x="${r2(x(year) - step / 2)}" y="${mt}" width="${r2(step)}" height="${height - mt - mb}" fill="transparent" data-tip="${escapeXml(tip)}"/>`,
    );
  }
  parts.push('</g>');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${input.idPrefix}-title"` +
    ` aria-describedby="${input.idPrefix}-desc" style="font-size:12px;color:${colors.text}"><title id="${input.idPrefix}-title">${escapeXml(input.title)}</title>` +
    `<desc id="${input.idPrefix}-desc">${escapeXml(input.description)}</desc>${parts.join('')}</svg>`
  );
}
