// A published value and its change in the page's edition: Chinese as Chinese releases write them (number.ts,
// change.ts), English through english.ts (万/亿 restated exactly, thousands separators, English units). Pages and
// components call these with the page's language instead of choosing a formatter themselves.
import type { Comparator } from '../../catalog/schema.ts';
import type { Lang } from '../i18n/lang.ts';
import { en } from '../i18n/en.ts';
import { zh } from '../i18n/zh.ts';
import { comparisonBase, crossesBreak, describeChange, difference, type ComparableValue } from './change.ts';
import { formatNumberEn, formatValueEn, numberInUnitEn, unitLabelEn } from './english.ts';
import { formatPublishedNumber, formatPublishedValue } from './number.ts';

/** The two units an indicator is written in. */
export interface Units {
  unit: string;
  unit_en: string;
}

/** "6.77‰" or "6.77 per 1,000 population"; a bound in words ("95% or more"). */
export function valueIn(lang: Lang, v: { value: number; decimals: number; comparator?: Comparator }, units: Units): string {
  if (lang === 'zh') return formatPublishedValue(v, units.unit);
  const text = formatValueEn(v.value, v.decimals, units.unit, units.unit_en);
  return v.comparator ? en.comparator[v.comparator](text) : text;
}

/** A table cell's number: 136131 as published in Chinese, 1,361.31 in English (under tableUnitIn's unit); bounds in words. */
export function numberIn(lang: Lang, v: { value: number; decimals: number; comparator?: Comparator }, units: Units): string {
  if (lang === 'zh') return formatPublishedNumber(v);
  const text = numberInUnitEn(v.value, v.decimals, units.unit);
  return v.comparator ? en.comparator[v.comparator](text) : text;
}

/** The unit a table's caption names for numberIn's cells: 万人, or "million people" (restated) in English. */
export function tableUnitIn(lang: Lang, units: Units): string {
  return lang === 'zh' ? units.unit : unitLabelEn(units.unit, units.unit_en);
}

/** 2024年 or 2024. */
export function yearIn(lang: Lang, year: number): string {
  return (lang === 'en' ? en : zh).year(year);
}

const RATE_UNIT = /^(‰|%|1\/.+)$/;
const NO_PERCENT_UNITS = new Set(['岁']);

/**
 * The change from the previous value in English: "down 0.38 points per 1,000 on the previous year", "up 3.2
 * percentage points since 2020", "up 32.03 billion yuan on the previous year (+0.4%)"; amounts restated as the
 * values are.
 */
export function changeEn(current: ComparableValue, previous: ComparableValue, units: Units): string {
  const w = en.change;
  const base = comparisonBase(current, previous, en);
  const diff = difference(current, previous);
  if (diff.value === 0) return w.phrase(base, w.flat);
  const up = diff.value > 0;
  const pointUnit = w.pointUnits[units.unit];
  if (pointUnit !== undefined) return w.phrase(base, `${up ? w.up : w.down}${formatNumberEn(Math.abs(diff.value), diff.decimals)}${pointUnit}`);
  const magnitude = formatValueEn(Math.abs(diff.value), diff.decimals, units.unit, units.unit_en);
  const phrase = w.phrase(base, `${up ? w.up : w.down}${magnitude}`);
  if (RATE_UNIT.test(units.unit) || NO_PERCENT_UNITS.has(units.unit) || previous.value <= 0) return phrase;
  const pct = ((current.value - previous.value) / previous.value) * 100;
  const pctText = formatNumberEn(Math.abs(pct), 1);
  if (Number(pctText) === 0) return phrase;
  return w.withPercent(phrase, pct > 0 ? w.percentUp(pctText) : w.percentDown(pctText));
}

/** The change phrase in the edition's language, or the break warning when a series break lies between them. */
export function changeIn(lang: Lang, current: ComparableValue, previous: ComparableValue, units: Units, breakYears: number[]): string {
  if (lang === 'zh') return describeChange(current, previous, units.unit, breakYears);
  return crossesBreak(current, previous, breakYears) ? en.change.acrossBreak(previous.year) : changeEn(current, previous, units);
}
