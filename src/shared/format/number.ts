// Numbers as Chinese statistical publications write them: no thousands separators, the value's own decimals,
// the unit attached without a space, a true minus sign (U+2212, as in the chart axes), years as 2024年.
import type { Comparator } from '../../catalog/schema.ts';
import { zh, type Words } from '../i18n/zh.ts';
import { MINUS } from './tick.ts';

export { MINUS, formatTick } from './tick.ts';

/** 90575.8 with 1 decimal -> "90575.8"; -0.99 with 2 -> "−0.99". Never adds or drops digits beyond `decimals`. */
export function formatNumber(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  const isZero = Number(text) === 0;
  return value < 0 && !isZero ? MINUS + text : text;
}

/** A unit as it follows a number: "1/10万" is written "/10万" after the number (14.3/10万). */
export function unitSuffix(unit: string): string {
  return unit.startsWith('1/') ? unit.slice(1) : unit;
}

/** 6.77‰, 14.3/10万, 140828万人, 79.0岁. */
export function formatValue(value: number, decimals: number, unit: string): string {
  return formatNumber(value, decimals) + unitSuffix(unit);
}

/** A published value with its bound, when the publisher gives one: '>=' 95 -> "95%以上", '~' -> "约95%"; else the value. */
export function formatPublishedValue(v: { value: number; decimals: number; comparator?: Comparator }, unit: string, words: Words = zh): string {
  const text = formatValue(v.value, v.decimals, unit);
  return v.comparator ? words.comparator[v.comparator](text) : text;
}

/** The number alone (a table's value column), with the bound in words: "95以上". */
export function formatPublishedNumber(v: { value: number; decimals: number; comparator?: Comparator }, words: Words = zh): string {
  const text = formatNumber(v.value, v.decimals);
  return v.comparator ? words.comparator[v.comparator](text) : text;
}

/** 2024 -> "2024年". */
export function formatYear(year: number, words: Words = zh): string {
  return words.year(year);
}

/** Integer years on a time axis: 2010, never "2,010". */
export function formatYearTick(year: number): string {
  return Number.isInteger(year) ? String(year) : '';
}

/** "2025-01-17" -> "2025年1月17日", "2024-08" -> "2024年8月" (source dates, as ISO in the catalog). */
export function formatDate(isoDate: string, words: Words = zh): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return words.date(year ?? 0, month, day);
}
