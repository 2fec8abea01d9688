// Reads a tidy long CSV: one value a row (indicator, region, year, value, unit, source[, status, note]).
// Used for figures transcribed from bulletins and for local data a user adds. Headers may be English or Chinese.
import type { FileCollector } from './collector.ts';
import type { SourceRow } from './csv-rows.ts';
import { parseLabel, parseYearLabel } from './labels.ts';
import { NATIONAL_CODE, findRegion } from './regions.ts';
import type { IngestOptions } from './types.ts';

const COLUMN_NAMES: Record<string, string[]> = {
  indicator: ['indicator', '指标', '指标名称'],
  region: ['region', '地区', '地区名称'],
  region_code: ['region_code', '地区代码', '行政区划代码'],
  year: ['year', '年份', '年度', '时间'],
  value: ['value', '数值', '值'],
  unit: ['unit', '单位'],
  source: ['source', '来源', '数据来源'],
  status: ['status', '状态', '核对状态'],
  note: ['note', '备注', '注'],
};

/** Column positions by canonical name, or undefined when this header is not a tidy long header. */
export function tidyColumns(header: string[]): Map<string, number> | undefined {
  const columns = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = Object.keys(COLUMN_NAMES).find((k) => COLUMN_NAMES[k]!.includes(cell.trim().toLowerCase()));
    if (name && !columns.has(name)) columns.set(name, i);
  });
  return columns.has('value') && columns.has('year') ? columns : undefined;
}

export function readTidyLong(rows: SourceRow[], options: IngestOptions, out: FileCollector): { scope: string } | undefined {
  const [headerRow, ...data] = rows;
  const columns = tidyColumns(headerRow?.cells ?? [])!;
  const valueAt = (row: SourceRow, name: string) => (columns.has(name) ? (row.cells[columns.get(name)!] ?? '') : '');
  const valueColumn = columns.get('value')!;
  const refuse = (code: string, message: string, option: string) => {
    out.rejectMany(data.map((r) => r.cells[valueColumn] ?? ''), { line: headerRow!.line, column: 1 }, code, message, option);
    return undefined;
  };
  if (!columns.has('indicator') && !options.indicator) return refuse('missing-indicator', '没有 indicator（指标）列', '--indicator');
  if (!columns.has('region') && !columns.has('region_code') && !options.region) {
    return refuse('missing-region', '没有 region（地区）列；全国数据请用 --region 全国', '--region');
  }

  const regions = new Set<string>();
  for (const row of data) {
    const raw = valueAt(row, 'value');
    const at = (name: string) => ({ line: row.line, column: (columns.get(name) ?? valueColumn) + 1 });
    const nonEmpty = raw.trim() === '' ? [] : [raw];
    const label = parseLabel(valueAt(row, 'indicator') || options.indicator || '');
    const unit = valueAt(row, 'unit') || label.unit || options.unit;
    const regionText = valueAt(row, 'region_code') || valueAt(row, 'region') || options.region || '';
    const region = findRegion(regionText);
    const year = parseYearLabel(valueAt(row, 'year'));
    if (label.name === '') { out.rejectMany(nonEmpty.length ? nonEmpty : [raw], at('indicator'), 'missing-label', '指标为空'); continue; }
    if (!unit) { out.rejectMany([raw], at('unit'), 'missing-unit', `「${label.name}」没有单位`, '--unit'); continue; }
    if (!region) {
      out.rejectMany([raw], at(columns.has('region') ? 'region' : 'region_code'), 'unknown-region',
        `未知地区「${regionText}」：应为省级行政区全称或简称（如 北京市、内蒙古）、6位代码或 全国`);
      continue;
    }
    if (year === undefined) {
      out.rejectMany([raw], at('year'), 'bad-year', `应为年份（如 2024），实际为「${valueAt(row, 'year')}」`);
      continue;
    }
    regions.add(region.code);
    const extra = Object.fromEntries(
      (['source', 'status', 'note'] as const).map((k) => [k, valueAt(row, k)]).filter(([, v]) => v !== ''),
    );
    out.cell(raw, { line: row.line, column: valueColumn + 1 },
      { indicator: label.name, unit, regionCode: region.code, region: region.name, year }, extra);
  }
  const scope = regions.size === 1 ? (regions.has(NATIONAL_CODE) ? 'national' : 'single-region') : regions.has(NATIONAL_CODE) ? 'mixed' : 'provincial';
  return { scope };
}
