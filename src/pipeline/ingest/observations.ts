// Stage 4 of ingestion: collects what one input file yields (values read into observations), problems, the cell counts that prove nothing was lost
// (dataCells = valuesWritten + cellsEmpty + cellsRejected; cellsRejected = sum of problems' cells), and the
// observations, handed to a sink as they are read so that a large file never sits in memory.
import { invalidReason, readValueCell } from './numbers.ts';
import { OutlierWatch, type SeriesPoint } from './outliers.ts';
import { SeriesIndex } from './series-index.ts';
import type { CellCounts, Observation, Problem } from '../types.ts';

export interface CellPlace {
  line: number;
  column: number;
}

/** A cell's place as one key, for looking it up (a text: a hostile sheet may have columns past XFD). */
export const cellPlaceKey = (line: number, column: number): string => `${line}:${column}`;

export interface SeriesKey {
  indicator: string;
  unit: string;
  regionCode: string;
  region: string;
  year: number;
  /** A quarter or month within the year (2022Q4, 2020-01, 2020-01/02), in 季度数据 and 月度数据 tables. */
  period?: string | undefined;
}

export interface ObservationSink {
  /** `text`: the value as the tidy output writes it, when it is the input's own text (saves formatting it). */
  add(o: Observation, text?: string): void;
  /**
   * Set when `add` reads the observation during the call and keeps no reference to it (a writer): the collector
   * then hands it the same object, refilled, value after value (its absent fields are undefined, not missing).
   */
  readonly keepsNothing?: boolean;
  /** Called between pieces of the file: a writer empties its buffer here, waiting for the disk. */
  flush?(): Promise<void>;
}

/**
 * What a first reading leaves to a second one, which happens only when needed: the place where each
 * duplicated value first appeared (kept nowhere, to keep memory small), and whole series whose years came
 * out of order (for the outlier check).
 */
export interface FollowUp {
  /** Each duplicate's problem, key and value as it would be written. */
  duplicates: Map<string, { problem: Problem; key: SeriesKey; value: string }[]>;
  unordered: Set<number>;
  /** Where each duplicated value first appeared (in a workbook, which sheet) and the value there. */
  first: Map<string, CellPlace & { sheet: string | undefined; value: string }>;
  series: Map<number, SeriesPoint[]>;
}

/** The value of the last plain decimal plainDecimals read (a module variable: no object per cell). */
let plainValue = 0;
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Decimals of a plain decimal (`-?digits[.digits]`), or -1 for anything else: a scan, cheaper than a RegExp.
 * Its value goes to `plainValue`: with at most 15 digits, digits / 10^decimals is a division of two exact
 * doubles, which IEEE rounds correctly, so it is exactly what Number(raw) gives; longer ones take the slow path.
 * Speed trick: nearly every cell of a folder of exports goes through here, so no RegExp and no object per cell.
 */
function plainDecimals(raw: string): number {
  const n = raw.length;
  const negative = raw.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  const start = i;
  let digits = 0;
  for (let d = 0; i < n && (d = raw.charCodeAt(i) - 48) >>> 0 < 10; i++) digits = digits * 10 + d;
  if (i === start) return -1;
  let decimals = 0;
  if (i < n) {
    if (raw.charCodeAt(i) !== 46) return -1;
    const dot = i++;
    for (let d = 0; i < n && (d = raw.charCodeAt(i) - 48) >>> 0 < 10; i++) digits = digits * 10 + d;
    if (i !== n || i === dot + 1) return -1;
    decimals = i - dot - 1;
  }
  // More than 15 digits: a double cannot hold them all, so the slow path decides (exact, or rejected).
  if (n - start - (decimals > 0 ? 1 : 0) > 15) return -1;
  plainValue = (negative ? -digits : digits) / POWERS_OF_TEN[decimals]!;
  return decimals;
}

/**
 * A plain decimal that the output writes exactly as the input wrote it: toFixed(decimals) gives back the same
 * text when it has at most 15 digits (a double holds 15), no leading zero (05) and is not a negative zero.
 */
function writtenAsRead(raw: string, value: number): boolean {
  if (raw.length > 15) return false;
  const negative = raw.charCodeAt(0) === 45;
  if (negative && value === 0) return false;
  const first = negative ? 1 : 0;
  return !(raw.charCodeAt(first) === 48 && raw.length > first + 1 && raw.charCodeAt(first + 1) !== 46);
}

/** Cell text quoted in a message (「…」) is cut past this many characters, saying how long it was. */
const QUOTED_CHARS = 100;

/**
 * A message as short as its line on stderr should be: a cell of 5 million characters is quoted by its start and its
 * length, not echoed whole into stderr and report.json. Messages without long quotes are returned as they are.
 */
export function clipMessage(message: string): string {
  if (message.length <= 4 * QUOTED_CHARS) return message;
  const clipped = message.replace(/「([^」]*)」/g, (whole, text: string) =>
    text.length <= QUOTED_CHARS ? whole : `「${[...text.slice(0, QUOTED_CHARS)].slice(0, -1).join('')}…」（共 ${text.length} 个字符）`,
  );
  return clipped.length <= 20 * QUOTED_CHARS ? clipped : `${clipped.slice(0, 20 * QUOTED_CHARS)}…`;
}

/** Problems listed one by one per file; the rest are counted in a summary line per kind. */
export const MAX_LISTED = 1000;

/** An observation whose optional fields are always there, undefined when absent (one shape, refilled in place). */
type Optional = 'period' | 'source' | 'status' | 'note' | 'note_en' | 'comparator';
type ReusedObservation = Omit<Observation, Optional> & { [K in Optional]: Observation[K] | undefined };

const ignore: ObservationSink = { add() {} };
const NO_EXTRA: Partial<Observation> = Object.freeze({});

export class FileCollector {
  readonly file: string;
  problems: Problem[] = [];
  counts: CellCounts = { dataCells: 0, valuesWritten: 0, cellsEmpty: 0, cellsRejected: 0 };
  private readonly sink: ObservationSink;
  /** Set on the second reading: look things up, count nothing. */
  private readonly followUp: FollowUp | undefined;
  private index = new SeriesIndex();
  private outliers = new OutlierWatch();
  private duplicates: FollowUp['duplicates'] = new Map();
  private summaries = new Map<string, { problem: Problem; count: number }>();
  /**
   * A workbook sheet's number cells whose display changes the number (sheet-numbers.ts), by cellPlaceKey: read as
   * values, they are rejected with their reason. Undefined for a CSV, and for nearly every sheet.
   */
  sheetRefusals: Map<string, string> | undefined;
  /** The workbook sheet being read, if any: a duplicate's first place may be in another sheet. */
  get sheet(): string | undefined {
    return this.sheetName;
  }
  /**
   * A sheet's values name it in their source_file as problems do (book.xlsx[2023]): by file and line alone, the
   * values of a workbook's sheets could not be told apart (every sheet has its line 5).
   */
  set sheet(name: string | undefined) {
    this.sheetName = name;
    this.sourceFile = name === undefined ? this.file : `${this.file}[${name}]`;
    if (this.reused) this.reused.sourceFile = this.sourceFile;
  }
  private sheetName: string | undefined;
  private sourceFile: string;

  /** The one observation handed, refilled, to a sink that keeps nothing. */
  private readonly reused: ReusedObservation | undefined;

  constructor(file: string, sink: ObservationSink = ignore, followUp?: FollowUp) {
    this.file = file;
    this.sourceFile = file;
    this.sink = sink;
    this.reused = sink.keepsNothing
      ? {
          indicator: '',
          unit: '',
          regionCode: '',
          region: '',
          year: 0,
          period: undefined,
          value: 0,
          decimals: 0,
          sourceFile: file,
          sourceLine: 0,
          sourceColumn: 0,
          source: undefined,
          status: undefined,
          note: undefined,
          note_en: undefined,
          comparator: undefined,
        }
      : undefined;
    this.followUp = followUp;
  }

  /**
   * Lists a problem. Past MAX_LISTED problems in a file, further ones are folded into one summary per code
   * (its `cells` still add up), so memory stays flat however bad a file is and the counts stay exact.
   */
  problem(p: Omit<Problem, 'file'>): Problem {
    if (this.problems.length < MAX_LISTED) {
      const problem = { file: this.file, ...p, message: clipMessage(p.message) };
      this.problems.push(problem);
      return problem;
    }
    let summary = this.summaries.get(p.code);
    if (!summary) {
      summary = { problem: { file: this.file, code: p.code, severity: p.severity, message: '', cells: 0 }, count: 0 };
      this.summaries.set(p.code, summary);
      this.problems.push(summary.problem);
    }
    summary.count++;
    summary.problem.cells! += p.cells ?? 0;
    summary.problem.message = `另有 ${summary.count} 处同类问题未逐条列出（只列出每个文件的前 ${MAX_LISTED} 条）`;
    return summary.problem;
  }

  /**
   * Reads one data cell into an observation, or counts it as empty, or rejects it with a reason. `place` and
   * `key` are read during the call and never kept (a reader may reuse them from cell to cell).
   */
  cell(raw: string, place: CellPlace, key: SeriesKey, extra: Partial<Observation> = NO_EXTRA): void {
    if (this.sheetRefusals !== undefined) {
      const refusal = this.sheetRefusals.get(cellPlaceKey(place.line, place.column));
      if (refusal !== undefined) return void this.reject(place, 'number-format', 'error', refusal);
    }
    let value: number;
    let decimals: number;
    let text: string | undefined;
    // Nearly every cell is a plain decimal: read it here without building a CellValue.
    const plain = plainDecimals(raw);
    if (plain !== -1 && Number.isFinite((value = plainValue))) {
      decimals = plain;
      if (writtenAsRead(raw, value)) text = raw;
      if (value === 0) value = 0;
    } else if (raw === '') {
      this.counts.dataCells++;
      this.counts.cellsEmpty++;
      return;
    } else {
      const cell = readValueCell(raw);
      if (cell.kind === 'empty') {
        this.counts.dataCells++;
        this.counts.cellsEmpty++;
        return;
      }
      if (cell.kind === 'missing-marker') {
        this.reject(place, 'missing-marker', 'warning', `「${cell.text}」表示无数据，未作为数值发布`);
        return;
      }
      if (cell.kind === 'invalid') {
        this.reject(place, 'bad-number', 'error', invalidReason(cell));
        return;
      }
      value = cell.value;
      decimals = cell.decimals;
    }
    // An earlier release (status superseded) may sit beside the value in force; each release once.
    const release = extra.status === 'superseded' ? `\u0000${extra.source ?? ''}` : '';
    // A period table's series is one quarter (or month) across the years: 2021Q4 and 2022Q4 are neighbours.
    const seriesName = key.period === undefined ? key.indicator : `${key.indicator}\u0000${key.period.slice(4)}`;
    const series = this.index.id(seriesName, key.regionCode);
    const releaseSeries = release === '' ? series : this.index.id(seriesName, key.regionCode, release);
    const first = this.index.add(releaseSeries, key.year);
    if (this.followUp) return this.locate(first, series, place, key, release, value, decimals);
    if (!first) {
      const problem = this.reject(place, 'duplicate-value', 'error', '');
      if (this.summaries.has('duplicate-value') && problem === this.summaries.get('duplicate-value')!.problem) return;
      const id = `${seriesName}\u0000${key.regionCode}\u0000${key.year}${release}`;
      const list = this.duplicates.get(id) ?? [];
      list.push({ problem, key: { ...key }, value: value.toFixed(decimals) });
      this.duplicates.set(id, list);
      return;
    }
    this.counts.dataCells++;
    this.counts.valuesWritten++;
    this.outliers.observe(series, key.indicator, key.region, key.year, value, place.line, place.column);
    if (this.reused) {
      // Speed trick: no object per value for a sink that keeps nothing (see keepsNothing).
      const o = this.reused;
      o.indicator = key.indicator;
      o.unit = key.unit;
      o.regionCode = key.regionCode;
      o.region = key.region;
      o.year = key.year;
      o.value = value;
      o.decimals = decimals;
      o.sourceLine = place.line;
      o.sourceColumn = place.column;
      o.period = key.period;
      o.source = extra.source;
      o.status = extra.status;
      o.note = extra.note;
      o.note_en = extra.note_en;
      o.comparator = extra.comparator;
      this.sink.add(o as Observation, text);
      return;
    }
    const o: Observation = {
      indicator: key.indicator,
      unit: key.unit,
      regionCode: key.regionCode,
      region: key.region,
      year: key.year,
      value,
      decimals,
      sourceFile: this.sourceFile,
      sourceLine: place.line,
      sourceColumn: place.column,
    };
    if (key.period !== undefined) o.period = key.period;
    if (extra.source !== undefined) o.source = extra.source;
    if (extra.status !== undefined) o.status = extra.status;
    if (extra.note !== undefined) o.note = extra.note;
    if (extra.note_en !== undefined) o.note_en = extra.note_en;
    if (extra.comparator !== undefined) o.comparator = extra.comparator;
    this.sink.add(o, text);
  }

  /** Second reading: where a duplicated value first appeared, and the values of unordered series. */
  private locate(first: boolean, series: number, place: CellPlace, key: SeriesKey, release: string, value: number, decimals: number): void {
    const followUp = this.followUp!;
    if (!first) return;
    if (followUp.duplicates.size > 0) {
      const seriesName = key.period === undefined ? key.indicator : `${key.indicator}\u0000${key.period.slice(4)}`;
      const id = `${seriesName}\u0000${key.regionCode}\u0000${key.year}${release}`;
      if (followUp.duplicates.has(id))
        followUp.first.set(id, { line: place.line, column: place.column, sheet: this.sheet, value: value.toFixed(decimals) });
    }
    if (followUp.unordered.has(series)) {
      const points = followUp.series.get(series) ?? [];
      points.push({ year: key.year, value, line: place.line, column: place.column });
      followUp.series.set(series, points);
    }
  }

  /** Rejects one non-empty cell that cannot be read. */
  reject(place: CellPlace, code: string, severity: Problem['severity'], message: string): Problem {
    this.counts.dataCells++;
    this.counts.cellsRejected++;
    return this.problem({ ...place, code, severity, message, cells: 1 });
  }

  /** Rejects `cells` non-empty cells that the row reader could not split (a quote that never closes): one problem. */
  rejectCount(place: CellPlace, code: string, message: string, cells: number): void {
    this.counts.dataCells += cells;
    this.counts.cellsRejected += cells;
    this.problem({ ...place, code, severity: 'error', message, cells });
  }

  /** Rejects a whole row or column of cells for one reason (unknown region, bad year label, …): one problem. */
  rejectMany(cells: string[], place: CellPlace, code: string, message: string, option?: string): Problem {
    const problem = this.problem({ ...place, code, severity: 'error', message, cells: 0, ...(option ? { option } : {}) });
    for (const raw of cells) this.addRejected(problem, raw);
    return problem;
  }

  /** Counts one more cell of a row or column rejected by `problem` (cells that stream past one at a time). */
  addRejected(problem: Problem, raw: string): void {
    this.counts.dataCells++;
    if (raw.trim() === '') this.counts.cellsEmpty++;
    else {
      this.counts.cellsRejected++;
      problem.cells = (problem.cells ?? 0) + 1;
    }
  }

  /**
   * Forgets everything read so far: the whole file is refused after all (its output is discarded). What the
   * row reader rejected (text a quote swallowed) is kept: no table reader counts those cells again.
   */
  reset(): void {
    this.problems = this.problems.filter((p) => p.code === 'unclosed-quote');
    const kept = this.problems.reduce((n, p) => n + (p.cells ?? 0), 0);
    this.counts = { dataCells: kept, valuesWritten: 0, cellsEmpty: 0, cellsRejected: kept };
    this.index = new SeriesIndex();
    this.outliers = new OutlierWatch();
    this.duplicates = new Map();
    this.summaries = new Map();
  }

  /** Adds the outlier warnings; returns what a second reading must look up, if anything. */
  finish(): FollowUp | undefined {
    const unordered = new Set(this.outliers.unordered());
    if (this.duplicates.size === 0 && unordered.size === 0) {
      this.settle(undefined);
      return undefined;
    }
    return { duplicates: this.duplicates, unordered, first: new Map(), series: new Map() };
  }

  /** Completes the report with what the second reading found. */
  settle(found: FollowUp | undefined): void {
    for (const [id, list] of found?.duplicates ?? []) {
      // The second reading finds every first place (the file is the same: see readPieces); said without one otherwise.
      const first = found!.first.get(id);
      for (const { problem, key, value } of list) {
        // Equal or not, the second is not written; which it is, is said (a copied row, or a second vintage).
        const sheet = first?.sheet !== undefined && first.sheet !== problem.sheet ? `工作表「${first.sheet}」` : '';
        const where = first
          ? `${sheet}第${first.line}行第${first.column}列已有数值 ${first.value}，此处为 ${value}（${first.value === value ? '相同' : '不同'}）`
          : `前面已有数值，此处为 ${value}`;
        problem.message = `${key.region} ${key.period ?? `${key.year}年`}「${key.indicator}」重复：${where}`;
      }
    }
    for (const warning of this.outliers.warnings(found?.series)) this.problem(warning);
  }
}
