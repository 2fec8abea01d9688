// Stage 4, observations: each cell is written, counted empty, or rejected with a reason and its place, and the
// counts reconcile; duplicates and the 8x outlier warning are settled at the end.
import { describe, expect, it } from 'vitest';
import { conservationErrors } from '../../../src/pipeline/ingest/ingest-report.ts';
import { FileCollector } from '../../../src/pipeline/ingest/observations.ts';
import type { FileReport, Observation } from '../../../src/pipeline/types.ts';

const key = (year: number) => ({ indicator: '出生率', unit: '‰', regionCode: '100000', region: '全国', year });

describe('FileCollector', () => {
  it('writes, counts empties, rejects bad cells and duplicates, and the counts reconcile', () => {
    const written: Observation[] = [];
    const out = new FileCollector('c.csv', { add: (o) => written.push(o) });
    out.cell('6.09', { line: 2, column: 2 }, key(2024));
    out.cell('', { line: 2, column: 3 }, key(2023));
    out.cell('abc', { line: 2, column: 4 }, key(2022));
    out.cell('—', { line: 2, column: 5 }, key(2021));
    out.cell('6.10', { line: 3, column: 2 }, key(2024));
    // The second reading finds where the duplicate first appeared; here we tell the collector directly.
    const followUp = out.finish()!;
    followUp.first.set('出生率\u0000100000\u00002024', { line: 2, column: 2, sheet: undefined, value: '6.09' });
    out.settle(followUp);
    expect(written.map((o) => [o.value, o.decimals])).toEqual([[6.09, 2]]);
    expect(out.counts).toEqual({ dataCells: 5, valuesWritten: 1, cellsEmpty: 1, cellsRejected: 3 });
    expect(out.problems.map((p) => p.code)).toEqual(['bad-number', 'missing-marker', 'duplicate-value']);
    expect(out.problems[2]!.message).toContain('第2行第2列已有数值 6.09，此处为 6.10（不同）');
    const report = { file: 'c.csv', status: 'read', header: {}, series: [], counts: out.counts, problems: out.problems } as FileReport;
    expect(conservationErrors(report)).toEqual([]);
  });

  it('warns on a value 8x both neighbours, keeping it', () => {
    const written: Observation[] = [];
    const out = new FileCollector('o.csv', { add: (o) => written.push(o) });
    [10, 200, 11].forEach((v, i) => out.cell(String(v), { line: 2, column: i + 2 }, key(2014 + i)));
    expect(out.finish()).toBeUndefined();
    expect(written).toHaveLength(3);
    expect(out.problems).toEqual([expect.objectContaining({ code: 'outlier', severity: 'warning', line: 2, column: 3 })]);
  });
});
