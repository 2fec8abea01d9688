// Stage 3 of ingestion: reads a statistics-bureau (国家数据) table export row by row: header lines (数据库/指标/时间), a table header,
// data rows, and a footer (注/数据来源). Works on every generation seen: classic GBK, new UTF-8 with TAB-ended
// cells, hand-edited copies without header or footer; time-series, cross-section and transposed layouts.
import { AXIS_NAMES, classifyAxis, cornerHint, findPlace, readAxisLabel, type AxisKind, type AxisLabel } from './table-axes.ts';
import type { FileCollector, SeriesKey } from './observations.ts';
import type { SourceRow } from './rows.ts';
import { parseHeaderLine, parseLabel, singleYearOf, type Label } from './labels.ts';
import { readValueCell } from './numbers.ts';
import { NATIONAL_CODE } from '../../shared/national-code.ts';
import { nationalRegion, type Region } from '../regions.ts';
import type { IngestOptions, Problem, SeriesMeta } from '../types.ts';

export interface NbsTable {
  header: Record<string, string>;
  layout: string;
  scope: string;
  series: SeriesMeta[];
}

interface Refusal {
  code: string;
  message: string;
  option?: string;
  line: number;
}

/** How values are read once the table header (and what the rows are) is known. */
interface Plan {
  rowKind: AxisKind;
  colKind: AxisKind;
  indicator?: Label;
  region?: Region;
  year?: number;
  /** `时间：2024年` over rows of years: each row's year must be it (see yearsAgainstHeader). */
  headerYear?: number;
  colLabels: (AxisLabel | undefined)[];
  badColumns: { column: number; problem: Problem }[];
}

const FOOTER = /^(注|数据来源|资料来源|说明)\s*[：:]?/;

/** The national databases (年度数据, 季度数据, 月度数据) hold the whole country's figures. */
function isNationalDatabase(header: Record<string, string>): boolean {
  return /^(年度|季度|月度)数据$/.test(header['数据库'] ?? '');
}

/** Notes (注) and the source line, as series metadata. A note split on ASCII commas is joined back. */
function readFooter(footer: SourceRow[]) {
  const notes: string[] = [];
  let sourceLine: string | undefined;
  for (const row of footer) {
    const text = row.cells.filter((c) => c !== '').join(',');
    const source = /^(数据来源|资料来源)\s*[：:]\s*(.*)$/.exec(text);
    if (source) sourceLine = source[2]!.trim();
    else for (const line of text.replace(/^注\s*[：:]\s*/, '').split('\n')) if (line.trim()) notes.push(line.trim());
  }
  return { notes, sourceLine };
}

export class NbsTableReader {
  readonly header: Record<string, string> = {};
  private readonly out: FileCollector;
  private readonly options: IngestOptions;
  private stage: 'header' | 'data' | 'footer' = 'header';
  private tableHeader: SourceRow | undefined;
  private readonly footer: SourceRow[] = [];
  /** Numbers found in footer rows (see row). */
  private readonly footerValues: { line: number; column: number; cell: string }[] = [];
  /** Data rows held back until the table's end: only when the corner cell does not say what the rows are. */
  private held: SourceRow[] | undefined;
  private plan: Plan | undefined;
  private refusal: Refusal | undefined;
  /** Cells under a labelled column, plus any stray non-empty cell: what a refusal counts as rejected. */
  private readonly body = { nonEmpty: 0, empty: 0 };
  /** Indicator labels without a unit: the table is refused once, naming them all, and no value is kept. */
  private readonly unitless = new Set<string>();
  private readonly labels = new Set<Label>();
  private lastLabel: Label | undefined;
  private dataRows = 0;
  /** Rows or columns are prefecture-level cities (codes below the province level). */
  private cityRows = false;
  private lastRegion: Region | undefined;

  constructor(options: IngestOptions, out: FileCollector) {
    this.options = options;
    this.out = out;
  }

  /** `lineBreaks`: whether a cell holds a line break, when the row reader knows (else the cells are looked at). */
  row(row: SourceRow, lineBreaks?: boolean): void {
    const first = row.cells[0] ?? '';
    // Only a footer note may span lines. A quoted cell spanning lines anywhere else has swallowed rows of the
    // table (a stray quote closed by another one further down): the file cannot be read reliably.
    if (lineBreaks !== false && this.stage !== 'footer' && !FOOTER.test(first)) {
      const multiline = row.cells.findIndex((c) => c.includes('\n'));
      if (multiline !== -1) {
        const message = `第${multiline + 1}列的单元格跨越多行：一个多余的引号把后面的行包进了这个单元格；表格单元格不能跨行，请检查这一行的引号`;
        return this.refuse('multiline-cell', message, undefined, row.line);
      }
    }
    if (this.stage === 'header') {
      const parsed = parseHeaderLine(first);
      if (parsed && row.cells.every((c, i) => i === 0 || c === '')) {
        const [key, value] = parsed;
        // Two different 指标： (or 时间：, 地区：) lines: which one the values belong to cannot be told.
        if (this.header[key] !== undefined && this.header[key] !== value) {
          const message = `表头的「${key}」出现两次且不同（「${this.header[key]}」与「${value}」）：无法确定数值属于哪一个，文件未读取`;
          this.refuse('conflicting-header', message, undefined, row.line);
        }
        this.header[key] = value;
        return;
      }
      this.stage = FOOTER.test(first) ? 'footer' : 'data';
      if (this.stage === 'data') return this.start(row);
    }
    if (this.stage === 'data' && FOOTER.test(first)) this.stage = 'footer';
    if (this.stage === 'footer') {
      this.footer.push(row);
      // A number in a footer row is a value outside the table (天津市,4.99 after a 注： line, or 数据来源：…,6.5):
      // it is listed as rejected at its place, never dropped with the note.
      for (let i = 1; i < row.cells.length; i++) {
        const cell = row.cells[i]!;
        if (cell !== '' && readValueCell(cell).kind === 'number') this.footerValues.push({ line: row.line, column: i + 1, cell });
      }
      return;
    }
    this.countBody(row);
    this.dataRows++;
    if (this.held) this.held.push(row);
    else this.read(row);
  }

  end(): NbsTable | undefined {
    if (!this.tableHeader) this.refuse('no-table-header', '没有找到表头行（应为「指标,2024年,…」或「地区,2024年,…」之类）', undefined, 1);
    else if (!this.dataRows) this.refuse('no-data-rows', '只有表头，没有数据行：文件里没有可读取的数值');
    if (this.held) {
      const held = this.held;
      this.held = undefined;
      this.decide(classifyAxis(held.map((r) => r.cells[0] ?? '')));
      for (const row of held) this.read(row);
    }
    if (!this.refusal && this.unitless.size > 0) {
      const names = [...this.unitless].map((n) => `「${n}」`).join('、');
      this.refuse('missing-unit', `指标没有单位：${names}（应写在括号里，如 人口出生率(‰)）`, '--unit');
    }
    if (this.refusal) {
      this.body.nonEmpty += this.footerValues.length;
      const { code, message, option, line } = this.refusal;
      this.out.reset();
      const problem = this.out.rejectMany([], { line, column: 1 }, code, message, option);
      this.out.counts.dataCells += this.body.nonEmpty + this.body.empty;
      this.out.counts.cellsEmpty += this.body.empty;
      this.out.counts.cellsRejected += this.body.nonEmpty;
      problem.cells = this.body.nonEmpty;
      return undefined;
    }
    for (const { line, column, cell } of this.footerValues) {
      const message = `数值「${cell}」在表格末尾的注释或来源行里，不属于表格，未写出（数据行应在「注：」「数据来源：」之前）`;
      this.out.reject({ line, column }, 'value-in-footer', 'error', message);
    }
    const { rowKind, colKind, region } = this.plan!;
    const { notes, sourceLine } = readFooter(this.footer);
    const layout = colKind === 'year' ? 'time-series' : rowKind === 'year' ? 'transposed' : 'cross-section';
    const regionAxis = rowKind === 'region' || colKind === 'region';
    const scope = regionAxis ? (this.cityRows ? 'city' : 'provincial') : region?.code === NATIONAL_CODE ? 'national' : 'single-region';
    const unitOf = (label: Label) => label.unit ?? this.options.unit;
    // --unit that no label needed (each names its own unit, --indicator's too) is named like the other options.
    if (this.options.unit !== undefined && this.labels.size > 0 && [...this.labels].every((label) => label.unit !== undefined)) {
      const units = [...new Set([...this.labels].map((label) => label.unit))].join('、');
      const message = `选项 --unit「${this.options.unit}」未使用：指标已写明单位（${units}）`;
      this.out.problem({ code: 'option-unused', severity: 'warning', line: this.tableHeader?.line ?? 1, column: 1, message, option: '--unit' });
    }
    const keys = new Set([...this.labels].map((label) => `${label.name}\u0000${unitOf(label)}`));
    const series = [...keys].map((key) => {
      const [indicator, unit] = key.split('\u0000') as [string, string];
      return { indicator, unit, notes, ...(sourceLine ? { sourceLine } : {}) };
    });
    return { header: this.header, layout, scope, series };
  }

  /** An option the table did not need (its header or an axis says it) is named, not ignored in silence. */
  private unusedOptions(fixedKind: AxisKind): void {
    const given = [
      ['indicator', '--indicator', this.options.indicator, '指标'],
      ['region', '--region', this.options.region, '地区'],
      ['year', '--year', this.options.year, '时间'],
    ] as const;
    for (const [kind, option, value, key] of given) {
      if (value === undefined) continue;
      const fromHeader = this.header[key];
      let why: string | undefined;
      if (kind !== fixedKind) why = `表格的行或列已是${AXIS_NAMES[kind]}`;
      else if (kind === 'year' ? singleYearOf(fromHeader) !== undefined : fromHeader !== undefined) why = `文件表头已写明「${key}：${fromHeader}」`;
      else if (kind === 'region' && isNationalDatabase(this.header)) why = '全国数据库的表格是全国的数';
      if (!why) continue;
      const message = `选项 ${option}「${value}」未使用：${why}`;
      this.out.problem({ code: 'option-unused', severity: 'warning', line: this.tableHeader?.line ?? 1, column: 1, message, option });
    }
  }

  private refuse(code: string, message: string, option?: string, line = this.tableHeader?.line ?? 1): void {
    this.refusal ??= { code, message, line, ...(option ? { option } : {}) };
  }

  private countBody(row: SourceRow): void {
    const labels = this.tableHeader!.cells;
    for (let i = 1; i < row.cells.length; i++) {
      if (row.cells[i] !== '') this.body.nonEmpty++;
      else if ((labels[i] ?? '') !== '') this.body.empty++;
    }
  }

  private start(tableHeader: SourceRow): void {
    this.tableHeader = tableHeader;
    const database = this.header['数据库'];
    if (database && !/(年度|季度|月度)数据/.test(database)) {
      return this.refuse('unsupported-database', `只支持年度、季度和月度数据，文件来自「${database}」`, undefined, 1);
    }
    const hint = cornerHint(tableHeader.cells[0] ?? '');
    if (hint) this.decide(hint);
    else this.held = [];
  }

  /** Everything that can be known before reading values, once the row kind is known. */
  private decide(rowKind: AxisKind): void {
    if (this.refusal) return;
    const cells = this.tableHeader!.cells;
    const colKind = classifyAxis(cells.slice(1));
    if (rowKind === colKind) {
      // A header of one cell holding TABs or semicolons: the file is separated by those, not by commas.
      const separator = cells.length === 1 ? (cells[0]!.includes('\t') ? 'TAB' : cells[0]!.includes(';') ? '分号' : undefined) : undefined;
      if (separator)
        return this.refuse('unknown-layout', `表头只有一列「${cells[0]}」：文件用${separator}分隔，不是逗号；请另存为逗号分隔的 CSV 后读取`);
      return this.refuse('unknown-layout', `无法判断表格结构：行和列都像是${AXIS_NAMES[rowKind]}`);
    }
    const fixedKind = (['year', 'region', 'indicator'] as AxisKind[]).find((k) => k !== rowKind && k !== colKind)!;
    const { header, options } = this;
    // A 指标： or 地区： line beside rows or columns of indicators or places: which one the values belong to is
    // unknown (the line was ignored without a word: 指标：年末常住人口(万人) over columns 2024年末, 2023年底 wrote
    // indicators named 2024年末).
    for (const [kind, key] of [
      ['indicator', '指标'],
      ['region', '地区'],
    ] as const) {
      if (fixedKind === kind || header[key] === undefined) continue;
      const axis = rowKind === kind ? '行' : '列';
      return this.refuse(
        'conflicting-header',
        `文件有「${key}：${header[key]}」行，表格的${axis}却是${AXIS_NAMES[kind]}：无法确定数值属于哪个${AXIS_NAMES[kind]}，文件未读取`,
      );
    }
    const plan: Plan = { rowKind, colKind, colLabels: [], badColumns: [] };
    // The dimension on neither axis comes from a header line, or the user supplies it.
    if (fixedKind === 'indicator') {
      const text = header['指标'] ?? options.indicator;
      if (!text) return this.refuse('missing-indicator', '文件没有「指标：」行，无法知道这些数值是哪个指标', '--indicator');
      plan.indicator = parseLabel(text);
    } else if (fixedKind === 'region') {
      const text = header['地区'] ?? (isNationalDatabase(header) ? '全国' : options.region);
      if (!text) {
        return this.refuse(
          'missing-region',
          '文件没有说明数据属于哪个地区（没有「数据库：年度数据」或「地区：」行）；全国数据请用 --region 全国',
          '--region',
        );
      }
      plan.region = text === '全国' ? nationalRegion() : findPlace(text);
      if (!plan.region) return this.refuse('unknown-region', `未知地区「${text}」`, '--region');
    } else {
      plan.year = singleYearOf(header['时间']) ?? options.year;
      if (plan.year === undefined)
        return this.refuse('missing-year', `文件只有一个时期但没有说明是哪一年（时间：${header['时间'] ?? '无'}）`, '--year');
    }
    this.unusedOptions(fixedKind);
    plan.colLabels = cells.map((c, i) => (i === 0 || c === '' ? undefined : readAxisLabel(colKind, c)));
    if (fixedKind !== 'year' && !this.yearsAgainstHeader(plan)) return;
    // Labels without a unit cannot be published: the table is refused once, naming them, at its end.
    for (const label of [plan.indicator, ...plan.colLabels.map(asLabel)]) this.checkUnit(label);
    for (const [c, label] of plan.colLabels.entries()) {
      if (label?.kind !== 'invalid') continue;
      const problem = this.out.rejectMany([], { line: this.tableHeader!.line, column: c + 1 }, label.code, `表头第${c + 1}列：${label.message}`);
      plan.badColumns.push({ column: c, problem });
    }
    this.plan = plan;
  }

  /**
   * `时间：2024年` beside columns (or rows) of years: a real export names the one year it holds, so its columns are
   * that year or its quarters and months (季度数据 with 时间：2022年 has 2022年第一季度…). A column of another year
   * (时间：2024年 over 2023年, 2022年) means the line or the table was edited: which is right cannot be told (the line
   * was ignored without a word). Rows are checked as they are read (one comparison a row, none a cell).
   */
  private yearsAgainstHeader(plan: Plan): boolean {
    const headerYear = singleYearOf(this.header['时间']);
    if (headerYear === undefined) return true;
    if (plan.rowKind === 'year') plan.headerYear = headerYear;
    else {
      const other = plan.colLabels.find((label) => label?.kind === 'year' && label.year !== headerYear);
      if (other?.kind === 'year') this.refuseYear(headerYear, other.year, '列');
    }
    return !this.refusal;
  }

  private refuseYear(headerYear: number, year: number, axis: '行' | '列', line?: number): void {
    const message = `文件有「时间：${this.header['时间']}」行，表格的${axis}却有 ${year} 年：数值属于 ${headerYear} 年还是表格所写的年份无法确定，文件未读取`;
    this.refuse('conflicting-header', message, undefined, line);
  }

  private checkUnit(label: Label | undefined): void {
    if (label && !(label.unit ?? this.options.unit)) this.unitless.add(label.name);
  }

  private read(row: SourceRow): void {
    const plan = this.plan;
    if (this.refusal || !plan) return;
    const first = row.cells[0] ?? '';
    const rowLabel = readAxisLabel(plan.rowKind, first);
    this.checkUnit(asLabel(rowLabel));
    if (this.unitless.size > 0) return; // the table will be refused: stop reading values
    const out = this.out;
    // The table header again (printed exports repeat it on every page): the same one is passed over and said;
    // another one (other years) would put its values under the first one's columns, so the table is refused.
    // Only a row whose first cell is the corner's is compared.
    const header = this.tableHeader!.cells;
    if (first === header[0] && first !== '') {
      const width = Math.max(row.cells.length, header.length);
      let same = true;
      for (let i = 1; i < width && same; i++) same = (row.cells[i] ?? '') === (header[i] ?? '');
      if (same) {
        const message = `表头行在第${this.tableHeader!.line}行之后又出现一次（打印或分页导出）：这一行不是数据，未读取`;
        out.problem({ code: 'repeated-header', severity: 'warning', line: row.line, column: 1, message });
        return;
      }
      const message = `第${row.line}行又是一行表头，与第${this.tableHeader!.line}行的表头不同：其后的数值属于哪一列无法确定，文件未读取`;
      return this.refuse('conflicting-header', message, undefined, row.line);
    }
    // A row without a usable label rejects all its cells at once, those under a bad column header included.
    if (first === '') {
      out.rejectMany(row.cells.slice(1), { line: row.line, column: 1 }, 'missing-label', `这一行没有${AXIS_NAMES[plan.rowKind]}名称`);
      return;
    }
    if (rowLabel.kind === 'invalid') {
      out.rejectMany(row.cells.slice(1), { line: row.line, column: 1 }, rowLabel.code, rowLabel.message);
      return;
    }
    if (plan.headerYear !== undefined && rowLabel.kind === 'year' && rowLabel.year !== plan.headerYear) {
      return this.refuseYear(plan.headerYear, rowLabel.year, '行', row.line);
    }
    // A value beyond the last header column means the row's cells are shifted (an unquoted comma inside a
    // value, as in 1,234): which year each value belongs to is unknown, so the whole row is rejected.
    const extra = extraField(row.cells, plan.colLabels.length);
    if (extra !== -1) {
      const message = `第${extra + 1}列没有表头，却有数值「${row.cells[extra]}」：这一行的单元格多于表头（多半是数值里有未加引号的逗号），整行未写出`;
      out.rejectMany(row.cells.slice(1), { line: row.line, column: extra + 1 }, 'extra-fields', message);
      return;
    }
    for (const { column, problem } of plan.badColumns) out.addRejected(problem, row.cells[column] ?? '');
    // One place and one key for the row's cells: the collector reads them and keeps neither.
    const place = { line: row.line, column: 0 };
    const key: SeriesKey = { indicator: '', unit: '', regionCode: '', region: '', year: 0 };
    for (let c = 1; c < row.cells.length; c++) {
      const raw = row.cells[c]!;
      const colLabel = plan.colLabels[c];
      if (colLabel?.kind === 'invalid') continue; // counted with its column
      if (!colLabel) {
        // An unlabelled column inside the table (an empty header cell): its values have no year or name.
        if (raw !== '') out.reject({ line: row.line, column: c + 1 }, 'extra-cells', 'error', `第${c + 1}列没有表头，却有数值「${raw}」`);
        continue;
      }
      const label = plan.indicator ?? (rowLabel.kind === 'indicator' ? rowLabel.label : (colLabel as { label: Label }).label);
      const region = plan.region ?? (rowLabel.kind === 'region' ? rowLabel.region : (colLabel as { region: Region }).region);
      const year = plan.year ?? (rowLabel.kind === 'year' ? rowLabel.year : (colLabel as { year: number }).year);
      const period = rowLabel.kind === 'year' ? rowLabel.period : colLabel.kind === 'year' ? colLabel.period : undefined;
      if (label !== this.lastLabel) {
        this.labels.add(label);
        this.lastLabel = label;
      }
      place.column = c + 1;
      key.indicator = label.name;
      key.unit = (label.unit ?? this.options.unit)!;
      key.regionCode = region.code;
      // Speed trick: a row or column keeps its region from cell to cell, so each one is looked at once.
      if (region !== this.lastRegion) {
        this.lastRegion = region;
        if (!region.code.endsWith('0000')) this.cityRows = true;
      }
      key.region = region.name;
      key.year = year;
      key.period = period;
      out.cell(raw, place, key);
    }
  }
}

function asLabel(label: AxisLabel | undefined): Label | undefined {
  return label?.kind === 'indicator' ? label.label : undefined;
}

/** The first non-empty cell at or past `width` (the header's width), or -1. */
function extraField(cells: string[], width: number): number {
  for (let c = width; c < cells.length; c++) if (cells[c] !== '') return c;
  return -1;
}
