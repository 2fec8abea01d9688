// Catalog errors name the file and the field; validation rejects what cannot be published, with its place,
// and keeps the counts reconciled.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, MAX_YAML_BYTES } from '../../src/catalog/load.ts';
import { buildData } from '../../src/pipeline/build-published.ts';
import { conservationErrors } from '../../src/pipeline/ingest/ingest-report.ts';
import { catalogProblems, DATA, dataWith } from '../helpers/data-copy.ts';

describe('catalog', () => {
  it('the bundled catalog loads: every indicator has a unit, an area and known sources', () => {
    const catalog = loadCatalog(DATA);
    expect(catalog.indicators.length).toBeGreaterThanOrEqual(13);
    for (const i of catalog.indicators) for (const s of i.sources) expect(catalog.sources.has(s)).toBe(true);
  });

  it('a wrong field type names the file and the field', () => {
    const root = dataWith('catalog/birth-rate.yaml', (s) => s.replace('decimals: 2', 'decimals: two'));
    expect(catalogProblems(root)).toEqual([expect.stringMatching(/catalog\/birth-rate\.yaml: 字段 decimals：/)]);
  });

  it('an unknown area, a missing unit and an unknown key are each named', () => {
    const root = dataWith('catalog/birth-rate.yaml', (s) =>
      s
        .replace('area: outcomes', 'area: happiness')
        .replace(/^unit: .*$/m, '')
        .concat('colour: red\n'),
    );
    const problems = catalogProblems(root).join('\n');
    expect(problems).toMatch(/birth-rate\.yaml: 字段 area：/);
    expect(problems).toMatch(/birth-rate\.yaml: 字段 unit：/);
    expect(problems).toMatch(/birth-rate\.yaml: 字段 \(整个文件\)：.*colour/);
  });

  // notes-en: English notes and break notes are required, and the notes one for one (issue 17).
  it('a series break without note_en names the file and the break', () => {
    const root = dataWith('catalog/birth-rate.yaml', (s) => s.replace(/^ {2}note_en: .*\n/m, ''));
    expect(catalogProblems(root)).toEqual([expect.stringMatching(/catalog\/birth-rate\.yaml: 字段 breaks\.0\.note_en：/)]);
  });

  it('notes_en shorter than notes names the file, the field and both counts', () => {
    const root = dataWith('catalog/birth-rate.yaml', (s) => s.replace(/^(notes_en:\n- .*\n)- .*\n/m, '$1'));
    expect(catalogProblems(root)).toEqual([expect.stringMatching(/catalog\/birth-rate\.yaml: 字段 notes_en：.*notes 有 3 条，notes_en 有 2 条/)]);
  });

  it('a source id that does not exist, an id unlike the file name, and broken YAML', () => {
    expect(catalogProblems(dataWith('catalog/death-rate.yaml', (s) => s.replace('- nbs-database-annual-2023', '- no-such-source')))).toEqual([
      expect.stringMatching(/death-rate\.yaml: 字段 sources\.\d：.*no-such-source/),
    ]);
    expect(catalogProblems(dataWith('catalog/death-rate.yaml', (s) => s.replace('id: death-rate', 'id: mortality')))).toEqual([
      expect.stringMatching(/death-rate\.yaml: 字段 id：应与文件名一致/),
    ]);
    // Broken YAML is named with its line; the indicators that cite that source then say so too.
    expect(catalogProblems(dataWith('sources/nhc-bulletin-2023.yaml', 'title: [unclosed\n'))[0]).toMatch(
      /nhc-bulletin-2023\.yaml: YAML 无法解析：.*line 2/,
    );
  });
});

describe('catalog files that are not files', () => {
  // Each is read without blocking and refused in one line naming the file: a FIFO would otherwise wait for a
  // writer forever, /dev/zero never ends, and bytes that are not UTF-8 would turn into U+FFFD unseen.
  function replaced(name: string, make: (path: string) => void): string {
    const root = dataWith('catalog/birth-rate.yaml', (old) => old);
    const target = join(root, 'data', 'catalog', name);
    rmSync(target, { force: true });
    make(target);
    return root;
  }
  it.each([
    ['a FIFO', (p: string) => spawnSync('mkfifo', [p]), '不是普通文件'],
    // (refused as a link out of data/ before it is opened: hostile25)
    ['a link to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), '链接指向数据目录之外（/dev/zero）'],
    ['a folder', (p: string) => mkdirSync(p), '这是一个文件夹'],
    ['GBK bytes', (p: string) => writeFileSync(p, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xb3, 0xf6, 0xc9, 0xfa, 0x0a])), '不是 UTF-8 文本'],
    ['a file over the limit', (p: string) => writeFileSync(p, `# ${'x'.repeat(MAX_YAML_BYTES)}\n`), '文件过大'],
    ['a dangling link', (p: string) => symlinkSync('nowhere.yaml', p), '文件不存在'],
  ])('%s in data/catalog is refused in one line with its file', (_, make, words) => {
    const problems = catalogProblems(replaced('birth-rate.yaml', make));
    const line = problems.find((p) => p.includes('birth-rate.yaml'));
    expect(line).toMatch(/catalog\/birth-rate\.yaml: 无法读取：/);
    expect(line).toContain(words);
  });
});

describe('validation of the bundled raw data', () => {
  const line = 'indicator,region,year,value,unit,source,status,note\n';
  const build = async (csv: string) => {
    const root = dataWith('raw/reference/zz-extra.csv', line + csv);
    return buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root);
  };
  const codes = (r: Awaited<ReturnType<typeof build>>) =>
    r.problems.filter((p) => p.file.endsWith('zz-extra.csv')).map((p) => [p.code, p.line, p.column]);

  it('a unit that changed, an unknown indicator, an unknown source, a bad status, a second value in force', async () => {
    const r = await build(
      [
        '人口出生率,全国,2030,0.7,%,nbs-database-annual-2023,single-source,',
        '幸福指数,全国,2024,1,分,nbs-database-annual-2023,single-source,',
        '人口死亡率,全国,2030,7.1,‰,somewhere,single-source,',
        '人口死亡率,全国,2031,7.1,‰,nbs-database-annual-2023,guessed,',
        '人口出生率,全国,2024,6.77,‰,nbs-population-release-2024,cross-checked,',
      ].join('\n'),
    );
    expect(codes(r)).toEqual([
      ['unit-mismatch', 2, 4],
      ['unknown-indicator', 3, 4],
      ['unknown-source', 4, 4],
      ['bad-status', 5, 4],
      ['duplicate-value', 6, 4],
    ]);
    expect(r.problems.find((p) => p.code === 'unit-mismatch')!.message).toBe('「人口出生率」的单位应为 ‰，实际为 %');
    for (const report of r.reports) expect(conservationErrors(report)).toEqual([]);
  });

  it('a comparator that is not one of the five stops the value at its own column; a valid one is published with the value', async () => {
    const root = dataWith(
      'raw/reference/zz-bounds.csv',
      [
        'indicator,region,year,value,unit,source,status,comparator,note',
        '基本医疗保险参保率,全国,2030,95,%,nhsa-bulletin-2024,single-source,≥,',
        '基本医疗保险参保率,全国,2010,95,%,nhsa-bulletin-2024,single-source,>=,',
      ].join('\n') + '\n',
    );
    const r = await buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root);
    const mine = r.problems.filter((p) => p.file.endsWith('zz-bounds.csv'));
    expect(mine.map((p) => [p.code, p.line, p.column])).toEqual([['bad-comparator', 2, 8]]);
    expect(mine[0]!.message).toContain('实际为「≥」');
    const series = JSON.parse(String(r.files.get('series/medical-insurance-coverage-rate.json'))) as {
      values: { year: number; comparator?: string }[];
    };
    expect(series.values.find((v) => v.year === 2010)?.comparator).toBe('>=');
    for (const report of r.reports) expect(conservationErrors(report)).toEqual([]);
  });
});
