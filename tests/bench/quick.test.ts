// `npm run bench` at its smallest (--quick): every section is measured and written, the figures are real
// numbers, and every budget is evaluated. Plus the bench's pure parts: page kinds, spreads, budgets.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateBudgets, LIMITS } from '../../scripts/bench/budgets.ts';
import type { BuildFigure } from '../../scripts/bench/build.ts';
import type { IngestFigure } from '../../scripts/bench/ingestion.ts';
import { CATEGORIES, CHROMIUM } from '../../scripts/bench/lighthouse.ts';
import { pageKind } from '../../scripts/bench/page-weight.ts';
import type { BenchReport } from '../../scripts/bench/bench-report.ts';
import { spread } from '../../scripts/bench/stats.ts';

const SCRIPT = new URL('../../scripts/bench/index.ts', import.meta.url).pathname;

/** Every number anywhere in `value`, with its path. */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

describe('npm run bench -- --quick', () => {
  it('measures every section, writes JSON and Markdown, evaluates every budget, exits 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-test-'));
    const run = spawnSync(process.execPath, [SCRIPT, '--quick', '--out', out], { encoding: 'utf8', timeout: 170_000 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as BenchReport;
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');

    // Ingestion: both formats at both sizes, real speeds and memory.
    expect(report.ingestion!.map((f) => [f.format, f.sizeMb])).toEqual([
      ['classic GBK provincial exports', 0.1],
      ['classic GBK provincial exports', 1],
      ['county-level tidy long CSV', 0.1],
      ['county-level tidy long CSV', 1],
    ]);
    for (const f of report.ingestion!) {
      expect(f.mbPerSecond.median).toBeGreaterThan(0);
      // Values a second and MB a second come from the same runs: their ratio is the input's bytes per value.
      expect(f.valuesPerSecond.median / f.mbPerSecond.median / (f.totals.dataCells / (f.inputBytes / 1e6))).toBeCloseTo(1, 6);
      expect(f.peakRssMb.min).toBeGreaterThan(20);
      expect(f.totals.valuesWritten).toBeGreaterThan(1000);
      expect(f.totals.refused).toBe(0);
      expect(f.outputBytes).toBeGreaterThan(f.inputBytes * 0.5);
    }
    // Build: two synthetic catalogs, ten times apart, with their pages counted.
    expect(report.build!.map((b) => b.indicators)).toEqual([2, 20]);
    for (const b of report.build!) {
      expect(b.failures).toEqual([]);
      expect(b.pages).toBeGreaterThan(b.indicators);
      expect(b.msPerPage!.median).toBeCloseTo(b.buildMs!.median / b.pages!, 6);
      expect(b.peakRssMb!.median).toBeGreaterThan(50);
    }
    // Page weight: the kinds that exist today, the biggest page of each.
    const kinds = report.pageWeight!.map((w) => w.kind);
    expect(kinds).toEqual(expect.arrayContaining(['home', '404', 'indicator', 'about']));
    for (const w of report.pageWeight!) {
      expect(w.html.gzip).toBeGreaterThan(0);
      expect(w.html.raw).toBeGreaterThan(w.html.gzip);
      expect(w.transfer.gzip).toBeGreaterThanOrEqual(w.html.gzip);
      expect(w.requests).toBeGreaterThanOrEqual(1);
      expect(w.missing).toEqual([]);
    }
    expect(report.pageWeight!.find((w) => w.kind === 'indicator')!.url).toMatch(/^\/indicators\/synthetic-\d{4}\/$/);
    // Lighthouse: once, on the indicator page.
    if (existsSync(CHROMIUM)) {
      const [page] = report.lighthouse!.pages;
      for (const c of CATEGORIES) expect(page!.scores[c].median).toBeGreaterThan(0);
    }

    for (const [path, n] of numbers({
      ingestion: report.ingestion,
      build: report.build,
      pageWeight: report.pageWeight,
      lighthouse: report.lighthouse,
    })) {
      expect(Number.isFinite(n) && n >= 0, `${path} = ${n}`).toBe(true);
    }
    const names = report.budgets.map((b) => b.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'classic GBK provincial exports, 1 MB: speed',
        'county-level tidy long CSV: peak memory at 1 MB / at 0.1 MB',
        'ms per page at 20 indicators / at 2',
        'indicator page: JavaScript, gzipped',
        'embed page: JavaScript, gzipped',
        'indicator page: whole transfer, gzipped',
        ...(existsSync(CHROMIUM) ? ['indicator: performance', 'indicator: seo'] : []),
      ]),
    );
    for (const b of report.budgets) {
      if (b.name.startsWith('embed') && b.value === null) continue; // no embed pages in this build
      expect(b.pass, b.name).toBe(b.op === '>=' ? b.value! >= b.limit : b.value! <= b.limit);
    }
    for (const title of ['Ingestion', 'Build scaling', 'Page weight', 'Budgets']) expect(markdown).toContain(`## ${title}`);
    expect(run.stdout).toContain('Budgets');
  }, 180_000);
});

describe('bench parts', () => {
  it('names page kinds by path, and unknown ones by their first folder', () => {
    expect(['/', '/404.html', '/indicators/birth-rate/', '/embed/birth-rate/line/', '/regions/110000/', '/downloads/'].map(pageKind)).toEqual([
      'home',
      '404',
      'indicator',
      'embed',
      'region',
      'downloads',
    ]);
    expect(pageKind('/compare/a-b/')).toBe('other (/compare/)');
  });

  it('median, min and max', () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 });
    expect(spread([4, 1, 2, 3]).median).toBe(2.5);
  });

  it('budgets: speed at the largest size, memory and build growth between a size and ten times it', () => {
    const s = (median: number) => ({ median, min: median, max: median, runs: 1 });
    const ingest = (sizeMb: number, millionValues: number, rss: number) =>
      ({ format: 'f', sizeMb, valuesPerSecond: s(millionValues * 1e6), peakRssMb: s(rss) }) as unknown as IngestFigure;
    const build = (indicators: number, ms?: number) =>
      ({ indicators, msPerPage: ms && s(ms), failures: ms ? [] : ['did not finish'] }) as unknown as BuildFigure;
    const budgets = evaluateBudgets({
      ingestion: [ingest(10, 1.5, 100), ingest(100, 0.8, 160)],
      build: [build(16, 10), build(160, 12), build(1600, 20)],
    });
    expect(budgets.map((b) => [b.name, b.value, b.pass])).toEqual([
      ['f, 100 MB: speed', 0.8, false],
      ['f: peak memory at 100 MB / at 10 MB', 1.6, false],
      ['ms per page at 1600 indicators / at 160', 20 / 12, false],
    ]);
    expect(LIMITS.ingestMillionValuesPerSecond).toBe(1);
    const unfinished = evaluateBudgets({ build: [build(160, 12), build(1600)] });
    expect(unfinished).toEqual([expect.objectContaining({ pass: false, value: null, note: '1600 indicators: did not finish' })]);
  });
});
