// A wide table has two axes (its rows and its columns); each is years, regions or indicators.
// Which is which decides the layout: time series (years as columns), transposed (years as rows) or
// cross-section (one year, indicators or regions across).
import { parseLabel, parsePeriodLabel, parseYearLabel, type Label } from './labels.ts';
import { findRegion, type Region } from '../regions.ts';
import { findCity } from './cities.ts';

export type AxisKind = 'year' | 'region' | 'indicator';

/** Header words NBS puts in the table's corner cell, naming what the rows are. */
const CORNER_HINTS: Record<string, AxisKind> = { 指标: 'indicator', 地区: 'region', 时间: 'year', 年份: 'year', 年度: 'year' };

export function cornerHint(corner: string): AxisKind | undefined {
  return CORNER_HINTS[corner.replace(/\s+/g, '')];
}

/** Most labels decide: a stray total row or a typo does not change what an axis is. */
export function classifyAxis(labels: string[]): AxisKind {
  const present = labels.filter((l) => l !== '');
  if (present.length === 0) return 'indicator';
  // Quarters and months are periods on the year axis (each also names its year).
  const years = present.filter((l) => parseYearLabel(l) !== undefined || parsePeriodLabel(l) !== undefined).length;
  if (years * 2 >= present.length) return 'year';
  const regions = present.filter((l) => findPlace(l) !== undefined).length;
  if (regions * 2 >= present.length) return 'region';
  return 'indicator';
}

export type AxisLabel =
  | { kind: 'year'; year: number; period?: string }
  | { kind: 'region'; region: Region }
  | { kind: 'indicator'; label: Label }
  | { kind: 'invalid'; code: string; message: string };

export function readAxisLabel(kind: AxisKind, text: string): AxisLabel {
  if (kind === 'year') {
    const year = parseYearLabel(text);
    if (year !== undefined) return { kind: 'year', year };
    const period = parsePeriodLabel(text);
    if (period) return { kind: 'year', year: period.year, period: period.period };
    return { kind: 'invalid', code: 'bad-year', message: `应为年份（如 2024年）或季度、月份（如 2024年第一季度、2024年1-2月），实际为「${text}」` };
  }
  if (kind === 'region') {
    const region = findPlace(text);
    return region === undefined
      ? {
          kind: 'invalid',
          code: 'unknown-region',
          message: `未知地区「${text}」：应为省级行政区或地级市的全称或简称（如 北京市、内蒙古、石家庄）或 全国`,
        }
      : { kind: 'region', region };
  }
  return { kind: 'indicator', label: parseLabel(text) };
}

export const AXIS_NAMES: Record<AxisKind, string> = { year: '年份', region: '地区', indicator: '指标' };

/** A province (or 全国) first, then a prefecture-level city (GB/T 2260 list, see cities.ts). */
export function findPlace(text: string): Region | undefined {
  const nfc = text.normalize('NFC'); // 北京市 with 北 as U+F963 is 北京市 (see parseLabel)
  return findRegion(nfc) ?? findCity(nfc);
}
