// A small line for the home page cards: the national series without axes, the latest point marked
// (hollow when tentative). The card's text carries the numbers; the sparkline shows the shape.
import * as Plot from '@observablehq/plot';
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { formatYear } from '../shared/format/number.ts';
import { valueIn } from '../shared/format/in-lang.ts';
import type { Lang } from '../shared/i18n/lang.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { chartColors, renderPlot, type ChartText } from './render.ts';
import { chartLanguage, isTentative } from '../shared/charts/points.ts';
import { lineRuns } from '../shared/charts/line-runs.ts';
import { nameIn } from '../shared/i18n/lang.ts';

export interface SparklineInput {
  indicator: IndicatorSpec;
  /** National values, sorted by year. */
  values: PublishedValue[];
  idPrefix: string;
  width?: number;
  height?: number;
  /** The chart's language (default Chinese); or give the edition's `words`. */
  lang?: Lang;
  words?: Words;
  /** Optional target marks (the scorecard): a hollow square at each target year and value. */
  targets?: { year: number; value: number }[];
}

export function sparklineText(indicator: IndicatorSpec, values: PublishedValue[], words: Words = zh): ChartText {
  const c = words.chart;
  const { lang } = chartLanguage({ words });
  const describe = (v: PublishedValue | undefined) => (v ? c.yearValue(formatYear(v.year, words), valueIn(lang, v, indicator)) : '');
  return {
    title: c.sparklineTitle(nameIn(lang, indicator)),
    description: c.sparklineDescription(describe(values[0]), describe(values.at(-1))),
  };
}

export function sparkline({ indicator, values, idPrefix, width = 240, height = 48, targets = [], ...language }: SparklineInput): string {
  const { words } = chartLanguage(language);
  const segment = lineRuns(
    values.map((v) => v.year),
    indicator.breaks.map((b) => b.year),
  );
  const rows = values.map((v, i) => ({ ...v, segment: segment[i] ?? 0 }));
  const last = rows.slice(-1);
  // A point alone in its segment (a single year before a break) has no line: draw it as a dot.
  const alone = rows.filter((r, i) => r.segment !== rows[i - 1]?.segment && r.segment !== rows[i + 1]?.segment && i !== rows.length - 1);
  return renderPlot(
    {
      width,
      height,
      margin: 5,
      axis: null,
      x: { inset: 2 },
      y: { inset: 2 },
      marks: [
        Plot.line(rows, { x: 'year', y: 'value', z: 'segment', stroke: chartColors.line, strokeWidth: 1.75 }),
        Plot.dot(alone, { x: 'year', y: 'value', r: 1.75, fill: chartColors.line }),
        Plot.dot(last, {
          x: 'year',
          y: 'value',
          r: 3,
          stroke: chartColors.line,
          strokeWidth: 1.5,
          fill: last[0] && isTentative(last[0]) ? 'white' : chartColors.line,
        }),
        ...(targets.length
          ? [Plot.dot(targets, { x: 'year', y: 'value', r: 3, symbol: 'square', stroke: chartColors.text, strokeWidth: 1.25, fill: 'none' })]
          : []),
      ],
    },
    sparklineText(indicator, values, words),
    idPrefix,
  );
}
