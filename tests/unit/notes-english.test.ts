// notes-en (issue 17): every text from the data that an English page shows has an English twin. The schema and the
// pipeline require it (a missing one stops `npm run data` naming the file and field, or file:line:column); the
// bundled English says it all in English, keeping only the Chinese publication titles it cites (《…》), and drops
// no figure of its Chinese original. A user's own file (npm run ingest) needs no note_en column.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../src/catalog/load.ts';
import { buildData } from '../../src/pipeline/build-published.ts';
import { shiftDecimal } from '../../src/shared/format/english.ts';
import { ingestFile } from '../../src/pipeline/ingest/ingest-file.ts';
import { conservationErrors } from '../../src/pipeline/ingest/ingest-report.ts';
import { hanOutsideTitles, needsEnglish } from '../../src/shared/i18n/needs-english.ts';

const DATA = new URL('../../data/', import.meta.url).pathname;
const TIDY_FILES = ['raw/reform/national.csv', 'raw/reference/national.csv'];

/** The digit strings of an English text, thousands separators removed. */
function numbers(text: string): string[] {
  return figures(text, false).map((f) => f.digits);
}

/** How many places a count in 万 or 亿 may move its decimal point in English: 万 in millions (136131万人 is 1,361.31
 * million), 亿 in billions or millions (13.6亿人 is 1.36 billion, 8.33亿人 833 million, 46344.9亿元 4,634.49 billion). */
const UNIT_SHIFTS: Record<string, number[]> = { 万: [2], 亿: [1, -2], 億: [1, -2] };

/** The figures of a text, each with the unit 万 or 亿 that follows it in Chinese (optionally 人, 元, 人次 after it). In
 * Chinese, the months (3月, 1-12月) are left out: English names them (March), and 1/10万 counts as the 100,000 English
 * writes. A unit definition (1亿人=10000万人, 10亿=1 billion) explains a conversion and is no figure: it is left out. */
function figures(text: string, chinese: boolean): { digits: string; unit?: string }[] {
  let t = text;
  if (chinese) {
    t = t.replace(/\/10万/g, '/100000').replace(/\d{1,2}(?:-\d{1,2})?(?=月)/g, '');
    t = t.replace(/\d+(?:十亿|万亿|亿|万)(?:人次|人|元)?\s*=\s*\d+\s*(?:十亿|万亿|亿|万|billion)(?:人次|人|元)?/g, '');
  }
  t = t.replace(/(?<=\d),(?=\d{3})/g, '');
  return [...t.matchAll(/(\d+(?:\.\d+)?)(万|亿|億)?/g)].map((m) => ({ digits: m[1]!, unit: chinese ? m[2] : undefined }));
}

/** The ways English may write a Chinese figure: its digits, or a count in 万 or 亿 restated exactly by moving the
 * decimal point (shiftDecimal). Zeros the move adds to a whole number may go: 1800万 is 18 million, 5040万 50.4. */
function englishForms(f: { digits: string; unit?: string }): string[] {
  const forms = [f.digits];
  for (const shift of UNIT_SHIFTS[f.unit ?? ''] ?? []) {
    const moved = shiftDecimal(f.digits, shift);
    forms.push(moved);
    if (!f.digits.includes('.') && moved.includes('.')) forms.push(moved.replace(/\.?0+$/, ''));
  }
  return forms;
}

/** The figures of a Chinese text that its English twin does not restate. */
function missingFigures(zh: string, en: string): string[] {
  const english = numbers(en);
  return figures(zh, true)
    .filter((f) => !englishForms(f).some((form) => english.includes(form)))
    .map((f) => f.digits + (f.unit ?? ''));
}

/** Every pair (where, Chinese, English) of the bundled data that an English page shows. */
function bundledPairs(): { where: string; zh: string; en: string | undefined }[] {
  const pairs: { where: string; zh: string; en: string | undefined }[] = [];
  for (const s of loadCatalog(DATA).sources.values()) {
    if (s.via) pairs.push({ where: `sources/${s.id}.yaml via`, zh: s.via, en: s.via_en });
    s.notes.forEach((note, i) => pairs.push({ where: `sources/${s.id}.yaml notes.${i}`, zh: note, en: s.notes_en[i] }));
  }
  for (const file of TIDY_FILES) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(DATA, file), 'utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    rows.forEach((r, i) => pairs.push({ where: `${file}:${i + 2}`, zh: r.note ?? '', en: r.note_en || undefined }));
  }
  const batches = parseYaml(readFileSync(join(DATA, 'raw/reform/vbp-batches.yaml'), 'utf8')) as {
    batches: { id: string; note_zh: string; note_en: string }[];
  };
  for (const b of batches.batches) pairs.push({ where: `vbp-batches.yaml ${b.id}`, zh: b.note_zh, en: b.note_en });
  return pairs;
}

describe('English twins of the data texts', () => {
  const pairs = bundledPairs().filter((p) => needsEnglish(p.zh));

  it('needsEnglish: Chinese text needs a twin, English text, URLs and ids do not', () => {
    expect(needsEnglish('标题为描述性名称。')).toBe(true);
    expect(needsEnglish('read via NBS export in GitHub lemon1022/BirthTrends @6077ff4')).toBe(false);
    expect(needsEnglish(undefined)).toBe(false);
    expect(hanOutsideTitles('China Statistical Yearbook 2018 《中国统计年鉴2018》')).toEqual([]);
    expect(hanOutsideTitles('reporter 李红梅')).toEqual(['李', '红', '梅']);
  });

  it('every text with Chinese in it has its English twin in the bundled data', () => {
    expect(pairs.length).toBeGreaterThan(500);
    expect(pairs.filter((p) => !p.en).map((p) => p.where)).toEqual([]);
  });

  it('no English twin has Han characters outside the 《…》 titles it cites (apart from file paths in a repository)', () => {
    // A file path is an id: data/分省出生率.csv stays as the repository spells it.
    const outside = (en: string) => hanOutsideTitles(en.replace(/\S*\.csv\b/g, ''));
    expect(pairs.filter((p) => outside(p.en!).length > 0).map((p) => `${p.where}: ${p.en}`)).toEqual([]);
  });

  it('every number of a Chinese text appears in its English twin (a dropped figure fails)', () => {
    const dropped = pairs
      .map((p) => ({ ...p, missing: missingFigures(p.zh, p.en!) }))
      .filter((p) => p.missing.length > 0)
      .map((p) => `${p.where}: ${p.missing.join(', ')}`);
    expect(dropped).toEqual([]);
  });

  it('a count in 万 or 亿 may be restated in millions or billions, exactly; a dropped or misstated figure fails', () => {
    const zh = '参保人数13.6亿人，其中职工3.71亿人，比上年增加1800万人；基金支出21032亿元（1亿人=10000万人）';
    const en =
      'enrolment 1.36 billion people, of whom 371 million employees, 18 million more than the previous year; fund spending 2,103.2 billion yuan';
    expect(missingFigures(zh, en)).toEqual([]);
    expect(missingFigures(zh, en.replace('18 million more', 'more'))).toEqual(['1800万']);
    expect(missingFigures(zh, en.replace('371 million', '37.1 million'))).toEqual(['3.71亿']);
    expect(missingFigures(zh, en.replace('2,103.2 billion', '2,103 billion'))).toEqual(['21032亿']);
    expect(missingFigures('结余43280.0亿元', 'balance 4,328 billion yuan')).toEqual(['43280.0亿']);
  });
});

/** A copy of data/ with one file edited. */
function dataWith(path: string, edit: (old: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'notes-en-'));
  cpSync(DATA, join(root, 'data'), { recursive: true });
  const file = join(root, 'data', path);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const edited = edit(old);
  expect(edited).not.toBe(old);
  writeFileSync(file, edited);
  return root;
}

function catalogProblems(root: string): string[] {
  try {
    loadCatalog(join(root, 'data'));
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems;
  }
  return [];
}

describe('a missing English twin stops the data build', () => {
  it('a source without via_en, its via in Chinese, names the file and the field', () => {
    const root = dataWith('sources/moh-meeting-2011-09-15.yaml', (old) => old.replace(/^via_en: .*\n/m, ''));
    expect(catalogProblems(root)).toContainEqual(expect.stringContaining('sources/moh-meeting-2011-09-15.yaml: 字段 via_en：'));
  });

  it('a source with one English note fewer than its notes names the file and notes_en', () => {
    const root = dataWith('sources/nbs-database-annual-2016.yaml', (old) => old.replace(/^notes_en:\n- .*\n/m, 'notes_en:\n'));
    expect(catalogProblems(root)).toContainEqual(
      expect.stringMatching(/sources\/nbs-database-annual-2016\.yaml: 字段 notes_en：notes_en 应与 notes 一一对应：notes 有 3 条，notes_en 有 2 条/),
    );
  });

  it('a bundled value whose Chinese note has no note_en is rejected at its file:line:column', async () => {
    const root = dataWith('raw/reference/zz-notes.csv', () =>
      [
        'indicator,region,year,value,unit,source,status,note,note_en',
        '人口出生率,全国,2031,6.1,‰,nbs-database-annual-2023,single-source,年鉴原书未直接查阅,',
        '',
      ].join('\n'),
    );
    const r = await buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root);
    const mine = r.problems.filter((p) => p.file.endsWith('zz-notes.csv'));
    expect(mine.map((p) => [p.code, p.line, p.column])).toEqual([['note-without-english', 2, 4]]);
    for (const report of r.reports) expect(conservationErrors(report)).toEqual([]);
  });

  it('the bundled English note reaches the series JSON and the tidy download, with its Table Schema field', async () => {
    const r = await buildData(loadCatalog(DATA), join(DATA, 'raw'), join(DATA, '..'));
    const file = (path: string) => JSON.parse(String(r.files.get(path))) as unknown;
    const series = file('downloads/medical-insurance-coverage-rate.json') as { values: { note?: string; note_en?: string }[] };
    const noted = series.values.filter((v) => needsEnglish(v.note));
    expect(noted.length).toBeGreaterThan(0);
    for (const v of noted) expect(v.note_en).toBeTruthy();
    const pkg = file('downloads/datapackage.json') as { resources: { name: string; schema: { fields: { name: string; title: string }[] } }[] };
    const fields = pkg.resources.find((x) => x.name === 'medical-insurance-coverage-rate')!.schema.fields;
    expect(fields.map((f) => f.name).slice(-3)).toEqual(['note', 'note_en', 'earlier_releases']);
    expect(fields.find((f) => f.name === 'note_en')?.title).toBe('说明（英文）');
    const csv = String(r.files.get('downloads/medical-insurance-coverage-rate.csv'));
    expect(csv.split('\n')[0]).toContain(',note,note_en,');
  });
});

describe('npm run ingest on a user file', () => {
  const write = (content: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-en-ingest-'));
    writeFileSync(join(dir, 'mine.csv'), content);
    return join(dir, 'mine.csv');
  };

  it('reads a file without note_en: the Chinese note stays, nothing is rejected', async () => {
    const r = await ingestFile(write('indicator,region,year,value,unit,note\n人口出生率,全国,2020,8.5,‰,本地统计\n'));
    expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.observations.map((o) => [o.note, o.note_en])).toEqual([['本地统计', undefined]]);
  });

  it('reads the note_en column when there is one', async () => {
    const r = await ingestFile(write('indicator,region,year,value,unit,note,note_en\n人口出生率,全国,2020,8.5,‰,本地统计,local statistics\n'));
    expect(r.observations.map((o) => o.note_en)).toEqual(['local statistics']);
  });
});
