// Seeded property test (fast-check): a few hundred mutations of the real exports and of the wide fixtures
// (flipped bytes, deleted or duplicated lines, inserted quotes, commas and tabs) are ingested, and each is judged
// by an oracle that shares no code with the pipeline: it splits the text naively and counts the numeric cells
// of the table body. A file that is read must account for at least that many cells (written or rejected with a
// problem), its counts must reconcile, and every value written must be the number at its line and column.
import { readFileSync, readdirSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../../src/pipeline/ingest/ingest-file.ts';
import { conservationErrors } from '../../../src/pipeline/ingest/ingest-report.ts';
import { CORPUS, FIXTURES, SHARED_PRESENT } from '../../helpers/fixtures.ts';

const WIDE_FIXTURES = [
  'classic-gbk-provincial.csv',
  'classic-gbk-national.csv',
  'new-cross-section.csv',
  'new-utf8-tab-no-indicator.csv',
  'stripped-provincial-short-names.csv',
  'quoted-trailing-spaces.csv',
  'wrong-province-names.csv',
  'missing-and-empty-year-columns.csv',
  'city-single-region-compound-unit.csv',
];
const inputs: [string, Uint8Array][] = [
  ...WIDE_FIXTURES.map((f): [string, Uint8Array] => [f, readFileSync(FIXTURES + f)]),
  ...(SHARED_PRESENT ? readdirSync(CORPUS).filter((f) => f.endsWith('.csv') && !f.includes('季度')) : []).map((f): [string, Uint8Array] => [
    f,
    readFileSync(CORPUS + f),
  ]),
];
// What any of these files may lack, supplied the way a user would (a file that has it ignores the option).
const OPTIONS = { indicator: '合成指标(亿元)', region: '全国', year: 2024 };

/** The oracle's text: UTF-8 when valid, else GB18030 (the only two encodings the exports use). */
function text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const token = (cell: string) => cell.replace(/["\t\s\u3000]/g, '');
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Lines split naively on commas (no quote handling); the table body: after the header lines and the table header, before the footer. */
function body(source: string): { line: number; cells: string[] }[] {
  const lines = source.split(/\r\n|\n|\r/).map((l, i) => ({ line: i + 1, cells: l.split(',').map(token) }));
  let at = 0;
  while (at < lines.length && /^(数据库|指标|时间|地区)[：:]/.test(lines[at]!.cells[0] ?? '')) at++;
  const rows = [];
  for (const row of lines.slice(at + 1)) {
    if (/^(注|数据来源|资料来源|说明)/.test(row.cells[0] ?? '')) break;
    rows.push(row);
  }
  return rows;
}

function oracleCount(source: string): number {
  let n = 0;
  for (const row of body(source)) for (let c = 1; c < row.cells.length; c++) if (NUMERIC.test(row.cells[c]!)) n++;
  return n;
}

type Mutation = { kind: 'flip' | 'delete-line' | 'duplicate-line' | 'insert'; at: number; byte: number; insert: string };
const mutation = fc.record({
  kind: fc.constantFrom('flip', 'delete-line', 'duplicate-line', 'insert', 'insert', 'insert') as fc.Arbitrary<Mutation['kind']>,
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
  insert: fc.constantFrom('"', ',', '\t', '\n', '""', ',,', '"\n'),
});

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : m.at % bytes.length;
  if (m.kind === 'flip') {
    const copy = Uint8Array.from(bytes);
    copy[at] = m.byte;
    return copy;
  }
  if (m.kind === 'insert') return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.insert), bytes.subarray(at)]);
  // Whole lines: find the line holding byte `at`.
  const start = bytes.lastIndexOf(0x0a, at - 1) + 1;
  const nl = bytes.indexOf(0x0a, at);
  const end = nl === -1 ? bytes.length : nl + 1;
  const line = bytes.subarray(start, end);
  return m.kind === 'delete-line'
    ? Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)])
    : Buffer.concat([bytes.subarray(0, end), line, bytes.subarray(end)]);
}

describe('conservation under mutation (seeded)', () => {
  // A few hundred readings: about 2 s alone, several times that on a busy machine, hence its own timeout.
  it('every numeric cell of the table is written or rejected with a problem; written values are the cells themselves', { timeout: 60_000 }, () => {
    let read = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: inputs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const [name, original] = inputs[which]!;
        const bytes = mutations.reduce(mutate, original);
        const r = ingestBytes(bytes, name, OPTIONS);
        expect(conservationErrors(r.report)).toEqual([]);
        if (r.report.status === 'refused') {
          expect(r.report.problems.some((p) => p.severity === 'error')).toBe(true);
          return;
        }
        read++;
        const source = text(bytes);
        const { valuesWritten, cellsRejected } = r.report.counts;
        // The report's count of values written is the number of rows written (hostile25i: a workbook sheet
        // refused at its end made them differ).
        expect(r.observations).toHaveLength(valuesWritten);
        expect(valuesWritten + cellsRejected).toBeGreaterThanOrEqual(oracleCount(source));
        // Values are never changed: on lines the naive split reads correctly (no quotes), the cell is the value.
        const lines = source.split(/\r\n|\n|\r/);
        for (const o of r.observations) {
          const line = lines[o.sourceLine - 1] ?? '';
          if (line.includes('"')) continue;
          expect(Number(token(line.split(',')[o.sourceColumn - 1] ?? ''))).toBe(o.value);
        }
      }),
      { seed: 20261202, numRuns: 400 },
    );
    // The property must bite: most mutated files are still read, not refused.
    expect(read).toBeGreaterThan(150);
  });

  // hostile25i: each export as a workbook sheet (its cells as text, split by Papa Parse, not by the pipeline),
  // followed by a sheet that is refused: the workbook writes what the CSV writes, no more and no fewer, and its
  // report counts the rows it wrote (a refused second sheet wiped the first one's counts).
  it.each(inputs.map(([name]) => name))('%s as a sheet beside a refused sheet writes what the CSV writes', (name) => {
    const bytes = inputs.find(([n]) => n === name)![1];
    const alone = ingestBytes(bytes, name, OPTIONS);
    const rows = Papa.parse<string[]>(text(bytes), { skipEmptyLines: false }).data;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'export');
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['x', 'y'],
        ['a', '1'],
      ]),
      'refused',
    );
    const r = ingestBytes(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })), 'book.xlsx', OPTIONS);
    expect(conservationErrors(r.report)).toEqual([]);
    expect(r.observations).toHaveLength(r.report.counts.valuesWritten);
    expect(r.report.sheets?.map((s) => s.status)).toEqual([alone.report.status, 'refused']);
    expect(r.observations.map((o) => o.value.toFixed(o.decimals))).toEqual(alone.observations.map((o) => o.value.toFixed(o.decimals)));
  });

  it('the oracle counts what it should on an unmutated export', () => {
    expect(oracleCount(text(readFileSync(FIXTURES + 'classic-gbk-provincial.csv')))).toBe(12);
  });
});
