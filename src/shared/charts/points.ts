// What the charts share about published values: which statuses count as firm, tooltip text, the chart unit.
import type { Status } from '../../catalog/schema.ts';
import type { PublishedValue } from '../../pipeline/publication.ts';
import { formatPublishedValue, formatYear } from '../format/number.ts';
import { zh, type Words } from '../i18n/zh.ts';

/** Values shown hollow/light: the reader should know only one source or an early release stands behind them. */
export const TENTATIVE_STATUSES: readonly Status[] = ['preliminary', 'single-source'];

export function isTentative(value: PublishedValue): boolean {
  // A bound or an approximate level ("95%以上") is drawn hollow too: the point is not the figure itself.
  return TENTATIVE_STATUSES.includes(value.status) || value.comparator !== undefined;
}

/** '2024年：6.77‰（已交叉核对）' */
export function pointTip(value: PublishedValue, unit: string, words: Words = zh): string {
  return words.chart.pointTip(formatYear(value.year, words), formatPublishedValue(value, unit), words.statusName(value.status));
}

/** '北京 2024年：6.09‰（单一来源）' */
export function regionTip(value: PublishedValue, unit: string, words: Words = zh): string {
  return words.chart.regionTip(
    shortRegionName(value.region),
    formatYear(value.year, words),
    formatPublishedValue(value, unit),
    words.statusName(value.status),
  );
}

/** 内蒙古自治区 -> 内蒙古, 广西壮族自治区 -> 广西, 北京市 -> 北京: the short names charts have room for. */
export function shortRegionName(name: string): string {
  return name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/, '') || name;
}
