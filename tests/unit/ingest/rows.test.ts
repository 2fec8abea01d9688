// Stage 2, rows: Papa Parse's rows with their starting lines, cleaned cells, and its quote errors surfaced as
// problems whose swallowed cells are counted.
import { describe, expect, it } from 'vitest';
import { CsvRowReader, readCsvRows, type RowProblem, type SourceRow } from '../../../src/pipeline/ingest/rows.ts';

function read(pieces: string[]): { rows: SourceRow[]; problems: RowProblem[] } {
  const rows: SourceRow[] = [];
  const problems: RowProblem[] = [];
  const reader = new CsvRowReader(
    (row) => rows.push({ line: row.line, cells: [...row.cells] }),
    (p) => problems.push(p),
  );
  for (const piece of pieces) reader.push(piece);
  reader.end();
  return { rows, problems };
}

describe('CsvRowReader', () => {
  it('names the line each row starts on, across multi-line quoted notes and mixed line ends', () => {
    const rows = readCsvRows('a,b\r\n"注：1.\n2.",x\nc\t,d \t\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['注：1.\n2.', 'x'] },
      { line: 4, cells: ['c', 'd'] },
    ]);
  });

  it('gives the same rows however the text is cut into pieces', () => {
    const text = 'h,1\n"q,\nr",2\nz,3\n';
    const whole = read([text]).rows;
    for (let cut = 1; cut < text.length; cut++) expect(read([text.slice(0, cut), text.slice(cut)]).rows).toEqual(whole);
  });

  it('a quote never closed rejects its row and counts every piece it swallowed', () => {
    const { rows, problems } = read(['h,2024\n"北京,6.09\n天津,4.99\n']);
    expect(rows).toEqual([{ line: 1, cells: ['h', '2024'] }]);
    expect(problems).toEqual([expect.objectContaining({ code: 'unclosed-quote', line: 2, column: 1, cells: 3, fatal: false })]);
  });
});
