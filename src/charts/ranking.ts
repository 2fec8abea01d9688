// The provincial view: the 31 provinces of the latest year with provincial data as a ranked horizontal bar
// chart, the national value of the same year marked by a rule. Tentative values are drawn light.
import * as Plot from '@observablehq/plot';
import * as d3 from 'd3';
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { formatTick, formatYear, formatNumber, unitSuffix, formatPublishedValue } from '../shared/format/number.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { chartColors, renderPlot, TIP_CLASS, type ChartText } from './render.ts';
import { isTentative, regionTip, shortRegionName } from '../shared/charts/points.ts';

export interface RankingChartInput {
  indicator: IndicatorSpec;
  /** Provincial values of one year, highest first. */
  values: PublishedValue[];
  /** The national value of the same year, when published. */
  national?: PublishedValue;
  width: number;
  idPrefix: string;
  words?: Words;
}

export function rankingChartText(
  indicator: IndicatorSpec,
  values: PublishedValue[],
  national: PublishedValue | undefined,
  words: Words = zh,
): ChartText {
  const c = words.chart;
  const unit = indicator.unit;
  const year = formatYear(values[0]?.year ?? 0, words);
  const named = (v: PublishedValue | undefined) => (v ? c.regionValue(shortRegionName(v.region), formatPublishedValue(v, unit)) : '');
  const nationalText = national ? words.indicator.nationalValue(formatPublishedValue(national, unit)) : '';
  return {
    title: c.rankingTitle(indicator.name_zh, year),
    description: c.rankingDescription(values.length, named(values[0]), named(values.at(-1)), nationalText),
  };
}

export function provincialRankingChart({ indicator, values, national, width, idPrefix, words = zh }: RankingChartInput): string {
  const unit = indicator.unit;
  const rows = values.map((v) => ({
    ...v,
    name: shortRegionName(v.region),
    tip: regionTip(v, unit, words),
    label: formatNumber(v.value, v.decimals),
  }));
  const narrow = width < 480;
  const extent = d3.extent([0, ...values.map((v) => v.value), ...(national ? [national.value] : [])]) as [number, number];
  // Room for the value labels beyond the bar ends.
  const pad = (extent[1] - extent[0]) * (narrow ? 0.16 : 0.1);
  const domain: [number, number] = [extent[0] < 0 ? extent[0] - pad : 0, extent[1] + pad];
  const band = narrow ? 18 : 20;
  // The national label sits beside its rule, on the side with more room.
  const labelLeft = national !== undefined && national.value > (domain[0] + domain[1]) / 2;
  const nationalLabel = national ? words.indicator.nationalValue(formatNumber(national.value, national.decimals) + unitSuffix(unit)) : '';
  return renderPlot(
    {
      width,
      height: rows.length * band + 78,
      marginLeft: 52,
      marginRight: 12,
      marginTop: 34,
      marginBottom: 44,
      x: {
        domain,
        label: words.chart.unitAxis(unit),
        tickFormat: formatTick,
        ticks: narrow ? 4 : 6,
        grid: true,
        labelAnchor: 'right',
        labelArrow: 'none',
        labelOffset: 36,
      },
      y: { domain: rows.map((r) => r.name), label: null, padding: 0.2, tickSize: 0 },
      marks: [
        ...(national
          ? [
              Plot.ruleX([national.value], { stroke: chartColors.national, strokeWidth: 2, strokeDasharray: '6,3', insetTop: -10 }),
              Plot.text([national.value], {
                x: (d: number) => d,
                frameAnchor: 'top',
                dy: -16,
                dx: labelLeft ? -5 : 5,
                textAnchor: labelLeft ? 'end' : 'start',
                text: () => nationalLabel,
                fill: chartColors.national,
                fontWeight: 'bold',
              }),
            ]
          : []),
        Plot.barX(rows, {
          x: 'value',
          y: 'name',
          fill: (r: PublishedValue) => (isTentative(r) ? chartColors.tentativeBar : chartColors.line),
          stroke: chartColors.line,
          strokeWidth: 0.75,
          title: 'tip',
          className: TIP_CLASS,
        }),
        Plot.text(
          rows.filter((r) => r.value >= 0),
          {
            x: 'value',
            y: 'name',
            text: 'label',
            textAnchor: 'start',
            dx: 4,
            fill: chartColors.text,
            stroke: 'white',
            strokeWidth: 3,
            paintOrder: 'stroke',
          },
        ),
        Plot.text(
          rows.filter((r) => r.value < 0),
          {
            x: 'value',
            y: 'name',
            text: 'label',
            textAnchor: 'end',
            dx: -4,
            fill: chartColors.text,
            stroke: 'white',
            strokeWidth: 3,
            paintOrder: 'stroke',
          },
        ),
        Plot.ruleX([0], { stroke: chartColors.text }),
      ],
    },
    rankingChartText(indicator, values, national, words),
    idPrefix,
  );
}
