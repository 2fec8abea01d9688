// Collects what one input file yields: observations, problems and the cell counts that prove nothing was
// lost (dataCells = valuesWritten + cellsEmpty + cellsRejected; cellsRejected = sum of problems' cells).
import { readValueCell } from './numbers.ts';
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

export class FileCollector {
  readonly file: string;
  readonly observations: Observation[] = [];
  readonly problems: Problem[] = [];
  readonly counts: CellCounts = { dataCells: 0, valuesWritten: 0, cellsEmpty: 0, cellsRejected: 0 };
  private readonly seen = new Map<string, CellPlace>();

  constructor(file: string) {
    this.file = file;
  }

  problem(p: Omit<Problem, 'file'>): void {
    this.problems.push({ file: this.file, ...p });
  }

  /** Reads one data cell into an observation, or counts it as empty, or rejects it with a reason. */
  cell(raw: string, place: CellPlace, key: SeriesKey, extra: Partial<Observation> = {}): void {
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
    // An earlier release (status superseded) may sit beside the value in force; each release once.
    const release = extra.status === 'superseded' ? `\u0000${extra.source ?? ''}` : '';
    const id = `${key.indicator}\u0000${key.regionCode}\u0000${key.year}${release}`;
    const first = this.seen.get(id);
    if (first) {
      return this.reject(place, 'duplicate-value', 'error',
        `${key.region} ${key.year}年「${key.indicator}」重复：第${first.line}行第${first.column}列已有数值`);
    }
    this.seen.set(id, place);
    this.counts.dataCells++;
    this.counts.valuesWritten++;
    this.observations.push({
      ...key,
      value: cell.value,
      decimals: cell.decimals,
      sourceFile: this.file,
      sourceLine: place.line,
      sourceColumn: place.column,
      ...extra,
    });
  }

  /** Rejects one non-empty cell that cannot be read. */
  reject(place: CellPlace, code: string, severity: Problem['severity'], message: string): void {
    this.counts.dataCells++;
    this.counts.cellsRejected++;
    this.problem({ ...place, code, severity, message, cells: 1 });
  }

  /** Rejects a whole row or column of cells for one reason (unknown region, bad year label, …): one problem. */
  rejectMany(cells: string[], place: CellPlace, code: string, message: string, option?: string): void {
    let rejected = 0;
    for (const raw of cells) {
      this.counts.dataCells++;
      if (raw.trim() === '') this.counts.cellsEmpty++;
      else rejected++;
    }
    this.counts.cellsRejected += rejected;
    this.problem({ ...place, code, severity: 'error', message, cells: rejected, ...(option ? { option } : {}) });
  }
}
