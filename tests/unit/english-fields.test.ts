// The English edition shows every indicator's definition, every source's English title and publisher, every
// event's issuer and every reason a target is not drawn, so a missing English field stops the build, naming the
// file and the field, instead of leaving a Chinese gap on an English page.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../src/catalog/load.ts';
import { loadTargets } from '../../src/catalog/load-targets.ts';

const DATA = new URL('../../data/', import.meta.url).pathname;
const ids = new Set(loadCatalog(DATA).indicators.map((i) => i.id));

/** A copy of data/ with one line removed from one file. */
function dataWithout(path: string, line: RegExp): string {
  const root = mkdtempSync(join(tmpdir(), 'english-'));
  cpSync(DATA, join(root, 'data'), { recursive: true });
  const file = join(root, 'data', path);
  const old = readFileSync(file, 'utf8');
  const edited = old.replace(line, '');
  expect(edited).not.toBe(old); // the line was there: the test removes something real
  writeFileSync(file, edited);
  return join(root, 'data');
}

function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems;
  }
  return [];
}

describe('English fields are required', () => {
  it.each([
    ['catalog/birth-rate.yaml', /^definition_en: .*\n/m, 'definition_en'],
    ['catalog/birth-rate.yaml', /^name_en: .*\n/m, 'name_en'],
    ['catalog/birth-rate.yaml', /^unit_en: .*\n/m, 'unit_en'],
    // notes-en: the notes and each series break's note (issue 17)
    ['catalog/birth-rate.yaml', /^notes_en:\n(- .*\n)+/m, 'notes_en'],
    ['catalog/birth-rate.yaml', /^ {2}note_en: .*\n/m, 'breaks.0.note_en'],
    ['sources/nbs-communique-2017.yaml', /^title_en: .*\n/m, 'title_en'],
    ['sources/nbs-communique-2017.yaml', /^title_en_by: .*\n/m, 'title_en_by'],
    ['sources/nbs-communique-2017.yaml', /^publisher_en: .*\n/m, 'publisher_en'],
    // notes-en: a source's via in Chinese and its notes (issue 17)
    ['sources/moh-meeting-2011-09-15.yaml', /^via_en: .*\n/m, 'via_en'],
    ['sources/nbs-database-annual-2016.yaml', /^notes_en:\n(- .*\n)+/m, 'notes_en'],
  ])('%s without %s', (path, line, field) => {
    const root = dataWithout(path, line);
    expect(problems(() => loadCatalog(root))).toContainEqual(expect.stringContaining(`${path}: 字段 ${field}：`));
  });

  it.each([
    ['events/2009.yaml', /^ {4}issuer_en: .*\n/m, /events\/2009\.yaml: 字段 events\.0\.issuer_en：/],
    ['events/2009.yaml', /^ {6}publisher_en: .*\n/m, /events\/2009\.yaml: 字段 events\.0\.source\.publisher_en：/],
    ['events/2009.yaml', /^ {4}summary_en: .*\n/m, /events\/2009\.yaml: 字段 events\.0\.summary_en：/],
    ['targets/healthy-china-2030.yaml', /^ {4}summary_en: .*\n/m, /healthy-china-2030\.yaml: 字段 targets\.0\.summary_en：/],
    ['targets/family-doctor-2016.yaml', /^ {4}not_drawn_reason_en: .*\n/m, /family-doctor-2016\.yaml: 字段 targets\.\d+\.not_drawn_reason_en：/],
  ])('%s without %s', (path, line, expected) => {
    const root = dataWithout(path, line);
    expect(problems(() => loadTargets(root, ids))).toContainEqual(expect.stringMatching(expected));
  });

  it('the bundled data has an English title for every source, marked official or ours', () => {
    const sources = [...loadCatalog(DATA).sources.values()];
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((s) => s.title_en_by === 'official').map((s) => s.id)).toEqual([
      'china-statistical-yearbook-2018',
      'mof-budget-report-2013',
      'mof-budget-report-2014',
      'nbs-communique-2017',
      'nhfpc-yearbook-2014',
      'scio-white-paper-health-2012',
      'scio-white-paper-public-health-2017',
      'scio-white-paper-right-to-development-2016',
    ]);
  });

  // notes-en: the English notes say it all in English; only the Chinese publication titles they cite stay Chinese.
  it('every English note and break note is free of CJK characters outside 《》 titles, one for one with the Chinese', () => {
    const indicators = loadCatalog(DATA).indicators;
    const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
    const outsideTitles = (text: string) => text.replace(/《[^《》]*》/g, '');
    const offending: string[] = [];
    let notes = 0;
    let breaks = 0;
    for (const i of indicators) {
      expect(i.notes_en.length, i.id).toBe(i.notes.length);
      for (const note of i.notes_en) if (CJK.test(outsideTitles(note))) offending.push(`${i.id}: ${note}`);
      for (const b of i.breaks) if (CJK.test(outsideTitles(b.note_en))) offending.push(`${i.id} ${b.year}: ${b.note_en}`);
      notes += i.notes_en.length;
      breaks += i.breaks.length;
    }
    expect(offending).toEqual([]);
    expect(notes).toBeGreaterThanOrEqual(141);
    expect(breaks).toBeGreaterThanOrEqual(21);
    // The test can fail: a Chinese note is caught, a cited title is not.
    expect(CJK.test(outsideTitles(indicators[0]!.notes[0]!))).toBe(true);
    expect(CJK.test(outsideTitles('See 《中国卫生健康统计年鉴》 (China Health Statistics Yearbook).'))).toBe(false);
  });
});
