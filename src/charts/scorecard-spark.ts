// The scorecard's small chart: the national series and the target's mark, as plain SVG. The scorecard draws
// about ninety of them, so each is a few hundred bytes: coordinates to one decimal, colours once on a group
// (as attributes, so the dark scheme's `svg [stroke='#1d5a96']` rules repaint them); stroke widths in
// scorecard.css, so a chart copied out of the page draws thinner but the same.
// Same reading as the home page's sparkline (sparkline.ts): one line per run of lineRuns, a dot for a year
// alone between breaks, the latest point hollow when tentative, the target a hollow square.
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { escapeXml } from '../shared/format/markup.ts';
import { lineRuns } from '../shared/charts/line-runs.ts';
import { isTentative } from '../shared/charts/points.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { chartColors } from './render.ts';
import { sparklineText } from './sparkline.ts';

export interface ScorecardSparkInput {
  indicator: IndicatorSpec;
  /** National values, sorted by year. */
  values: PublishedValue[];
  targets?: { year: number; value: number }[];
  width?: number;
  height?: number;
  words?: Words;
}

/** Plot's margin (5) plus inset (2), as the home page's sparkline has it. */
const PAD = 7;
const n1 = (x: number) => String(Math.round(x * 10) / 10);

/** The chart, or '' for a series with no value (nothing to draw: the row says the value is missing). */
export function scorecardSpark({ indicator, values, targets = [], width = 132, height = 36, words = zh }: ScorecardSparkInput): string {
  const last = values.at(-1);
  if (!last) return '';
  const years = [...values.map((v) => v.year), ...targets.map((t) => t.year)];
  const levels = [...values.map((v) => v.value), ...targets.map((t) => t.value)];
  const [x0, x1] = [Math.min(...years), Math.max(...years)];
  const [y0, y1] = [Math.min(...levels), Math.max(...levels)];
  const x = (year: number) => (x1 === x0 ? width / 2 : PAD + ((year - x0) * (width - 2 * PAD)) / (x1 - x0));
  const y = (value: number) => (y1 === y0 ? height / 2 : height - PAD - ((value - y0) * (height - 2 * PAD)) / (y1 - y0));
  const runs = lineRuns(
    values.map((v) => v.year),
    indicator.breaks.map((b) => b.year),
  );
  let d = '';
  const alone: PublishedValue[] = [];
  values.forEach((v, i) => {
    const joined = i > 0 && runs[i] === runs[i - 1];
    const continues = i < values.length - 1 && runs[i + 1] === runs[i];
    if (!joined && !continues && i !== values.length - 1) alone.push(v);
    d += `${joined ? 'L' : 'M'}${n1(x(v.year))},${n1(y(v.value))}`;
  });
  const { title, description } = sparklineText(indicator, values, words);
  const line = chartColors.line;
  return (
    `<svg class="spark-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(`${title}${words.lang === 'en' ? '. ' : '：'}${description}`)}">` +
    `<path d="${d}" fill="none" stroke="${line}"/>` +
    (alone.length ? `<g fill="${line}">${alone.map((v) => `<circle cx="${n1(x(v.year))}" cy="${n1(y(v.value))}" r="1.75"/>`).join('')}</g>` : '') +
    `<circle class="last" cx="${n1(x(last.year))}" cy="${n1(y(last.value))}" r="3" stroke="${line}" fill="${isTentative(last) ? 'white' : line}"/>` +
    targets
      .map((t) => `<rect x="${n1(x(t.year) - 2.7)}" y="${n1(y(t.value) - 2.7)}" width="5.3" height="5.3" fill="none" stroke="${chartColors.text}"/>`)
      .join('') +
    `</svg>`
  );
}
