// The bench's budgets: each figure is compared with its limit and marked pass or fail. A benchmark, not a
// test: a failed budget is reported, never turned into a failing exit status.
import type { BuildFigure } from './build.ts';
import type { IngestFigure } from './ingestion.ts';
import { CATEGORIES, type LighthouseFigure } from './lighthouse.ts';
import type { KindWeight } from './page-weight.ts';

export interface Budget {
  section: 'ingestion' | 'build' | 'page weight' | 'lighthouse';
  name: string;
  value: number | null;
  op: '>=' | '<=';
  limit: number;
  unit: string;
  /** null when the figure was not measured (e.g. no embed page exists yet). */
  pass: boolean | null;
  note?: string;
}

const TARGETS_HTML_KB = 360;
const TARGETS_HTML_GZIP_KB = 42;

export const LIMITS = {
  /** Values (data cells) a second, in millions: the same work whether an export is wide (6 bytes a value) or tidy (80). */
  ingestMillionValuesPerSecond: 1,
  ingestMemoryGrowth: 1.5,
  buildMsPerPageGrowth: 1.5,
  indicatorJsKb: 15,
  embedJsKb: 5,
  indicatorTransferKb: 100,
  /** The scorecard lists ~150 targets twice (by plan, by area); it was 514 KB (51 KB gzipped) before its rows were slimmed, 335 KB (38 KB) after. */
  targetsHtmlKb: TARGETS_HTML_KB,
  targetsHtmlGzipKb: TARGETS_HTML_GZIP_KB,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
} as const;

const KB = 1024;

function budget(b: Omit<Budget, 'pass'>): Budget {
  const pass = b.value === null ? null : b.op === '>=' ? b.value >= b.limit : b.value <= b.limit;
  return { ...b, pass };
}

/** Figures at the largest size and at a tenth of it (100 MB vs 10 MB; 100x vs 10x), when both were measured. */
function tenfold<T>(items: T[], sizeOf: (t: T) => number): [T, T] | undefined {
  const largest = items.reduce<T | undefined>((a, t) => (!a || sizeOf(t) > sizeOf(a) ? t : a), undefined);
  const tenth = largest && items.find((t) => Math.abs(sizeOf(t) * 10 - sizeOf(largest)) < 1e-9);
  return largest && tenth ? [largest, tenth] : undefined;
}

export function evaluateBudgets(sections: {
  ingestion?: IngestFigure[];
  build?: BuildFigure[];
  pageWeight?: KindWeight[];
  lighthouse?: LighthouseFigure[];
}): Budget[] {
  const out: Budget[] = [];
  const ingestion = sections.ingestion ?? [];
  // Speed is budgeted at each format's largest size (100 MB in a full run), where start-up no longer counts.
  const largest = new Map<string, number>();
  for (const f of ingestion) largest.set(f.format, Math.max(largest.get(f.format) ?? 0, f.sizeMb));
  for (const f of ingestion) {
    if (f.sizeMb !== largest.get(f.format)) continue;
    out.push(
      budget({
        section: 'ingestion',
        name: `${f.format}, ${f.sizeMb} MB: speed`,
        value: f.valuesPerSecond.median / 1e6,
        op: '>=',
        limit: LIMITS.ingestMillionValuesPerSecond,
        unit: 'M values/s',
      }),
    );
  }
  for (const format of new Set(ingestion.map((f) => f.format))) {
    const pair = tenfold(
      ingestion.filter((f) => f.format === format),
      (f) => f.sizeMb,
    );
    if (!pair) continue;
    const [large, small] = pair;
    out.push(
      budget({
        section: 'ingestion',
        name: `${format}: peak memory at ${large.sizeMb} MB / at ${small.sizeMb} MB`,
        value: large.peakRssMb.median / small.peakRssMb.median,
        op: '<=',
        limit: LIMITS.ingestMemoryGrowth,
        unit: '×',
        note: `${large.peakRssMb.median.toFixed(0)} MB vs ${small.peakRssMb.median.toFixed(0)} MB`,
      }),
    );
  }
  const build = tenfold(sections.build ?? [], (f) => f.indicators);
  if (build) {
    const [large, small] = build;
    const name = `ms per page at ${large.indicators} indicators / at ${small.indicators}`;
    if (large.msPerPage && small.msPerPage) {
      out.push(
        budget({
          section: 'build',
          name,
          value: large.msPerPage.median / small.msPerPage.median,
          op: '<=',
          limit: LIMITS.buildMsPerPageGrowth,
          unit: '×',
          note: `${large.msPerPage.median.toFixed(1)} ms vs ${small.msPerPage.median.toFixed(1)} ms per page`,
        }),
      );
    } else {
      // A build that does not finish does not scale: a failure, with the reason.
      const failed = large.msPerPage ? small : large;
      out.push({
        section: 'build',
        name,
        value: null,
        op: '<=',
        limit: LIMITS.buildMsPerPageGrowth,
        unit: '×',
        pass: false,
        note: `${failed.indicators} indicators: ${failed.failures[0] ?? 'not built'}`,
      });
    }
  }
  if (sections.pageWeight) {
    const kind = (k: string) => sections.pageWeight!.find((w) => w.kind === k);
    const indicator = kind('indicator');
    const embed = kind('embed');
    out.push(
      budget({
        section: 'page weight',
        name: 'indicator page: JavaScript, gzipped',
        value: indicator ? indicator.js.gzip / KB : null,
        op: '<=',
        limit: LIMITS.indicatorJsKb,
        unit: 'KB',
        note: indicator?.url,
      }),
    );
    out.push(
      budget({
        section: 'page weight',
        name: 'embed page: JavaScript, gzipped',
        value: embed ? embed.js.gzip / KB : null,
        op: '<=',
        limit: LIMITS.embedJsKb,
        unit: 'KB',
        note: embed?.url ?? 'no embed page in this build',
      }),
    );
    out.push(
      budget({
        section: 'page weight',
        name: 'indicator page: whole transfer, gzipped',
        value: indicator ? indicator.transfer.gzip / KB : null,
        op: '<=',
        limit: LIMITS.indicatorTransferKb,
        unit: 'KB',
        note: indicator?.url,
      }),
    );
  }
  // Only when the build has a scorecard (the synthetic catalog of the build bench has no targets).
  const scorecard = sections.pageWeight?.find((w) => w.kind === 'targets');
  if (scorecard) {
    out.push(
      budget({
        section: 'page weight',
        name: 'targets page: HTML',
        value: scorecard.html.raw / KB,
        op: '<=',
        limit: LIMITS.targetsHtmlKb,
        unit: 'KB',
        note: scorecard.url,
      }),
      budget({
        section: 'page weight',
        name: 'targets page: HTML, gzipped',
        value: scorecard.html.gzip / KB,
        op: '<=',
        limit: LIMITS.targetsHtmlGzipKb,
        unit: 'KB',
        note: scorecard.url,
      }),
    );
  }
  for (const f of sections.lighthouse ?? []) {
    for (const c of CATEGORIES) {
      out.push(
        budget({
          section: 'lighthouse',
          name: `${f.kind}: ${c}`,
          value: f.scores[c].median,
          op: '>=',
          limit: LIMITS.lighthouse[c],
          unit: '',
          note: f.url,
        }),
      );
    }
  }
  return out;
}
