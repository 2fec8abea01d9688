// The composition of total health expenditure: government, social and out-of-pocket shares stacked to 100% per
// year, drawn at build time. Only years where the publisher gives all three shares are drawn; nothing is filled in
// or computed, so a bar's parts are the published shares and may add to 100 ± 0.1 because of rounding.
import * as Plot from '@observablehq/plot';
import type { PublishedValue } from '../pipeline/publication.ts';
import type { Problem } from '../pipeline/types.ts';
import { formatNumber, formatTick, formatYear, formatYearTick } from '../shared/format/number.ts';
import { yearTicks } from '../shared/format/tick.ts';
import type { Lang } from '../shared/i18n/lang.ts';
import type { Words } from '../shared/i18n/zh.ts';
import { chartColors, renderPlot, TIP_CLASS, type ChartText } from './render.ts';
import { chartLanguage, pointTip } from '../shared/charts/points.ts';

/** The three parts, bottom to top, with their indicator ids and colours. */
export const COMPOSITION_PARTS = [
  { id: 'government-health-spending-share', color: '#1d5a96' },
  { id: 'social-health-spending-share', color: '#1b7f5f' },
  { id: 'oop-share', color: '#c2570c' },
] as const;
export type CompositionPartId = (typeof COMPOSITION_PARTS)[number]['id'];
export const COMPOSITION_IDS: readonly string[] = COMPOSITION_PARTS.map((p) => p.id);

export interface CompositionInput {
  /** National values in force of each part, by indicator id. */
  parts: Record<CompositionPartId, PublishedValue[]>;
  /** Each part's name, as in the catalog, in the chart's language. */
  names: Record<CompositionPartId, string>;
  width: number;
  height?: number;
  idPrefix: string;
  /** The chart's language (default Chinese); or give the edition's `words`. */
  lang?: Lang;
  words?: Words;
}

const PERCENT = { unit: '%', unit_en: '%' };

export interface CompositionYear {
  year: number;
  /** Bottom to top, in COMPOSITION_PARTS order. */
  values: PublishedValue[];
  /** The sum of the published shares (100 up to rounding). */
  total: number;
}

/** How far a year's published shares may add up from 100: three shares rounded to 0.1 each. */
const ROUNDING = 0.1;

/**
 * Years with all three shares published and adding to 100 up to rounding; the years left out because one or two
 * are missing; and those whose three shares, from different releases (a bulletin's preliminary estimate beside an
 * accounts figure), do not add up, which a stack to 100% would misdraw. Three shares of one release that do not
 * add up are a typo (82.78 for 28.78 drew a bar to 154%): compositionProblems stops the build on them.
 */
export function compositionYears(parts: Record<CompositionPartId, PublishedValue[]>): {
  complete: CompositionYear[];
  incomplete: number[];
  unbalanced: CompositionYear[];
} {
  const byYear = COMPOSITION_PARTS.map((p) => new Map(parts[p.id].map((v) => [v.year, v])));
  const years = [...new Set(byYear.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const complete: CompositionYear[] = [];
  const incomplete: number[] = [];
  const unbalanced: CompositionYear[] = [];
  for (const year of years) {
    const values = byYear.map((m) => m.get(year));
    if (values.every((v) => v !== undefined)) {
      const total = Math.round(values.reduce((sum, v) => sum + v!.value, 0) * 100) / 100;
      const y = { year, values: values as PublishedValue[], total };
      (Math.abs(total - 100) > ROUNDING + 1e-9 ? unbalanced : complete).push(y);
    } else incomplete.push(year);
  }
  return { complete, incomplete, unbalanced };
}

/** The years whose three shares come from one release and still do not add to 100, each named at its out-of-pocket value. */
export function compositionProblems(parts: Record<CompositionPartId, PublishedValue[]>): Problem[] {
  return compositionYears(parts)
    .unbalanced.filter((y) => y.values.every((v) => v.source === y.values[0]!.source))
    .map((y) => {
      const last = y.values.at(-1)!;
      const places = y.values.map(
        (v, i) => `${COMPOSITION_PARTS[i]!.id} ${formatNumber(v.value, v.decimals)}（${v.sourceFile} 第${v.sourceLine}行）`,
      );
      return {
        file: last.sourceFile,
        line: last.sourceLine,
        code: 'composition-total',
        severity: 'error',
        message: `${y.year}年卫生总费用的三项构成出自同一来源 ${last.source}，合计 ${y.total}%，应为100%（四舍五入相差不超过 ${ROUNDING}）：${places.join('，')}`,
      };
    });
}

export function compositionText(input: Pick<CompositionInput, 'parts' | 'names' | 'lang' | 'words'>): ChartText {
  const { words } = chartLanguage(input);
  const c = words.composition;
  const { complete, incomplete, unbalanced } = compositionYears(input.parts);
  const describe = (y: CompositionYear) =>
    c.yearParts(
      formatYear(y.year, words),
      COMPOSITION_PARTS.map((p, i) => c.part(input.names[p.id], formatNumber(y.values[i]!.value, y.values[i]!.decimals))),
    );
  const first = complete[0];
  const last = complete.at(-1);
  return {
    title: c.title,
    description:
      first && last
        ? c.description(
            complete.length,
            describe(first),
            describe(last),
            incomplete.map((y) => formatYear(y, words)),
            unbalanced.map((y) => formatYear(y.year, words)),
          )
        : words.indicator.noNationalData,
  };
}

export function compositionChart({ parts, names, width, height = Math.round(width * 0.5), idPrefix, ...language }: CompositionInput): string {
  const { words } = chartLanguage(language);
  const { complete } = compositionYears(parts);
  const rows = complete.flatMap((y) =>
    y.values.map((v, i) => {
      const part = COMPOSITION_PARTS[i]!;
      return { year: y.year, value: v.value, part: part.id, order: i, tip: `${names[part.id]} ${pointTip(v, PERCENT, words)}` };
    }),
  );
  const years = complete.map((y) => y.year);
  const narrow = width < 480;
  return renderPlot(
    {
      width,
      height,
      marginLeft: 40,
      marginRight: narrow ? 8 : 16,
      marginTop: 20,
      x: {
        type: 'band',
        domain: years,
        tickFormat: formatYearTick,
        ticks: years.length ? yearTicks(Math.min(...years), Math.max(...years), narrow ? 5 : 12).filter((y) => years.includes(y)) : [],
        label: null,
        padding: 0.25,
      },
      y: { domain: [0, 100], label: words.chart.unitAxis('%'), labelArrow: 'none', tickFormat: formatTick, grid: true, ticks: 5 },
      color: { domain: COMPOSITION_PARTS.map((p) => p.id), range: COMPOSITION_PARTS.map((p) => p.color) },
      marks: [
        Plot.barY(rows, {
          x: 'year',
          y: 'value',
          fill: 'part',
          order: 'order',
          title: 'tip',
          className: TIP_CLASS,
          stroke: 'white',
          strokeWidth: 0.5,
        }),
        Plot.ruleY([0, 100], { stroke: chartColors.text, strokeWidth: 0.75 }),
      ],
    },
    compositionText({ parts, names, words }),
    idPrefix,
  );
}
