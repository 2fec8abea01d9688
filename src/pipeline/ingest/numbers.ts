// Reading a value cell. A value keeps the decimals it was written with, so publishing never adds or
// removes precision.

export type CellValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'missing-marker'; text: string }
  | { kind: 'invalid'; text: string; reason?: Reason };

type Reason = 'comma' | 'digits' | 'invisible';

// Markers that statistical tables use for "no figure": they are not numbers and not silently empty either.
const MISSING_MARKERS = new Set(['…', '...', '..', '—', '——', '-', '－', '/', 'NA', 'N/A', '#N/A', '无', '空']);

/** A double keeps 15 significant digits exactly; toFixed writes at most 20 decimals. */
const MAX_DIGITS = 15;
const MAX_DECIMALS = 20;

export function readValueCell(raw: string): CellValue {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (MISSING_MARKERS.has(text)) return { kind: 'missing-marker', text };
  // Thousands separators appear in hand-edited copies (1,234.5), but only in well-formed groups: "0,123" and
  // "1,23" are not thousands (a decimal comma, or two values), so they are rejected, never read as 123.
  let plain = text.replace(/^[−－]/, '-');
  if (plain.includes(',')) {
    if (!/^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(plain)) return { kind: 'invalid', text, reason: 'comma' };
    plain = plain.replaceAll(',', '');
  }
  const match = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(plain);
  if (!match || (match[1] === '' && !match[2])) return notANumber(text);
  const value = Number(plain);
  if (!Number.isFinite(value)) return { kind: 'invalid', text };
  const fraction = match[2] ?? '';
  const significant = (match[1]! + fraction).replace(/^0+/, '').length;
  if (significant > MAX_DIGITS) return { kind: 'invalid', text, reason: 'digits' };
  // 1.5e-3 has 4 decimals written out (0.0015): the output writes the number in full, never as 0.0.
  const decimals = Math.max(0, fraction.length - Number(match[3] ?? 0));
  if (decimals > MAX_DECIMALS) return { kind: 'invalid', text, reason: 'digits' };
  // Written out in full, an exponent can make more digits than a double holds (1.23456789012345e20 would be
  // written 123456789012344995840, 1e21 as 1e+21): the integer part, too, keeps at most 15 digits.
  if (Math.abs(value) >= 10 ** MAX_DIGITS) return { kind: 'invalid', text, reason: 'digits' };
  return { kind: 'number', value: value === 0 ? 0 : value, decimals };
}

/** Zero-width characters (spaces, joiners, word joiner, U+FEFF): copied from web pages with a figure. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
const ZERO_WIDTH_ENDS = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;

/**
 * One rule for invisible characters around a number: at its ends they are cleaned like spaces and NBSP (trim
 * already took U+FEFF there, not U+200B: \ufeff6.09 was read and 6.09\u200b rejected); inside it (6.0\u200b9)
 * the cell is rejected, saying why. Only cells that are not numbers get here: no cost to the others.
 */
function notANumber(text: string): CellValue {
  if (!ZERO_WIDTH.test(text)) return { kind: 'invalid', text };
  const cleaned = text.replace(ZERO_WIDTH_ENDS, '');
  if (ZERO_WIDTH.test(cleaned)) return { kind: 'invalid', text, reason: 'invisible' };
  const cell = readValueCell(cleaned); // '' is empty, as a cell of U+FEFF or NBSP alone is
  return cell.kind === 'invalid' ? { ...cell, text } : cell;
}

/** Why a cell is not a number, for the report. */
export function invalidReason(cell: { text: string; reason?: Reason }): string {
  if (cell.reason === 'invisible') return `数值「${cell.text}」中间有不可见字符（零宽空格、U+FEFF 等），看上去的数与所写的不同；未写出`;
  if (cell.reason === 'comma') return `应为数值，实际为「${cell.text}」：逗号不是千位分隔（如 1,234），也可能是小数逗号；未写出`;
  if (cell.reason === 'digits')
    return `数值「${cell.text}」超过 ${MAX_DIGITS} 位有效数字、写出后超过 ${MAX_DIGITS} 位整数或 ${MAX_DECIMALS} 位小数，无法原样保留；未写出`;
  return `应为数值，实际为「${cell.text}」`;
}
