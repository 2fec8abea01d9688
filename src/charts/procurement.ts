// Average price cut per national volume-based procurement batch, as horizontal bars drawn at build time.
// Only batches whose announcement states an average cut are drawn; the others are named in the description,
// never estimated. Single-source figures get the light bar, as in the ranking chart.
import * as Plot from '@observablehq/plot';
import { batchesWithPriceCut, type ProcurementBatch } from '../site-data/procurement.ts';
import { formatNumber, formatTick } from '../shared/format/number.ts';
import type { Lang } from '../shared/i18n/lang.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { chartLanguage } from '../shared/charts/points.ts';
import { chartColors, renderPlot, TIP_CLASS, type ChartText } from './render.ts';

export interface ProcurementChartInput {
  batches: ProcurementBatch[];
  width: number;
  idPrefix: string;
  /** The chart's language (default Chinese); or give the edition's `words`. */
  lang?: Lang;
  words?: Words;
}

const batchName = (lang: Lang, b: ProcurementBatch) => (lang === 'en' ? b.name_en : b.name_zh);

/** A stated cut as the publisher wrote it: 52, 50.64 (the decimals given, none added). */
function cutText(cut: number): string {
  return formatNumber(cut, (String(cut).split('.')[1] ?? '').length);
}

export function procurementChartText(batches: ProcurementBatch[], words: Words = zh): ChartText {
  const { lang } = chartLanguage({ words });
  const w = words.procurement;
  const drawn = batchesWithPriceCut(batches).map((b) => `${batchName(lang, b)}${lang === 'en' ? ' ' : ''}${w.percent(cutText(b.price_cut))}`);
  const missing = batches.filter((b) => b.price_cut === null).map((b) => batchName(lang, b));
  return { title: w.chartTitle, description: w.chartDescription(drawn, missing) };
}

export function procurementChart({ batches, width, idPrefix, ...language }: ProcurementChartInput): string {
  const { lang, words } = chartLanguage(language);
  const rows = batchesWithPriceCut(batches).map((b) => ({
    name: batchName(lang, b),
    cut: b.price_cut,
    tentative: b.status !== 'cross-checked',
    label: words.procurement.percent(cutText(b.price_cut)),
    tip: words.procurement.barTip(batchName(lang, b), cutText(b.price_cut), words.statusName(b.status)),
  }));
  const narrow = width < 480;
  const band = 26;
  return renderPlot(
    {
      width,
      height: rows.length * band + 64,
      marginLeft: narrow ? 120 : 150,
      marginRight: 40,
      marginTop: 12,
      marginBottom: 40,
      x: { domain: [0, 100], label: words.chart.unitAxis('%'), tickFormat: formatTick, ticks: narrow ? 4 : 5, grid: true, labelArrow: 'none' },
      y: { domain: rows.map((r) => r.name), label: null, padding: 0.2, tickSize: 0 },
      marks: [
        Plot.barX(rows, {
          x: 'cut',
          y: 'name',
          fill: (r: (typeof rows)[number]) => (r.tentative ? chartColors.tentativeBar : chartColors.line),
          stroke: chartColors.line,
          strokeWidth: 0.75,
          title: 'tip',
          className: TIP_CLASS,
        }),
        Plot.text(rows, {
          x: 'cut',
          y: 'name',
          text: 'label',
          textAnchor: 'start',
          dx: 4,
          fill: chartColors.text,
          stroke: 'white',
          strokeWidth: 3,
          paintOrder: 'stroke',
        }),
        Plot.ruleX([0], { stroke: chartColors.text }),
      ],
    },
    procurementChartText(batches, words),
    idPrefix,
  );
}
