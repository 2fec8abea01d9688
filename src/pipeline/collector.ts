// Collects what one input file yields: problems, the cell counts that prove nothing was lost
// (dataCells = valuesWritten + cellsEmpty + cellsRejected; cellsRejected = sum of problems' cells), and the
// observations, handed to a sink as they are read so that a large file never sits in memory.
import { readValueCell } from './numbers.ts';
import { OutlierWatch, type SeriesPoint } from './outliers.ts';
import { SeriesIndex } from './series-index.ts';
import type { CellCounts, Observation, Problem } from './types.ts';

export interface CellPlace {
  line: number;
  column: number;
}

export interface SeriesKey {
  indicator: string;
  unit: string;
  regionCode: string;
  region: string;
  year: number;
}

export interface ObservationSink {
  /** `text`: the value as the tidy output writes it, when it is the input's own text (saves formatting it). */
  add(o: Observation, text?: string): void;
  /** Called between pieces of the file: a writer empties its buffer here, waiting for the disk. */
  flush?(): Promise<void>;
}

/**
 * What a first reading leaves to a second one, which happens only when needed: the place where each
 * duplicated value first appeared (kept nowhere, to keep memory small), and whole series whose years came
 * out of order (for the outlier check).
 */
export interface FollowUp {
  duplicates: Map<string, { problem: Problem; key: SeriesKey }[]>;
  unordered: Set<number>;
  first: Map<string, CellPlace>;
  series: Map<number, SeriesPoint[]>;
}

/** The value of the last plain decimal plainDecimals read (a module variable: no object per cell). */
let plainValue = 0;
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Decimals of a plain decimal (`-?digits[.digits]`), or -1 for anything else: a scan, cheaper than a RegExp.
 * Its value goes to `plainValue`: with at most 15 digits, digits / 10^decimals is a division of two exact
 * doubles, which IEEE rounds correctly, so it is exactly what Number(raw) gives; longer ones use Number.
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
  if (n - start - (decimals > 0 ? 1 : 0) > 15) plainValue = Number(raw);
  else plainValue = (negative ? -digits : digits) / POWERS_OF_TEN[decimals]!;
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

  constructor(file: string, sink: ObservationSink = ignore, followUp?: FollowUp) {
    this.file = file;
    this.sink = sink;
    this.followUp = followUp;
  }

  problem(p: Omit<Problem, 'file'>): Problem {
    const problem = { file: this.file, ...p };
    this.problems.push(problem);
    return problem;
  }

  /**
   * Reads one data cell into an observation, or counts it as empty, or rejects it with a reason. `place` and
   * `key` are read during the call and never kept (a reader may reuse them from cell to cell).
   */
  cell(raw: string, place: CellPlace, key: SeriesKey, extra: Partial<Observation> = NO_EXTRA): void {
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
        return this.reject(place, 'missing-marker', 'warning', `「${cell.text}」表示无数据，未作为数值发布`);
      }
      if (cell.kind === 'invalid') {
        return this.reject(place, 'bad-number', 'error', `应为数值，实际为「${cell.text}」`);
      }
      value = cell.value;
      decimals = cell.decimals;
    }
    // An earlier release (status superseded) may sit beside the value in force; each release once.
    const release = extra.status === 'superseded' ? `\u0000${extra.source ?? ''}` : '';
    const series = this.index.id(key.indicator, key.regionCode);
    const releaseSeries = release === '' ? series : this.index.id(key.indicator, key.regionCode, release);
    const first = this.index.add(releaseSeries, key.year);
    if (this.followUp) return this.locate(first, series, place, key, release, value);
    if (!first) {
      this.reject(place, 'duplicate-value', 'error', '');
      const id = `${key.indicator}\u0000${key.regionCode}\u0000${key.year}${release}`;
      const list = this.duplicates.get(id) ?? [];
      list.push({ problem: this.problems.at(-1)!, key: { ...key } });
      this.duplicates.set(id, list);
      return;
    }
    this.counts.dataCells++;
    this.counts.valuesWritten++;
    this.outliers.observe(series, key.indicator, key.region, key.year, value, place.line, place.column);
    const o: Observation = {
      indicator: key.indicator,
      unit: key.unit,
      regionCode: key.regionCode,
      region: key.region,
      year: key.year,
      value,
      decimals,
      sourceFile: this.file,
      sourceLine: place.line,
      sourceColumn: place.column,
    };
    if (extra.source !== undefined) o.source = extra.source;
    if (extra.status !== undefined) o.status = extra.status;
    if (extra.note !== undefined) o.note = extra.note;
    if (extra.comparator !== undefined) o.comparator = extra.comparator;
    this.sink.add(o, text);
  }

  /** Second reading: where a duplicated value first appeared, and the values of unordered series. */
  private locate(first: boolean, series: number, place: CellPlace, key: SeriesKey, release: string, value: number): void {
    const followUp = this.followUp!;
    if (!first) return;
    if (followUp.duplicates.size > 0) {
      const id = `${key.indicator}\u0000${key.regionCode}\u0000${key.year}${release}`;
      if (followUp.duplicates.has(id)) followUp.first.set(id, { line: place.line, column: place.column });
    }
    if (followUp.unordered.has(series)) {
      const points = followUp.series.get(series) ?? [];
      points.push({ year: key.year, value, line: place.line, column: place.column });
      followUp.series.set(series, points);
    }
  }

  /** Rejects one non-empty cell that cannot be read. */
  reject(place: CellPlace, code: string, severity: Problem['severity'], message: string): void {
    this.counts.dataCells++;
    this.counts.cellsRejected++;
    this.problem({ ...place, code, severity, message, cells: 1 });
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

  /** Forgets everything read so far: the whole file is refused after all (its output is discarded). */
  reset(): void {
    this.problems = [];
    this.counts = { dataCells: 0, valuesWritten: 0, cellsEmpty: 0, cellsRejected: 0 };
    this.index = new SeriesIndex();
    this.outliers = new OutlierWatch();
    this.duplicates = new Map();
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
      const first = found!.first.get(id)!;
      for (const { problem, key } of list) {
        problem.message = `${key.region} ${key.year}年「${key.indicator}」重复：第${first.line}行第${first.column}列已有数值`;
      }
    }
    for (const warning of this.outliers.warnings(found?.series)) this.problem(warning);
  }
}
