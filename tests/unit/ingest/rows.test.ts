// Stage 2, rows: rows with their starting lines and cleaned cells (split here, or by Papa Parse where there are
// quotes), and Papa's quote errors surfaced as problems whose swallowed cells are counted.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { CsvRowReader, readCsvRows, type Outside, type RowProblem, type SourceRow } from '../../../src/pipeline/ingest/rows.ts';

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

// Rows of text without quotes are split by the reader itself (RowCells), and a tidy file's UTF-8 is read as its
// bytes: both must give exactly the cells Papa Parse gives, trimmed as String.prototype.trim trims.
describe('RowCells: lines read where they lie', () => {
  const papa = (text: string) =>
    (Papa.parse<string[]>(text, { delimiter: ',', newline: '\n' }).data as string[][])
      .map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }))
      .filter((row) => row.cells.some((c) => c !== ''));
  const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
  function viaRows(text: string, bytes: boolean) {
    const rows: SourceRow[] = [];
    const checks: string[] = [];
    const reader = new CsvRowReader((row) => {
      rows.push(row.toRow());
      // cell, is and fourDigits agree with the cells, whatever is asked first.
      const cells = row.toRow().cells;
      for (let i = -1; i <= cells.length; i++) {
        const cell = i < 0 ? '' : (cells[i] ?? '');
        if (row.cell(i) !== cell) checks.push(`cell ${i} of line ${row.line}`);
        if (!row.is(i, cell) || row.is(i, `${cell}x`)) checks.push(`is ${i} of line ${row.line}`);
        const four = /^\d{4}$/.test(cell) ? Number(cell) : -1;
        if (row.fourDigits(i) !== four) checks.push(`fourDigits ${i} of line ${row.line}`);
      }
      if (row.length !== cells.length) checks.push(`length of line ${row.line}`);
    });
    reader.push(bytes ? asBytes(text) : text, true, bytes);
    return { rows, checks };
  }
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\t',
      '\u00a0',
      '\u3000',
      '\ufeff',
      '\u2028',
      '\u0085',
      '\u0000',
      '2024',
      '6.09',
      '北京市',
      '蠠',
      'Ã¥',
      'å',
      ' 2020 ',
      '2020\u3000',
    ),
    fc.string({ unit: fc.constantFrom('a', '1', ' ', '\t', '中', '\u00a0', '\u3000', '\u00e5', '\u00c3', '\u00a5', 'é', '𠀋'), maxLength: 6 }),
  );
  const line = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(','));
  const text = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join('\n')}\n`);

  it('as characters and as UTF-8 bytes, the same rows as Papa Parse (500 random texts, seeded)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const expected = papa(t);
        for (const bytes of [false, true]) {
          const { rows, checks } = viaRows(t, bytes);
          expect(checks).toEqual([]);
          expect(rows).toEqual(expected);
        }
      }),
      { seed: 24, numRuns: 500 },
    );
  });

  it('a row like the last but for two cells is recognised, and only then (never across bytes and characters)', () => {
    const kept: Outside = { head: undefined, bytes: false, mid: '', tail: '' };
    const results: boolean[] = [];
    const reader = new CsvRowReader((row) => {
      results.push(row.sameOutside(1, 3, kept));
      row.keepOutside(1, 3, kept);
    });
    reader.push('北京市,2020,x,6.09,‰\n北京市,2021,x,6.10,‰\n北京市,2021,y,6.10,‰\n北京市,2022,y,1,‰ \n北京市,2023,y,1,‰ \n', false);
    reader.push(asBytes('北京市,2024,y,1,‰ \n北京市,2025,y,2,‰ \n天津市,2025,y,2,‰ \n'), false, true);
    expect(results).toEqual([false, true, false, false, true, false, true, false]);
  });
});

describe("the CSV parser's errors", () => {
  it("an error of another kind than quotes (should Papa raise one) rejects its row in the parser's words, cells counted", () => {
    // Papa builds its parse method per parser: a parser is made whose parse adds a FieldMismatch error on row 1.
    const Parser = Papa.Parser;
    const spy = vi.spyOn(Papa, 'Parser').mockImplementation(function (config: Papa.ParseConfig) {
      const parser = new Parser(config);
      const parse = parser.parse.bind(parser);
      parser.parse = ((...args: Parameters<typeof parse>) => {
        const result = parse(...args) as unknown as { errors: Papa.ParseError[] };
        result.errors.push({ type: 'FieldMismatch', code: 'TooManyFields', message: 'Too many fields', row: 1 });
        return result;
      }) as typeof parse;
      return parser;
    } as unknown as typeof Papa.Parser);
    try {
      const { rows, problems } = read(['h,"a"\n北京市,6.09,7\n天津市,4.99\n']);
      expect(rows.map((r) => r.line)).toEqual([1, 3]);
      expect(problems).toEqual([
        expect.objectContaining({ code: 'csv-error', line: 2, cells: 2, fatal: false, message: expect.stringContaining('Too many fields') }),
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});
