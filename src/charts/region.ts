// Small charts for a region page: the province's line beside the national one (dashed; the one line renderer)
// where it has several years, or, for a single year, every province as a dot with this one marked and the
// national value as a rule (Plot).
import * as Plot from '@observablehq/plot';
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { formatYear } from '../shared/format/number.ts';
import { valueIn } from '../shared/format/in-lang.ts';
import type { Lang } from '../shared/i18n/lang.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { chartColors, renderPlot, TIP_CLASS, type ChartText } from './render.ts';
import { chartLanguage, regionTip } from '../shared/charts/points.ts';
import { valueAxis } from '../shared/charts/axis-lang.ts';
import { lineChart } from '../shared/charts/line-chart.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import { regionNameIn } from '../site-data/region-names.ts';
import { linePoints } from './line.ts';
import { nameIn } from '../shared/i18n/lang.ts';

export interface RegionLineInput {
  indicator: IndicatorSpec;
  /** The province's values, by year (two or more). */
  values: PublishedValue[];
  /** National values, by year. */
  national: PublishedValue[];
  width: number;
  height: number;
  idPrefix: string;
  /** The chart's language (default Chinese); or give the edition's `words`. */
  lang?: Lang;
  words?: Words;
}

export function regionLineText(indicator: IndicatorSpec, values: PublishedValue[], words: Words = zh): ChartText {
  const { lang } = chartLanguage({ words });
  const region = regionNameIn(lang, values[0]!.regionCode, values[0]!.region);
  const [first, last] = [values[0]!, values.at(-1)!];
  return {
    title: words.region.lineTitle(region, nameIn(lang, indicator)),
    description: words.region.lineDescription(
      region,
      formatYear(first.year, words),
      formatYear(last.year, words),
      valueIn(lang, first, indicator),
      valueIn(lang, last, indicator),
    ),
  };
}

export function regionLineChart({ indicator, values, national, width, height, idPrefix, ...language }: RegionLineInput): string {
  const { lang, words } = chartLanguage(language);
  const region = regionNameIn(lang, values[0]!.regionCode, values[0]!.region);
  const axis = valueAxis(lang, indicator, words);
  const [from, to] = [values[0]!.year, values.at(-1)!.year];
  const nationalInRange = national.filter((v) => v.year >= from && v.year <= to);
  return lineChart({
    ...regionLineText(indicator, values, words),
    idPrefix,
    width,
    height,
    yLabel: axis.label,
    tickFormat: axis.tick,
    breaks: indicator.breaks.map((b) => b.year),
    breakLabel: words.chart.breakLabel,
    series: [
      {
        key: values[0]!.regionCode,
        color: chartColors.line,
        role: 'main',
        points: linePoints(values, (v) => regionTip(v, indicator, words, region), axis.scale),
      },
      {
        key: NATIONAL_CODE,
        color: chartColors.national,
        role: 'reference',
        points: linePoints(nationalInRange, (v) => regionTip(v, indicator, words, words.indicator.national), axis.scale),
      },
    ],
  });
}

export interface RegionStripInput {
  indicator: IndicatorSpec;
  /** Every province's value of one year. */
  values: PublishedValue[];
  regionCode: string;
  national?: PublishedValue;
  /** '在31个省份中居第3位（从高到低）' */
  rankText: string;
  width: number;
  idPrefix: string;
  /** The chart's language (default Chinese); or give the edition's `words`. */
  lang?: Lang;
  words?: Words;
}

export function regionStripText({
  indicator,
  values,
  regionCode,
  national,
  rankText,
  ...language
}: Omit<RegionStripInput, 'width' | 'idPrefix'>): ChartText {
  const { lang, words } = chartLanguage(language);
  const own = values.find((v) => v.regionCode === regionCode)!;
  const region = regionNameIn(lang, own.regionCode, own.region);
  // The national value as a plain figure (no bound): the strip marks it as a rule.
  const nationalText = national
    ? words.indicator.nationalValue(valueIn(lang, { value: national.value, decimals: national.decimals }, indicator))
    : words.region.nationalMissing;
  return {
    title: words.region.stripTitle(region, nameIn(lang, indicator), formatYear(own.year, words)),
    description: words.region.stripDescription(region, valueIn(lang, own, indicator), rankText, nationalText),
  };
}

export function regionStripChart(input: RegionStripInput): string {
  const { indicator, values, regionCode, national, width, idPrefix } = input;
  const { lang, words } = chartLanguage(input);
  const axis = valueAxis(lang, indicator, words);
  const rows = values.map((v) => ({
    ...v,
    value: v.value * axis.scale,
    tip: regionTip(v, indicator, words, regionNameIn(lang, v.regionCode, v.region)),
    mine: v.regionCode === regionCode,
  }));
  return renderPlot(
    {
      width,
      height: 96,
      marginLeft: 16,
      marginRight: 16,
      marginTop: 30,
      marginBottom: 34,
      x: {
        label: axis.label,
        labelArrow: 'none',
        labelAnchor: 'right',
        tickFormat: axis.tick,
        ticks: width < 480 ? 4 : 6,
        nice: true,
        grid: true,
      },
      y: { axis: null },
      marks: [
        ...(national
          ? [Plot.ruleX([national.value * axis.scale], { stroke: chartColors.national, strokeWidth: 2, strokeDasharray: '4,2', insetTop: -12 })]
          : []),
        ...(national
          ? [
              Plot.text([national.value * axis.scale], {
                x: (d: number) => d,
                frameAnchor: 'top',
                dy: -18,
                text: () => words.indicator.national,
                fill: chartColors.national,
              }),
            ]
          : []),
        Plot.dotX(
          rows.filter((r) => !r.mine),
          { x: 'value', r: 4, fill: '#9aa0a6', fillOpacity: 0.7, title: 'tip', className: TIP_CLASS },
        ),
        Plot.dotX(
          rows.filter((r) => r.mine),
          { x: 'value', r: 7, fill: chartColors.line, stroke: 'white', strokeWidth: 1.5, title: 'tip', className: TIP_CLASS },
        ),
      ],
    },
    regionStripText({ ...input, lang, words }),
    idPrefix,
  );
}
