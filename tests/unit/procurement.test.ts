// National volume-based procurement by batch: the bundled file loads with its sources, a wrong file stops with
// file:line:column messages, and the chart draws only the stated cuts (snapshot).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { procurementChart, procurementChartText } from '../../src/charts/procurement.ts';
import { batchesWithPriceCut, loadProcurementBatches, parseProcurementBatches, ProcurementDataError } from '../../src/site-data/procurement.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

const SOURCES = new Set(['s-one', 's-two']);

/** A minimal valid batch in YAML, with fields overridden by `extra` lines (indented as list-entry fields). */
function batch(id: string, date: string, extra: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    name_zh: `批次${id}`,
    name_en: `Batch ${id}`,
    date: `'${date}'`,
    drugs: '10',
    price_cut: '50',
    price_cut_basis_zh: '基准',
    price_cut_basis_en: 'baseline',
    cumulative: 'null',
    source: 's-one',
    status: 'single-source',
    note_zh: '说明',
    note_en: 'note',
    ...extra,
  };
  return [
    `  - id: ${id}`,
    ...Object.entries(fields)
      .filter(([, v]) => v !== '<omit>')
      .map(([k, v]) => `    ${k}: ${v}`),
  ].join('\n');
}
const file = (...batches: string[]) => `batches:\n${batches.join('\n')}\n`;
const problemsOf = (text: string) => parseProcurementBatches(text, 'x.yaml', SOURCES).problems;

describe('the bundled procurement batches', () => {
  const { batches, sources } = loadProcurementBatches();

  it('holds every batch announced up to 2025, in order, each with a known source', () => {
    expect(batches.map((b) => b.id)).toEqual([
      'batch-1',
      'batch-1-extension',
      'batch-2',
      'batch-3',
      'batch-4',
      'batch-5',
      'batch-6-insulin',
      'batch-7',
      'batch-8',
      'batch-9',
      'batch-10',
      'batch-11',
    ]);
    for (const b of batches) expect(sources[b.source]?.title, b.id).toBeTruthy();
    expect(batches[0]).toMatchObject({ drugs: 25, price_cut: 52, status: 'cross-checked', source: 'vbp-batch-1-2018' });
  });

  it('keeps the figures as stated: no cut where none was published, cumulative counts only where stated', () => {
    const byId = new Map(batches.map((b) => [b.id, b]));
    expect(byId.get('batch-10')).toMatchObject({ drugs: 62, price_cut: null, cumulative: null });
    expect(byId.get('batch-11')).toMatchObject({ drugs: 55, price_cut: null, cumulative: 490 });
    expect(batches.filter((b) => b.cumulative !== null).map((b) => b.cumulative)).toEqual([112, 218, 294, 333, 374, 490]);
    // A batch without a stated cut has no baseline either.
    for (const b of batches) if (b.price_cut === null) expect(b.price_cut_basis_zh, b.id).toBeUndefined();
  });

  it('agrees with the cumulative-drugs indicator, whose values are the stated cumulative counts', () => {
    const raw = readFileSync('data/raw/reform/national.csv', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('国家组织药品集中采购累计品种数,'))
      .map((l) => Number(l.split(',')[3]));
    for (const value of raw.filter((v) => v !== 25))
      expect(
        batches.some((b) => b.cumulative === value),
        String(value),
      ).toBe(true);
  });
});

describe('a wrong procurement file', () => {
  it('accepts a valid file', () => {
    expect(problemsOf(file(batch('a', '2020-01'), batch('b', '2020-03-05', { cumulative: '20', source: 's-two' })))).toEqual([]);
  });

  it('names the file, line and column of an unknown source', () => {
    const problems = problemsOf(file(batch('a', '2020-01'), batch('b', '2021-01', { source: 'nowhere' })));
    expect(problems).toHaveLength(1);
    // Line 1 is "batches:", each batch takes 13 lines (id and 12 fields); the second batch's source is on line 24.
    expect(problems[0]).toMatch(/^x\.yaml:24:13: 字段 batches\.1\.source：.*nowhere/);
  });

  it('rejects a cut outside 0-100, a bad date, a missing field and an unknown field', () => {
    const problems = problemsOf(
      file(batch('a', '2020-13'), batch('b', '2021-01', { price_cut: '120' }), batch('c', '2021-02', { drugs: '<omit>', extra: 'x' })),
    );
    expect(problems.some((p) => /^x\.yaml:5:11: 字段 batches\.0\.date/.test(p))).toBe(true);
    expect(problems.some((p) => p.includes('batches.1.price_cut'))).toBe(true);
    expect(problems.some((p) => p.includes('batches.2.drugs'))).toBe(true);
    expect(problems.some((p) => p.includes('extra'))).toBe(true);
  });

  it('rejects a baseline without a cut, and a baseline in one language only', () => {
    expect(problemsOf(file(batch('a', '2020-01', { price_cut: 'null' })))[0]).toContain('没有平均降幅');
    expect(problemsOf(file(batch('a', '2020-01', { price_cut_basis_en: '<omit>' })))[0]).toContain('同时有中文和英文');
  });

  it('rejects batches out of order, a repeated id and a falling cumulative count', () => {
    const problems = problemsOf(
      file(batch('a', '2021-05', { cumulative: '100' }), batch('b', '2021-04'), batch('a', '2021-06', { cumulative: '90' })),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/batches\.1\.date：批次应按时间先后排列/);
    expect(problems[1]).toMatch(/batches\.2\.id：批次 id「a」重复/);
    expect(problems[2]).toMatch(/batches\.2\.cumulative：累计品种数 90 小于此前已公布的 100/);
  });

  it('reports a YAML syntax error with its position', () => {
    expect(problemsOf('batches:\n  - id: [a\n')[0]).toMatch(/^x\.yaml:\d+:\d+: YAML 无法解析/);
  });

  it('stops the loader on a wrong bundled file, naming its path and line (schema problems first)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbp-'));
    cpSync('data', dir, { recursive: true });
    const path = join(dir, 'raw/reform/vbp-batches.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('source: vbp-batch-2-2020', 'source: vbp-batch-2-2099').replace('drugs: 45', 'drugs: -45'),
    );
    try {
      expect(() => loadProcurementBatches(dir)).toThrow(ProcurementDataError);
      try {
        loadProcurementBatches(dir);
      } catch (e) {
        const problems = (e as ProcurementDataError).problems;
        expect(problems).toHaveLength(1);
        expect(problems[0]!.startsWith(`${path}:`)).toBe(true);
        expect(problems[0]).toMatch(/:\d+:\d+: 字段 batches\.4\.drugs：/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the price-cut chart', () => {
  const { batches } = loadProcurementBatches();

  it('matches its snapshot', () => {
    const svg = procurementChart({ batches, width: 720, idPrefix: 'procurement' });
    matchSnapshotFile(svg.replace(/></g, '>\n<') + '\n', 'procurement-price-cuts.svg');
  });

  it('draws one bar per stated cut and names the batches without one', () => {
    const drawn = batchesWithPriceCut(batches);
    expect(drawn).toHaveLength(10);
    const svg = procurementChart({ batches, width: 340, idPrefix: 'p' });
    expect(svg.match(/<rect/g)?.length).toBe(drawn.length);
    const { description } = procurementChartText(batches);
    expect(description).toContain('第一批（“4+7”试点）52%');
    expect(description).toContain('未画出（所读来源未给出平均降幅）：第十批、第十一批');
    // Single-source cuts use the light bar.
    expect(svg).toContain('fill="#a9c4e0"');
  });
});
