// The command a user runs: `npm run ingest -- <files or folders> --out <dir>`: tidy CSVs with exactly the
// documented columns, report.json, one stderr line per problem, exit status 0 only when every file was read.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

const SCRIPT = new URL('../../scripts/ingest.ts', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

// Each test starts the command (Node start-up, a worker): on a loaded machine that takes seconds.
describe('npm run ingest', { timeout: 30_000 }, () => {
  it('writes tidy rows with exactly the documented columns, and exits 0 when every file was read', () => {
    const out = mkdtempSync(join(tmpdir(), 'ingest-'));
    const r = run(FIXTURES + 'classic-gbk-provincial.csv', FIXTURES + 'new-cross-section.csv', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(readdirSync(out).sort()).toEqual(['classic-gbk-provincial.csv', 'new-cross-section.csv', 'report.json']);
    const csv = readFileSync(join(out, 'classic-gbk-provincial.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('\ufeffindicator,unit,region_code,region,year,value,source_file,source_line');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({
      indicator: '人口出生率',
      unit: '‰',
      region_code: '110000',
      region: '北京市',
      year: '2024',
      value: '6.09',
      source_line: '5',
    });
    expect(rows.find((x) => x.region_code === '120000' && x.year === '2021')?.value).toBe('5.30'); // decimals as written
    matchSnapshotFile(csv.replaceAll(FIXTURES, 'tests/fixtures/ingest/'), 'ingest/classic-gbk-provincial.csv');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.totals).toEqual({ files: 2, refused: 0, dataCells: 21, valuesWritten: 18, cellsEmpty: 3, cellsRejected: 0, problems: 0 });
    expect(report.files[1]).toMatchObject({ encoding: 'utf-8-bom', format: 'nbs-new', layout: 'cross-section', output: 'new-cross-section.csv' });
  });

  it('reads a folder, prints one line per problem with file:line:column, exits non-zero when a file was refused', () => {
    const out = mkdtempSync(join(tmpdir(), 'ingest-'));
    const r = run(FIXTURES, '--out', out);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`${FIXTURES}bad-cells.csv:5:3: 错误[bad-number]: 应为数值，实际为「abc」`);
    expect(lines.find((l) => l.includes('stripped-national.csv'))).toMatch(/:1:1: 错误\[missing-region\].*--region/);
    expect(lines.find((l) => l.includes('spreadsheet.xlsx'))).toMatch(/spreadsheet-refused.*CSV/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    // One line per problem, and one naming what the folder holds that is not read (its README).
    expect(lines.filter((l) => /: (错误|警告)\[/.test(l))).toHaveLength(report.totals.problems);
    expect(lines).toContain(`${FIXTURES}: 跳过 1 个不读取的文件（.md 1 个）：只读取 .csv .txt .xls .xlsx .xlsm .xlsb .ods .et`);
    expect(lines).toHaveLength(report.totals.problems + 1);
    const { dataCells, valuesWritten, cellsEmpty, cellsRejected } = report.totals;
    expect(dataCells).toBe(valuesWritten + cellsEmpty + cellsRejected);
    expect(report.files.map((f: { file: string }) => f.file)).toHaveLength(readdirSync(FIXTURES).filter((f) => f !== 'README.md').length);
  });

  it('supplies what a file lacks from the command line', () => {
    const out = mkdtempSync(join(tmpdir(), 'ingest-'));
    const r = run(FIXTURES + 'stripped-national.csv', '--region', '全国', '--out', out);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'stripped-national.csv'), 'utf8')).toContain('人口出生率,‰,100000,全国,2022,6.77,');
  });

  it('usage errors are one clear message, not a stack trace', () => {
    for (const args of [[FIXTURES + 'tidy-long.csv'], ['--out', '/tmp/x'], [FIXTURES, '--out', '/tmp/x', '--year', 'abc'], ['--bogus']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('用法：npm run ingest');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses to run on an old Node with one line', () => {
    const check = new URL('../../scripts/check-node.mjs', import.meta.url).pathname;
    expect(execFileSync(process.execPath, [check], { encoding: 'utf8' })).toBe('');
  });
});
