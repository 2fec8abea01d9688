// Reads a tidy long CSV, row by row: one value a row (indicator, region, year, value, unit, source[, status,
// note, comparator]). Used for figures transcribed from bulletins and for local data a user adds, down to counties
// (6-digit codes, see counties.ts). Headers may be English or Chinese.
import { COMPARATORS, type Comparator } from '../../catalog/schema.ts';
import type { FileCollector, SeriesKey } from './observations.ts';
import { findCity } from './cities.ts';
import { countyByName, isCounty, regionByCode, type FinerRegion } from './counties.ts';
import type { SourceRow } from './rows.ts';
import { normalizeUnit, parseLabel, parseYearLabel, type Label } from './labels.ts';
import { NATIONAL_CODE } from '../../shared/national-code.ts';
import { findRegion, type Region } from '../regions.ts';
import type { IngestOptions, Observation } from '../types.ts';

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
  note_en: ['note_en', '英文备注'],
  comparator: ['comparator', '比较', '比较符'],
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

/** Remembers what a repeated text parses to (the last one first); forgets now and then, so memory stays bounded. */
function cached<T>(parse: (text: string) => T): (text: string) => T {
  let memo = new Map<string, T>();
  let lastText: string | undefined;
  let last: T;
  return (text) => {
    if (text === lastText) return last;
    let found = memo.get(text);
    if (found === undefined && !memo.has(text)) {
      if (memo.size >= 20_000) memo = new Map();
      found = parse(text);
      memo.set(text, found);
    }
    lastText = text;
    last = found as T;
    return last;
  };
}

function cellAt(cells: string[], i: number): string {
  return i === -1 ? '' : (cells[i] ?? '');
}

/** parseYearLabel, with a shortcut for the four plain digits of nearly every row. */
function readYear(text: string): number | undefined {
  if (text.length === 4) {
    let year = 0;
    for (let i = 0; i < 4; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return parseYearLabel(text);
      year = year * 10 + digit;
    }
    return year >= 1900 && year <= 2100 ? year : undefined;
  }
  return parseYearLabel(text);
}

export class TidyLongReader {
  private readonly out: FileCollector;
  private readonly options: IngestOptions;
  private readonly header: SourceRow;
  /** Column positions, -1 when absent. */
  private readonly col: Record<
    'indicator' | 'region' | 'region_code' | 'year' | 'value' | 'unit' | 'source' | 'status' | 'note' | 'note_en' | 'comparator',
    number
  >;
  private refusal: { code: string; message: string; option?: string } | undefined;
  private rows = 0;
  private refused = { nonEmpty: 0, empty: 0 };
  private readonly scope = { first: '', several: false, national: false, county: false, city: false };
  private readonly label = cached(parseLabel);
  private readonly region = cached(findRegion);
  /** Places finer than a province by code and name (a county's rows come together: most lookups are repeats). */
  private readonly finer = cached((key: string) => {
    const [code, name] = key.split('\u0000') as [string, string];
    return finerRegion(code, name);
  });

  /** What the last row's texts worked out to (see row): rows of one series repeat them. */
  private readonly memo: {
    labelText: string | undefined;
    unitCell: string;
    label: Label;
    unit: string | undefined;
    numericUnit: boolean;
    codeText: string | undefined;
    nameText: string;
    region: Region | undefined;
    wrongPlace: Extract<FinerRegion, { message: string }> | undefined;
    source: string | undefined;
    status: string;
    note: string;
    noteEn: string;
    comparator: string;
    extra: Partial<Observation>;
  } = {
    labelText: undefined,
    unitCell: '',
    label: { name: '' },
    unit: undefined,
    numericUnit: false,
    codeText: undefined,
    nameText: '',
    region: undefined,
    wrongPlace: undefined,
    source: undefined,
    status: '',
    note: '',
    noteEn: '',
    comparator: '',
    extra: {},
  };
  /** The place seen last (see seen). */
  private lastSeen: Region | undefined;
  private readonly cellPlace = { line: 0, column: 0 };
  private readonly key: SeriesKey = { indicator: '', unit: '', regionCode: '', region: '', year: 0 };

  constructor(header: SourceRow, options: IngestOptions, out: FileCollector) {
    this.header = header;
    this.options = options;
    this.out = out;
    const columns = tidyColumns(header.cells)!;
    const at = (name: string) => columns.get(name) ?? -1;
    this.col = {
      indicator: at('indicator'),
      region: at('region'),
      region_code: at('region_code'),
      year: at('year'),
      value: at('value'),
      unit: at('unit'),
      source: at('source'),
      status: at('status'),
      note: at('note'),
      note_en: at('note_en'),
      comparator: at('comparator'),
    };
    if (!columns.has('indicator') && !options.indicator)
      this.refusal = { code: 'missing-indicator', message: '没有 indicator（指标）列', option: '--indicator' };
    else if (!columns.has('region') && !columns.has('region_code') && !options.region) {
      this.refusal = { code: 'missing-region', message: '没有 region（地区）列；全国数据请用 --region 全国', option: '--region' };
    }
  }

  /** `lineBreaks`: whether a cell holds a line break, when the row reader knows (else the cells are looked at). */
  row(row: SourceRow, lineBreaks?: boolean): void {
    this.rows++;
    const { cells, line } = row;
    const col = this.col;
    const raw = cellAt(cells, col.value);
    if (this.refusal) {
      if (raw.trim() === '') this.refused.empty++;
      else this.refused.nonEmpty++;
      return;
    }
    // A field spanning lines with commas in it has swallowed rows (a stray quote closed by a later one): its
    // pieces are counted as rejected cells, never dropped silently. A note spanning lines without commas is text.
    // Speed trick: cells are looked at only when the row reader saw a line break (or cannot say), in a plain loop.
    let swallowing = -1;
    for (let c = 0; lineBreaks !== false && c < cells.length; c++) {
      const cell = cells[c]!;
      if (cell.indexOf('\n') !== -1 && cell.indexOf(',') !== -1) {
        swallowing = c;
        break;
      }
    }
    if (swallowing !== -1) {
      let swallowed = 0;
      for (const cell of cells.slice(swallowing)) for (const piece of cell.split(/[\n,]/)) if (piece.trim() !== '') swallowed++;
      if (swallowing > col.value && raw !== '') swallowed++; // the row's own value goes with it
      const message = `第${swallowing + 1}列的字段跨越多行且含逗号：一个多余的引号把后面的行包了进去（${swallowed} 个单元格），未写出`;
      this.out.rejectCount({ line, column: swallowing + 1 }, 'multiline-cell', message, swallowed);
      return;
    }
    // More fields than the header: a value or note with an unquoted comma shifted the row (2020,1,234,‰).
    const width = this.header.cells.length;
    for (let c = width; c < cells.length; c++) {
      if (cells[c] === '') continue;
      const message = `第${c + 1}列没有表头，却有内容「${cells[c]}」：这一行的字段多于表头（多半是未加引号的逗号），整行未写出`;
      this.out.rejectMany([raw], { line, column: c + 1 }, 'extra-fields', message);
      return;
    }
    const options = this.options;
    const labelText = cellAt(cells, col.indicator) || options.indicator || '';
    const unitCell = cellAt(cells, col.unit);
    // Speed trick: a series' rows come together, so label and unit are worked out again only when their texts change.
    const memo = this.memo;
    if (labelText !== memo.labelText || unitCell !== memo.unitCell) {
      let label: Label = this.label(labelText);
      // A bracket group that is not the row's own unit is part of the name (人口出生率(按常住人口) with unit ‰, or
      // =HYPERLINK("…")): dropping it would lose text; the same unit in both places is written once.
      if (unitCell !== '' && label.unit !== undefined && label.unit !== normalizeUnit(unitCell))
        label = { name: labelText.replace(/\s+/g, ' ').trim() };
      memo.labelText = labelText;
      memo.unitCell = unitCell;
      memo.label = label;
      memo.unit = unitCell || label.unit || options.unit;
      memo.numericUnit = memo.unit !== undefined && /^[-+]?[\d.]+$/.test(memo.unit);
    }
    const label = memo.label;
    const unit = memo.unit;
    const codeText = cellAt(cells, col.region_code);
    const nameText = cellAt(cells, col.region);
    const regionText = codeText || nameText || options.region || '';
    // Speed trick: likewise the place, looked up again only when code or name change (a county's rows come together).
    if (codeText !== memo.codeText || nameText !== memo.nameText) {
      memo.codeText = codeText;
      memo.nameText = nameText;
      this.place(codeText, nameText, regionText);
    }
    const region = memo.region;
    const wrongPlace = memo.wrongPlace;
    const yearText = cellAt(cells, col.year);
    const year = readYear(yearText);
    if (label.name === '' || !unit || !region || year === undefined)
      return this.rejectRow(row, raw, label, unit, region, regionText, yearText, wrongPlace);
    // A unit that is a number is a shifted row (an unquoted comma in the value: 2020,1,234,‰).
    if (memo.numericUnit) {
      const message = `单位应为文字（如 ‰、万人），实际为数字「${unit}」：多半是数值里有未加引号的逗号，这一行未写出`;
      this.out.rejectMany([raw], { line, column: (col.unit === -1 ? col.value : col.unit) + 1 }, 'bad-unit', message);
      return;
    }
    this.seen(region);
    const source = col.source === -1 ? '' : cellAt(cells, col.source);
    const status = col.status === -1 ? '' : cellAt(cells, col.status);
    const note = col.note === -1 ? '' : cellAt(cells, col.note);
    const noteEn = col.note_en === -1 ? '' : cellAt(cells, col.note_en);
    const comparator = cellAt(cells, col.comparator).trim();
    if (comparator !== '' && comparator !== '=' && !(COMPARATORS as readonly string[]).includes(comparator)) {
      this.out.rejectMany(
        [raw],
        { line, column: col.comparator + 1 },
        'bad-comparator',
        `比较符应为空、=、${COMPARATORS.join('、')} 之一，实际为「${comparator}」`,
      );
      return;
    }
    // Speed trick: FileCollector.cell reads extra, place and key during the call and keeps none of them, so the
    // same objects serve row after row (extra is made again only when source, status, notes or comparator change).
    if (source !== memo.source || status !== memo.status || note !== memo.note || noteEn !== memo.noteEn || comparator !== memo.comparator) {
      const extra: Partial<Observation> = {};
      if (source !== '') extra.source = source;
      if (status !== '') extra.status = status;
      if (note !== '') extra.note = note;
      if (noteEn !== '') extra.note_en = noteEn;
      if (comparator !== '' && comparator !== '=') extra.comparator = comparator as Comparator;
      memo.source = source;
      memo.status = status;
      memo.note = note;
      memo.noteEn = noteEn;
      memo.comparator = comparator;
      memo.extra = extra;
    }
    const place = this.cellPlace;
    place.line = line;
    place.column = col.value + 1;
    const key = this.key;
    key.indicator = label.name;
    key.unit = unit;
    key.regionCode = region.code;
    key.region = region.name;
    key.year = year;
    this.out.cell(raw, place, key, memo.extra);
  }

  /** The row's place (into memo): a province or 全国 by code or name, else a city or county; or why there is none. */
  private place(codeText: string, nameText: string, regionText: string): void {
    let region = this.region(regionText);
    let wrongPlace: Extract<FinerRegion, { message: string }> | undefined;
    if (region && codeText !== '' && nameText.trim() !== '' && this.region(nameText) !== region) {
      wrongPlace = { message: `地区名称「${nameText}」与代码 ${codeText}（${region.name}）不符`, at: 'name' };
      region = undefined;
    } else if (!region && regionText !== '') {
      // A code in the region column (no region_code column) is a code; otherwise the text is a name.
      const code = codeText || (/^\d+$/.test(regionText.trim()) ? regionText : '');
      const finer = this.finer(`${code}\u0000${code === '' ? regionText : codeText ? nameText : ''}`);
      if (finer && 'region' in finer) region = finer.region;
      else wrongPlace = finer;
    }
    this.memo.region = region;
    this.memo.wrongPlace = wrongPlace;
  }

  /** A row whose value cannot be placed: one problem, at the column that lacks something. */
  private rejectRow(
    row: SourceRow,
    raw: string,
    label: Label,
    unit: string | undefined,
    region: Region | undefined,
    regionText: string,
    yearText: string,
    wrongPlace?: Extract<FinerRegion, { message: string }>,
  ): void {
    const col = this.col;
    const place = (i: number) => ({ line: row.line, column: (i === -1 ? col.value : i) + 1 });
    const out = this.out;
    if (label.name === '') out.rejectMany([raw], place(col.indicator), 'missing-label', '指标为空');
    else if (!unit) out.rejectMany([raw], place(col.unit), 'missing-unit', `「${label.name}」没有单位`, '--unit');
    else if (!region && wrongPlace) {
      const at = wrongPlace.at === 'code' && col.region_code !== -1 ? col.region_code : col.region !== -1 ? col.region : col.region_code;
      out.rejectMany([raw], place(at), 'unknown-region', wrongPlace.message);
    } else if (!region) {
      out.rejectMany(
        [raw],
        place(col.region !== -1 ? col.region : col.region_code),
        'unknown-region',
        `未知地区「${regionText}」：应为省级行政区全称或简称（如 北京市、内蒙古）、地级市或县级区划的全称、6位代码或 全国`,
      );
    } else out.rejectMany([raw], place(col.year), 'bad-year', `应为年份（如 2024），实际为「${yearText}」`);
  }

  /** The file's scope, or undefined when it is refused (every value cell counted as rejected). */
  end(): { scope: string } | undefined {
    if (!this.refusal && this.rows === 0) this.refusal = { code: 'no-data-rows', message: '只有表头，没有数据行：文件里没有可读取的数值' };
    if (this.refusal) {
      const { code, message, option } = this.refusal;
      const problem = this.out.rejectMany([], { line: this.header.line, column: 1 }, code, message, option);
      this.out.counts.dataCells += this.refused.nonEmpty + this.refused.empty;
      this.out.counts.cellsEmpty += this.refused.empty;
      this.out.counts.cellsRejected += this.refused.nonEmpty;
      problem.cells = this.refused.nonEmpty;
      return undefined;
    }
    const { first, several, national, county, city } = this.scope;
    if (county || city) return { scope: national ? 'mixed' : county ? 'county' : 'city' };
    const one = first !== '' && !several;
    return { scope: one ? (national ? 'national' : 'single-region') : national ? 'mixed' : 'provincial' };
  }

  private seen(region: Region): void {
    // Speed trick: the same place again changes nothing (a county's rows come together).
    if (region === this.lastSeen) return;
    this.lastSeen = region;
    const s = this.scope;
    if (s.first === '') s.first = region.code;
    else if (region.code !== s.first) s.several = true;
    if (region.code === NATIONAL_CODE) s.national = true;
    else if (isCounty(region)) s[region.code.endsWith('00') ? 'city' : 'county'] = true;
  }
}

/**
 * A place finer than a province: by code when there is one (the name, if given, must be the code's), else a
 * prefecture-level city or a county by its full name; undefined when the text names none of them.
 */
function finerRegion(code: string, name: string): FinerRegion | undefined {
  if (code !== '') return regionByCode(code, name);
  const city = findCity(name);
  return city ? { region: city } : countyByName(name);
}
