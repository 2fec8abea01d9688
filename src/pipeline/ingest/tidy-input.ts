// Reads a tidy long CSV, row by row: one value a row (indicator, region, year, value, unit, source[, status,
// note, comparator]). Used for figures transcribed from bulletins and for local data a user adds, down to counties
// (6-digit codes, see counties.ts). Headers may be English or Chinese.
import { COMPARATORS, type Comparator } from '../../catalog/schema.ts';
import type { FileCollector, SeriesKey } from './observations.ts';
import { findCity } from './cities.ts';
import { countyByName, isCounty, regionByCode, type FinerRegion } from './counties.ts';
import type { Outside, RowCells, SourceRow } from './rows.ts';
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
/** Columns known but not written: the bundled figures' pointer back to the shared reference file they were checked against. */
const KNOWN_UNUSED = ['reference_line', '参考行'];
/**
 * A quarter or month column (the 9th column of this command's own output for a quarterly table): a tidy file's
 * values are read by year only, so each quarter's value would be written as the year's (2022Q1's cumulative GDP as
 * 2022's, with only a warning that the column was not read). Such a file is refused until periods are read.
 */
const PERIOD_NAMES = ['period', '季度', '月份', '期间'];

/** The canonical name a header cell stands for (value for 数值, year for 年份…), or undefined. */
function columnName(cell: string): string | undefined {
  const text = cell.trim().toLowerCase();
  return Object.keys(COLUMN_NAMES).find((k) => COLUMN_NAMES[k]!.includes(text));
}

/** Column positions by canonical name, or undefined when this header is not a tidy long header. */
export function tidyColumns(header: string[]): Map<string, number> | undefined {
  const columns = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = columnName(cell);
    if (name && !columns.has(name)) columns.set(name, i);
  });
  return columns.has('value') && columns.has('year') ? columns : undefined;
}

/** Why the header cannot be read when one column (value, year, region…) is named twice, by any of its names. */
function repeatedColumn(header: string[]): string | undefined {
  const seen = new Map<string, number>();
  for (const [i, cell] of header.entries()) {
    const name = columnName(cell);
    if (name === undefined) continue;
    const first = seen.get(name);
    if (first !== undefined) return `第${first + 1}列「${header[first]}」和第${i + 1}列「${cell}」都是 ${name} 列：无法确定读哪一列，文件未读取`;
    seen.set(name, i);
  }
  return undefined;
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

/** parseYearLabel, with a shortcut for the four plain digits of nearly every row (read where they lie). */
function readYear(row: RowCells, i: number): number | undefined {
  const year = row.fourDigits(i);
  if (year !== -1) return year >= 1900 && year <= 2100 ? year : undefined;
  return parseYearLabel(row.cell(i));
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
  // Names NFC-normalized, as labels are (see parseLabel): 北 written as U+F963 is 北.
  private readonly region = cached((text: string) => findRegion(text.normalize('NFC')));
  /** Places finer than a province by code and name (a county's rows come together: most lookups are repeats). */
  private readonly finer = cached((key: string) => {
    const [code, name] = key.split('\u0000') as [string, string];
    return finerRegion(code, name.normalize('NFC'));
  });

  /** What the last row's texts worked out to (see row): rows of one series repeat them. */
  private readonly memo: {
    /** The indicator cell as read (undefined before the first row). */
    labelCell: string | undefined;
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
    labelCell: undefined,
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
  /** The last row read in full, outside its year and value cells (see row). */
  private readonly outside: Outside = { head: undefined, bytes: false, mid: '', tail: '' };
  /** The year and value columns, in the order they come. */
  private readonly firstVarying: number;
  private readonly lastVarying: number;
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
    this.firstVarying = Math.min(this.col.year, this.col.value);
    this.lastVarying = Math.max(this.col.year, this.col.value);
    // A named column the reader does not know would vanish from the output: each is named in a warning.
    header.cells.forEach((cell, i) => {
      const text = cell.trim();
      if (text === '' || columnName(cell) !== undefined || KNOWN_UNUSED.includes(text.toLowerCase())) return;
      if (PERIOD_NAMES.includes(text.toLowerCase())) {
        const message = `第${i + 1}列「${text}」是季度或月份：整理格式的文件只按年份读取，各季度、月份的数值会被当作全年的数值，文件未读取（季度、月度数据请读取统计局导出的原表）`;
        this.refusal ??= { code: 'period-column', message };
        return;
      }
      const message = `第${i + 1}列「${text}」不是可读的列（可读：${Object.keys(COLUMN_NAMES).join('、')}），该列的内容未写出`;
      out.problem({ code: 'column-unused', severity: 'warning', line: header.line, column: i + 1, message });
    });
    const twice = repeatedColumn(header.cells);
    if (this.refusal) return;
    if (twice) this.refusal = { code: 'duplicate-column', message: twice };
    else if (!columns.has('indicator') && !options.indicator)
      this.refusal = { code: 'missing-indicator', message: '没有 indicator（指标）列', option: '--indicator' };
    else if (!columns.has('region') && !columns.has('region_code') && !options.region) {
      this.refusal = { code: 'missing-region', message: '没有 region（地区）列；全国数据请用 --region 全国', option: '--region' };
    }
  }

  /** Reads one row (refilled by the row reader afterwards: nothing of it is kept but its texts). */
  row(row: RowCells): void {
    this.rows++;
    const line = row.line;
    const col = this.col;
    const raw = row.cell(col.value);
    if (this.refusal) {
      if (raw.trim() === '') this.refused.empty++;
      else this.refused.nonEmpty++;
      return;
    }
    const memo = this.memo;
    const key = this.key;
    const place = this.cellPlace;
    // Speed trick: a row whose text is the last full row's but for year and value is that row again, as far
    // as everything worked out below goes (label, unit, place, fields, notes): only year and value are read.
    if (row.sameOutside(this.firstVarying, this.lastVarying, this.outside)) {
      const year = readYear(row, col.year);
      if (year === undefined)
        return this.rejectRow(line, raw, memo.label, memo.unit, memo.region, this.regionText(), row.cell(col.year), memo.wrongPlace);
      place.line = line;
      key.year = year;
      this.out.cell(raw, place, key, memo.extra);
      return;
    }
    // The memo below changes piece by piece and a row may be rejected half way: the kept text is forgotten.
    this.outside.head = undefined;
    // A field spanning lines with commas in it has swallowed rows (a stray quote closed by a later one): its
    // pieces are counted as rejected cells, never dropped silently. A note spanning lines without commas is text.
    if (row.lineBreaks) {
      const cells = row.cells;
      const swallowing = cells.findIndex((cell) => cell.includes('\n') && cell.includes(','));
      if (swallowing !== -1) {
        let swallowed = 0;
        for (const cell of cells.slice(swallowing)) for (const piece of cell.split(/[\n,]/)) if (piece.trim() !== '') swallowed++;
        if (swallowing > col.value && raw !== '') swallowed++; // the row's own value goes with it
        const message = `第${swallowing + 1}列的字段跨越多行且含逗号：一个多余的引号把后面的行包了进去（${swallowed} 个单元格），未写出`;
        this.out.rejectCount({ line, column: swallowing + 1 }, 'multiline-cell', message, swallowed);
        return;
      }
    }
    // More fields than the header: a value or note with an unquoted comma shifted the row (2020,1,234,‰).
    for (let c = this.header.cells.length; c < row.length; c++) {
      if (row.cell(c) === '') continue;
      const message = `第${c + 1}列没有表头，却有内容「${row.cell(c)}」：这一行的字段多于表头（多半是未加引号的逗号），整行未写出`;
      this.out.rejectMany([raw], { line, column: c + 1 }, 'extra-fields', message);
      return;
    }
    const options = this.options;
    // Speed trick: a series' rows come together, so label and unit are worked out again only when their texts
    // change, and the texts are compared where they lie (RowCells.is) rather than copied out.
    if (memo.labelCell === undefined || !row.is(col.indicator, memo.labelCell) || !row.is(col.unit, memo.unitCell)) {
      const labelCell = row.cell(col.indicator);
      const unitCell = row.cell(col.unit);
      const labelText = labelCell || options.indicator || '';
      let label: Label = this.label(labelText);
      // A bracket group that is not the row's own unit is part of the name (人口出生率(按常住人口) with unit ‰, or
      // =HYPERLINK("…")): dropping it would lose text; the same unit in both places is written once.
      if (unitCell !== '' && label.unit !== undefined && label.unit !== normalizeUnit(unitCell))
        label = { name: labelText.replace(/\s+/g, ' ').trim() };
      memo.labelCell = labelCell;
      memo.unitCell = unitCell;
      memo.label = label;
      // The unit cell as a label's unit is read (normalizeUnit): ％ is %, an escape sequence never reaches the output.
      memo.unit = (unitCell && normalizeUnit(unitCell)) || label.unit || options.unit;
      memo.numericUnit = memo.unit !== undefined && /^[-+]?[\d.]+$/.test(memo.unit);
    }
    const label = memo.label;
    const unit = memo.unit;
    // Speed trick: likewise the place, looked up again only when code or name change (a county's rows come together).
    if (memo.codeText === undefined || !row.is(col.region_code, memo.codeText) || !row.is(col.region, memo.nameText)) {
      memo.codeText = row.cell(col.region_code);
      memo.nameText = row.cell(col.region);
      this.place(memo.codeText, memo.nameText, this.regionText());
    }
    const region = memo.region;
    const wrongPlace = memo.wrongPlace;
    const year = readYear(row, col.year);
    if (label.name === '' || !unit || !region || year === undefined)
      return this.rejectRow(line, raw, label, unit, region, this.regionText(), row.cell(col.year), wrongPlace);
    // A unit that is a number is a shifted row (an unquoted comma in the value: 2020,1,234,‰).
    if (memo.numericUnit) {
      const message = `单位应为文字（如 ‰、万人），实际为数字「${unit}」：多半是数值里有未加引号的逗号，这一行未写出`;
      this.out.rejectMany([raw], { line, column: (col.unit === -1 ? col.value : col.unit) + 1 }, 'bad-unit', message);
      return;
    }
    this.seen(region);
    // Speed trick: FileCollector.cell reads extra, place and key during the call and keeps none of them, so the
    // same objects serve row after row (extra is made again only when source, status, notes or comparator change).
    if (
      memo.source === undefined ||
      !row.is(col.source, memo.source) ||
      !row.is(col.status, memo.status) ||
      !row.is(col.note, memo.note) ||
      !row.is(col.note_en, memo.noteEn) ||
      !row.is(col.comparator, memo.comparator)
    ) {
      const comparator = row.cell(col.comparator);
      if (comparator !== '' && comparator !== '=' && !(COMPARATORS as readonly string[]).includes(comparator)) {
        const message = `比较符应为空、=、${COMPARATORS.join('、')} 之一，实际为「${comparator}」`;
        this.out.rejectMany([raw], { line, column: col.comparator + 1 }, 'bad-comparator', message);
        return;
      }
      memo.source = row.cell(col.source);
      memo.status = row.cell(col.status);
      memo.note = row.cell(col.note);
      memo.noteEn = row.cell(col.note_en);
      memo.comparator = comparator;
      const extra: Partial<Observation> = {};
      if (memo.source !== '') extra.source = memo.source;
      if (memo.status !== '') extra.status = memo.status;
      if (memo.note !== '') extra.note = memo.note;
      if (memo.noteEn !== '') extra.note_en = memo.noteEn;
      if (comparator !== '' && comparator !== '=') extra.comparator = comparator as Comparator;
      memo.extra = extra;
    }
    place.line = line;
    place.column = col.value + 1;
    key.indicator = label.name;
    key.unit = unit;
    key.regionCode = region.code;
    key.region = region.name;
    key.year = year;
    row.keepOutside(this.firstVarying, this.lastVarying, this.outside);
    this.out.cell(raw, place, key, memo.extra);
  }

  /** The row's place as typed: its code, else its name, else --region. */
  private regionText(): string {
    return this.memo.codeText || this.memo.nameText || this.options.region || '';
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
    line: number,
    raw: string,
    label: Label,
    unit: string | undefined,
    region: Region | undefined,
    regionText: string,
    yearText: string,
    wrongPlace?: Extract<FinerRegion, { message: string }>,
  ): void {
    const col = this.col;
    const place = (i: number) => ({ line, column: (i === -1 ? col.value : i) + 1 });
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
