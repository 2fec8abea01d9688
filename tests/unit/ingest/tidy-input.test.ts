// Stage 3 for tidy long files: the reader works texts out once per run of equal ones (a speed trick), so these
// pin that a change in any one text between rows of one series still reaches the observation, and that a
// writer handed one refilled observation (keepsNothing) gets the same values as one that keeps them.
import { describe, expect, it } from 'vitest';
import { FileCollector } from '../../../src/pipeline/ingest/observations.ts';
import { CsvRowReader, readCsvRows } from '../../../src/pipeline/ingest/rows.ts';
import { TidyLongReader } from '../../../src/pipeline/ingest/tidy-input.ts';
import type { Observation } from '../../../src/pipeline/types.ts';

const TEXT = [
  'indicator,region_code,region,year,value,unit,source,status,note,note_en,comparator',
  '出生率,110000,北京市,2020,6.98,‰,公报,,,,',
  '出生率,110000,北京市,2021,6.35,‰,公报,superseded,初步,preliminary,',
  '出生率,110000,北京市,2021,6.40,‰,年鉴,,,,<',
  '出生率,120000,天津市,2021,5.30,‰,年鉴,,注,note,',
  '出生率,120000,天津市,2022,5.00,‰,年鉴,,注,,',
  '出生率,120000,,2023,4.90,%,年鉴,,,,',
].join('\n');

function read(keepsNothing: boolean): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  // Each observation is copied at once: a sink that keeps nothing gets the same object every time.
  const out = new FileCollector('t.csv', { add: (o: Observation) => seen.push({ ...o }), keepsNothing });
  const [headerLine, ...lines] = TEXT.split('\n');
  const reader = new TidyLongReader(readCsvRows(headerLine!)[0]!, {}, out);
  // Rows as the file reader hands them on: one refilled row, its cells read where they lie in the text.
  const rows = new CsvRowReader((row) => reader.row(row));
  rows.push(lines.join('\n'), true);
  reader.end();
  // Absent fields are left out either way, so the two kinds of sink can be compared.
  return seen.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

describe('TidyLongReader', () => {
  it('a text that changes between rows of one series reaches the observation (source, status, notes, comparator, place, unit)', () => {
    const rows = read(false);
    expect(rows.map((o) => [o.region, o.year, o.unit, o.source, o.status, o.note, o.note_en, o.comparator])).toEqual([
      ['北京市', 2020, '‰', '公报', undefined, undefined, undefined, undefined],
      ['北京市', 2021, '‰', '公报', 'superseded', '初步', 'preliminary', undefined],
      ['北京市', 2021, '‰', '年鉴', undefined, undefined, undefined, '<'],
      ['天津市', 2021, '‰', '年鉴', undefined, '注', 'note', undefined],
      ['天津市', 2022, '‰', '年鉴', undefined, '注', undefined, undefined],
      ['天津市', 2023, '%', '年鉴', undefined, undefined, undefined, undefined],
    ]);
  });

  it('a sink that keeps nothing gets the same observations as one that keeps them', () => {
    expect(read(true)).toEqual(read(false));
  });
});
