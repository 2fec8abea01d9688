// Small charts for a region page: the province's line beside the national one (dashed; the one line renderer)
// where it has several years, or, for a single year, every province as a dot with this one marked and the
// national value as a rule (Plot).
import * as Plot from '@observablehq/plot';
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { formatTick, formatValue, formatYear, formatPublishedValue } from '../shared/format/number.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { chartColors, renderPlot, TIP_CLASS, type ChartText } from './render.ts';
import { regionTip, shortRegionName } from '../shared/charts/points.ts';
import { lineChart } from '../shared/charts/line-chart.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import { linePoints } from './line.ts';

export interface RegionLineInput {
  indicator: IndicatorSpec;
  /** The province's values, by year (two or more). */
  values: PublishedValue[];
  /** National values, by year. */
  national: PublishedValue[];
  width: number;
  height: number;
  idPrefix: string;
  words?: Words;
}

export function regionLineText(indicator: IndicatorSpec, values: PublishedValue[], words: Words = zh): ChartText {
  const region = shortRegionName(values[0]!.region);
  const [first, last] = [values[0]!, values.at(-1)!];
  return {
    title: words.region.lineTitle(region, indicator.name_zh),
    description: words.region.lineDescription(
      region,
      formatYear(first.year, words),
      formatYear(last.year, words),
      formatPublishedValue(first, indicator.unit),
      formatPublishedValue(last, indicator.unit),
    ),
  };
}

export function regionLineChart({ indicator, values, national, width, height, idPrefix, words = zh }: RegionLineInput): string {
  const unit = indicator.unit;
  const region = shortRegionName(values[0]!.region);
  const [from, to] = [values[0]!.year, values.at(-1)!.year];
  const nationalInRange = national.filter((v) => v.year >= from && v.year <= to);
  return lineChart({
    ...regionLineText(indicator, values, words),
    idPrefix,
    width,
    height,
    yLabel: words.chart.unitAxis(unit),
    breaks: indicator.breaks.map((b) => b.year),
    breakLabel: words.chart.breakLabel,
    series: [
      {
        key: values[0]!.regionCode,
        color: chartColors.line,
        role: 'main',
        points: linePoints(values, (v) => regionTip({ ...v, region }, unit, words)),
      },
      {
        key: NATIONAL_CODE,
        color: chartColors.national,
        role: 'reference',
        points: linePoints(nationalInRange, (v) => regionTip({ ...v, region: words.indicator.national }, unit, words)),
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
  words?: Words;
}

export function regionStripText({
  indicator,
  values,
  regionCode,
  national,
  rankText,
  words = zh,
}: Omit<RegionStripInput, 'width' | 'idPrefix'>): ChartText {
  const unit = indicator.unit;
  const own = values.find((v) => v.regionCode === regionCode)!;
  const region = shortRegionName(own.region);
  const nationalText = national ? words.indicator.nationalValue(formatValue(national.value, national.decimals, unit)) : words.region.nationalMissing;
  return {
    title: words.region.stripTitle(region, indicator.name_zh, formatYear(own.year, words)),
    description: words.region.stripDescription(region, formatPublishedValue(own, unit), rankText, nationalText),
  };
}

export function regionStripChart(input: RegionStripInput): string {
  const { indicator, values, regionCode, national, width, idPrefix, words = zh } = input;
  const unit = indicator.unit;
  const rows = values.map((v) => ({ ...v, tip: regionTip(v, unit, words), mine: v.regionCode === regionCode }));
  return renderPlot(
    {
      width,
      height: 96,
      marginLeft: 16,
      marginRight: 16,
      marginTop: 30,
      marginBottom: 34,
      x: {
        label: words.chart.unitAxis(unit),
        labelArrow: 'none',
        labelAnchor: 'right',
        tickFormat: formatTick,
        ticks: width < 480 ? 4 : 6,
        nice: true,
        grid: true,
      },
      y: { axis: null },
      marks: [
        ...(national ? [Plot.ruleX([national.value], { stroke: chartColors.national, strokeWidth: 2, strokeDasharray: '4,2', insetTop: -12 })] : []),
        ...(national
          ? [
              Plot.text([national.value], {
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
    regionStripText(input),
    idPrefix,
  );
}
