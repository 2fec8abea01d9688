// A chart's value axis in the edition's language: Chinese axes are in the published unit (单位：万人) with plain
// ticks; English axes restate 万 and 亿 counts as the English values do (english.ts: 136131万人 is 1,361.31 million
// people), so the ticks are recomputed on values scaled by the same power of ten, and carry thousands separators.
// Only positions are scaled: every value a reader sees as text comes from valueIn, digits as published.
import { restatementFactor, unitLabelEn } from '../format/english.ts';
import { formatTick, formatTickEn } from '../format/tick.ts';
import type { Units } from '../format/in-lang.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Words } from '../i18n/zh.ts';

export interface ValueAxis {
  /** '单位：万人', 'Unit: million people'. */
  label: string;
  /** The factor values are drawn at (1, or 10^-2 for 万人 in millions). */
  scale: number;
  tick: (value: number) => string;
}

export function valueAxis(lang: Lang, units: Units, words: Words): ValueAxis {
  if (lang === 'zh') return { label: words.chart.unitAxis(units.unit), scale: 1, tick: formatTick };
  return { label: words.chart.unitAxis(unitLabelEn(units.unit, units.unit_en)), scale: restatementFactor(units.unit), tick: formatTickEn };
}
