// The change from the previous published value, phrased as Chinese statistical releases phrase it:
// "比上年下降0.38个千分点" for ‰ and %, "比上年增加320.3亿元，增长0.4%" for amounts, "比2020年…" across gaps.
import { zh, type Words } from '../i18n/zh.ts';
import { formatNumber, unitSuffix } from './number.ts';

export interface ComparableValue {
  year: number;
  value: number;
  decimals: number;
}

/** Units whose values are rates or ratios: they rise and fall; a percent change of them says little. */
const RATE_UNIT = /^(‰|%|1\/.+)$/;
/** Units whose percent change is not meaningful (a life expectancy does not "grow 0.5%"). */
const NO_PERCENT_UNITS = new Set(['岁']);

/** Difference rounded to the finer of the two values' decimals, so 6.77 − 6.39 is 0.38, not 0.37999999999999945. */
export function difference(current: ComparableValue, previous: ComparableValue): { value: number; decimals: number } {
  const decimals = Math.max(current.decimals, previous.decimals);
  const scale = 10 ** decimals;
  const value = Math.round(current.value * scale - previous.value * scale) / scale;
  return { value, decimals };
}

/** "比上年" when the previous value is the year before, otherwise "比2020年". */
export function comparisonBase(current: ComparableValue, previous: ComparableValue, words: Words = zh): string {
  return previous.year === current.year - 1 ? words.change.previousYear : words.change.sinceYear(previous.year);
}

export function formatChange(current: ComparableValue, previous: ComparableValue, unit: string, words: Words = zh): string {
  const w = words.change;
  const base = comparisonBase(current, previous, words);
  const diff = difference(current, previous);
  if (diff.value === 0) return w.phrase(base, w.flat);
  const magnitude = formatNumber(Math.abs(diff.value), diff.decimals);
  const pointUnit = w.pointUnits[unit];
  if (pointUnit !== undefined) return w.phrase(base, `${diff.value > 0 ? w.up : w.down}${magnitude}${pointUnit}`);
  if (RATE_UNIT.test(unit)) return w.phrase(base, `${diff.value > 0 ? w.up : w.down}${magnitude}${unitSuffix(unit)}`);
  const phrase = w.phrase(base, `${diff.value > 0 ? w.increase : w.decrease}${magnitude}${unitSuffix(unit)}`);
  if (NO_PERCENT_UNITS.has(unit) || previous.value <= 0) return phrase;
  const pct = ((current.value - previous.value) / previous.value) * 100;
  const pctText = formatNumber(Math.abs(pct), 1);
  if (Number(pctText) === 0) return phrase;
  return w.withPercent(phrase, pct > 0 ? w.percentUp(pctText) : w.percentDown(pctText));
}

/** True when a series break falls after `previous` and at or before `current`: the two are not comparable. */
export function crossesBreak(current: ComparableValue, previous: ComparableValue, breakYears: number[]): boolean {
  return breakYears.some((year) => previous.year < year && year <= current.year);
}

/** The change phrase for a latest/previous pair, or a warning when a series break lies between them. */
export function describeChange(current: ComparableValue, previous: ComparableValue, unit: string, breakYears: number[], words: Words = zh): string {
  return crossesBreak(current, previous, breakYears) ? words.change.acrossBreak(previous.year) : formatChange(current, previous, unit, words);
}
