// The provincial view: the 31 provinces of the latest year with provincial data as a ranked horizontal bar
// chart, the national value of the same year marked by a rule. Tentative values are drawn light.
import * as Plot from '@observablehq/plot';
import * as d3 from 'd3';
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedValue } from '../pipeline/publication.ts';
import { formatYear, formatNumber } from '../shared/format/number.ts';
import { numberInUnitEn } from '../shared/format/english.ts';
import { valueIn } from '../shared/format/in-lang.ts';
import type { Lang } from '../shared/i18n/lang.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { chartColors, renderPlot, TIP_CLASS, type ChartText } from './render.ts';
import { chartLanguage, isTentative, regionTip } from '../shared/charts/points.ts';
import { valueAxis } from '../shared/charts/axis-lang.ts';
import { regionNameIn } from '../site-data/region-names.ts';
import { nameIn } from '../shared/i18n/lang.ts';

export interface RankingChartInput {
  indicator: IndicatorSpec;
  /** Provincial values of one year, highest first. */
  values: PublishedValue[];
  /** The national value of the same year, when published. */
  national?: PublishedValue;
  width: number;
  idPrefix: string;
  /** The chart's language (default Chinese); or give the edition's `words`. */
  lang?: Lang;
  words?: Words;
}

/** A bar's label: the number alone, in the axis's unit (English restates 万/亿 counts exactly). */
const barLabel = (lang: Lang, v: PublishedValue, unit: string) =>
  lang === 'zh' ? formatNumber(v.value, v.decimals) : numberInUnitEn(v.value, v.decimals, unit);

export function rankingChartText(
  indicator: IndicatorSpec,
  values: PublishedValue[],
  national: PublishedValue | undefined,
  words: Words = zh,
): ChartText {
  const { lang } = chartLanguage({ words });
  const c = words.chart;
  const year = formatYear(values[0]?.year ?? 0, words);
  const named = (v: PublishedValue | undefined) => (v ? c.regionValue(regionNameIn(lang, v.regionCode, v.region), valueIn(lang, v, indicator)) : '');
  const nationalText = national ? words.indicator.nationalValue(valueIn(lang, national, indicator)) : '';
  return {
    title: c.rankingTitle(nameIn(lang, indicator), year),
    description: c.rankingDescription(values.length, named(values[0]), named(values.at(-1)), nationalText),
  };
}

export function provincialRankingChart({ indicator, values, national, width, idPrefix, ...language }: RankingChartInput): string {
  const { lang, words } = chartLanguage(language);
  const axis = valueAxis(lang, indicator, words);
  const rows = values.map((v) => {
    const name = regionNameIn(lang, v.regionCode, v.region);
    return { ...v, value: v.value * axis.scale, name, tip: regionTip(v, indicator, words, name), label: barLabel(lang, v, indicator.unit) };
  });
  const nationalAt = national ? national.value * axis.scale : undefined;
  const narrow = width < 480;
  const extent = d3.extent([0, ...rows.map((r) => r.value), ...(nationalAt !== undefined ? [nationalAt] : [])]) as [number, number];
  // Room for the value labels beyond the bar ends.
  const pad = (extent[1] - extent[0]) * (narrow ? 0.16 : 0.1);
  const domain: [number, number] = [extent[0] < 0 ? extent[0] - pad : 0, extent[1] + pad];
  const band = narrow ? 18 : 20;
  // The national label sits beside its rule, on the side with more room.
  const labelLeft = nationalAt !== undefined && nationalAt > (domain[0] + domain[1]) / 2;
  const nationalLabel = national
    ? words.indicator.nationalValue(valueIn(lang, { value: national.value, decimals: national.decimals }, indicator))
    : '';
  return renderPlot(
    {
      width,
      height: rows.length * band + 78,
      // English province names are longer than two or three characters (Inner Mongolia, Heilongjiang).
      marginLeft: lang === 'en' ? 96 : 52,
      marginRight: 12,
      marginTop: 34,
      marginBottom: 44,
      x: {
        domain,
        label: axis.label,
        tickFormat: axis.tick,
        ticks: narrow ? 4 : 6,
        grid: true,
        labelAnchor: 'right',
        labelArrow: 'none',
        labelOffset: 36,
      },
      y: { domain: rows.map((r) => r.name), label: null, padding: 0.2, tickSize: 0 },
      marks: [
        ...(nationalAt !== undefined
          ? [
              Plot.ruleX([nationalAt], { stroke: chartColors.national, strokeWidth: 2, strokeDasharray: '6,3', insetTop: -10 }),
              Plot.text([nationalAt], {
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
