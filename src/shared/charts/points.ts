// What the charts share about published values: which statuses count as firm, tooltip text, the chart unit.
import type { Status } from '../../catalog/schema.ts';
import type { PublishedValue } from '../../pipeline/publication.ts';
import { formatPublishedValue, formatYear } from '../format/number.ts';
import { valueIn, type Units } from '../format/in-lang.ts';
import { wordsFor, type Lang } from '../i18n/lang.ts';
import { zh, type Words } from '../i18n/zh.ts';

/** Values shown hollow/light: the reader should know only one source or an early release stands behind them. */
export const TENTATIVE_STATUSES: readonly Status[] = ['preliminary', 'single-source'];

export function isTentative(value: PublishedValue): boolean {
  // A bound or an approximate level ("95%以上") is drawn hollow too: the point is not the figure itself.
  return TENTATIVE_STATUSES.includes(value.status) || value.comparator !== undefined;
}

/**
 * The language a chart speaks and its words. Renderers take `lang` (the default is Chinese, so existing callers
 * draw what they drew) or the edition's `words`, which name their language; either gives the other.
 */
export function chartLanguage(input: { lang?: Lang | undefined; words?: Words | undefined }): { lang: Lang; words: Words } {
  const lang: Lang = input.lang ?? (input.words?.lang === 'en' ? 'en' : 'zh');
  return { lang, words: input.words ?? wordsFor(lang) };
}

/**
 * A value with its unit in the words' language (valueIn). `units` may be the Chinese unit alone for callers that
 * have no English one (the browser's provincial map): then the value is written as Chinese releases write it.
 */
export function valueInWords(
  value: { value: number; decimals: number; comparator?: PublishedValue['comparator'] },
  units: Units | string,
  words: Words,
): string {
  if (typeof units === 'string') return formatPublishedValue(value, units, words);
  return valueIn(chartLanguage({ words }).lang, value, units);
}

/** '2024年：6.77‰（已交叉核对）', '2024: 6.77 per 1,000 population (Cross-checked)' */
export function pointTip(value: PublishedValue, units: Units | string, words: Words = zh): string {
  return words.chart.pointTip(formatYear(value.year, words), valueInWords(value, units, words), words.statusName(value.status));
}

/** '北京 2024年：6.09‰（单一来源）'; `name` is the region's name in the words' language (default: its Chinese short name). */
export function regionTip(value: PublishedValue, units: Units | string, words: Words = zh, name: string = shortRegionName(value.region)): string {
  return words.chart.regionTip(name, formatYear(value.year, words), valueInWords(value, units, words), words.statusName(value.status));
}

/** 内蒙古自治区 -> 内蒙古, 广西壮族自治区 -> 广西, 北京市 -> 北京: the short names charts have room for. */
export function shortRegionName(name: string): string {
  return name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/, '') || name;
}
