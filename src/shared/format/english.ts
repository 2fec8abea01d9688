// Numbers as good English statistics sites write them, for the English edition: thousands separators, the value's
// own decimals, and counts in 万 or 亿 restated in millions or billions. The restatement moves the decimal point in
// the published digits instead of multiplying a float, so nothing is rounded past the source's precision:
// 136131万人 is 1,361.31 million, 90575.8亿元 is 9,057.58 billion yuan, 8.0209亿人 is 802.09 million.
import { groupThousands, MINUS } from './tick.ts';

// Kept beside the ticks (tick.ts imports nothing, so the embed's redraw can load it alone); used here too.
export { groupThousands };

/** How a Chinese count unit is restated: the number of decimal places to move left, and the English unit. */
interface Restatement {
  shift: number;
  unit: string;
}

/**
 * 万 = 10^4 and 亿 = 10^8. A million is 10^6 (万 shifted two places), a billion 10^9 (亿 shifted one place). 亿人
 * reads better in millions (a population of 8.0209亿 is "802.09 million"), so it shifts up two places instead.
 */
const RESTATED: Record<string, Restatement> = {
  万人: { shift: 2, unit: 'million people' },
  亿人: { shift: -2, unit: 'million people' },
  亿人次: { shift: 1, unit: 'billion visits' },
  亿元: { shift: 1, unit: 'billion yuan' },
  万元: { shift: 2, unit: 'million yuan' },
};

/**
 * Moves the decimal point of a plain decimal text: shift > 0 divides by 10^shift, shift < 0 multiplies. The digits
 * are kept as published, trailing zeros included ("5.30" shifted 2 is "0.0530"), and nothing is rounded.
 */
export function shiftDecimal(text: string, shift: number): string {
  const negative = text.startsWith('-') || text.startsWith(MINUS);
  const body = negative ? text.slice(1) : text;
  const [whole = '0', fraction = ''] = body.split('.');
  const digits = whole + fraction;
  let point = whole.length - shift;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    padded = digits + '0'.repeat(point - digits.length);
  }
  const intPart = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const fracPart = padded.slice(point);
  const result = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && /[1-9]/.test(result) ? MINUS + result : result;
}

/** The number in English: published decimals, a true minus sign, thousands separators. */
export function formatNumberEn(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  const negative = value < 0 && Number(text) !== 0;
  return groupThousands((negative ? MINUS : '') + text);
}

/**
 * A value with its English unit: "6.77 per 1,000 population", "99.9%", "1,361.31 million people", "78.6 years".
 * `unitEn` is the catalog's English unit; a 万 or 亿 count is restated and takes the restated unit instead.
 */
export function formatValueEn(value: number, decimals: number, unit: string, unitEn: string): string {
  const restated = RESTATED[unit];
  if (restated) {
    const text = shiftDecimal(Math.abs(value).toFixed(decimals), restated.shift);
    const negative = value < 0 && /[1-9]/.test(text);
    return `${groupThousands((negative ? MINUS : '') + text)} ${restated.unit}`;
  }
  const number = formatNumberEn(value, decimals);
  if (unit === '%') return `${number}%`;
  return unitEn ? `${number} ${number === '1' ? (SINGULAR[unitEn] ?? unitEn) : unitEn}` : number;
}

/** Count units read as plural nouns: exactly one takes the singular (1 year, 1 day), as English is written. */
const SINGULAR: Record<string, string> = { years: 'year', days: 'day', beds: 'bed', drugs: 'drug', persons: 'person' };

/** The number alone in the unit unitLabelEn names (a bar's label beside an axis that names the unit once). */
export function numberInUnitEn(value: number, decimals: number, unit: string): string {
  const restated = RESTATED[unit];
  if (!restated) return formatNumberEn(value, decimals);
  const text = shiftDecimal(Math.abs(value).toFixed(decimals), restated.shift);
  return groupThousands((value < 0 && /[1-9]/.test(text) ? MINUS : '') + text);
}

/** The English unit a chart's axis and a table's header use: the restated one for 万/亿 counts. */
export function unitLabelEn(unit: string, unitEn: string): string {
  return RESTATED[unit]?.unit ?? (unit === '%' ? '%' : unitEn);
}

/** The factor a 万/亿 value is multiplied by on English axes (values, not text: ticks are recomputed). */
export function restatementFactor(unit: string): number {
  const shift = RESTATED[unit]?.shift ?? 0;
  return 10 ** -shift;
}
