// npm run bench [-- --quick] [--out <dir>] [--only ingestion,build,weight,lighthouse] [--keep]
// Measures ingestion speed and memory, build scaling, page weight and Lighthouse scores; prints the tables
// and writes build/bench/report.json and report.md. Budgets are marked pass or fail; the exit status is 0.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateBudgets } from './budgets.ts';
import { benchBuild, buildSite, bundledIndicatorCount } from './build.ts';
import { benchIngestion } from './ingestion.ts';
import { CHROMIUM, LIGHTHOUSE_SETTINGS, benchLighthouse } from './lighthouse.ts';
import { weighSite } from './page-weight.ts';
import { reportMarkdown, reportText, type BenchReport } from './bench-report.ts';

const SECTIONS = ['ingestion', 'build', 'weight', 'lighthouse'];
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const root = resolve(import.meta.dirname, '..', '..');
const outDir = resolve(values.out ?? join(root, 'build', 'bench'));
const only = new Set(values.only ? values.only.split(',') : SECTIONS);
const quick = values.quick;
// Full: 1, 10 and 100 MB, 3 runs; builds at 1x, 10x (3 runs) and 100x (1 run: a few minutes). Quick (the
// test): the same steps at their smallest, one run each, so that the bench cannot rot unnoticed.
const plan = quick
  ? {
      sizesMb: [0.1, 1],
      ingestRuns: 1,
      // 2 and 20 indicators whatever the bundled catalog holds, so the test's time does not grow with the content.
      scales: [
        { scale: 2 / bundledIndicatorCount(root), runs: 1 },
        { scale: 20 / bundledIndicatorCount(root), runs: 1 },
      ],
      lighthouseRuns: 1,
    }
  : {
      sizesMb: [1, 10, 100],
      ingestRuns: 3,
      scales: [
        { scale: 1, runs: 3 },
        { scale: 10, runs: 3 },
        { scale: 100, runs: 1 },
      ],
      lighthouseRuns: 3,
    };

const started = performance.now();
const tmp = await mkdtemp(join(os.tmpdir(), 'yigai-bench-'));
const log = (line: string) => console.log(line);
const report: BenchReport = {
  generatedAt: new Date().toISOString(),
  quick,
  machine: {
    node: process.versions.node,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    loadAverageBefore: os.loadavg(),
    loadAverageAfter: [],
  },
  durationSeconds: 0,
  notes: [],
  budgets: [],
};
/** Runs one section; a section that breaks is reported in the notes and the others still run. */
async function section<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  log(name);
  try {
    return await run();
  } catch (error) {
    report.notes.push(`${name} failed: ${(error as Error).message}`);
    log(`  failed: ${(error as Error).message}`);
    return undefined;
  }
}

try {
  if (only.has('ingestion')) report.ingestion = await section('Ingestion', () => benchIngestion(tmp, plan.sizesMb, plan.ingestRuns, log));
  let dist: string | undefined;
  if (only.has('build')) {
    const build = await section('Build scaling', () => benchBuild(root, tmp, plan.scales, log, quick));
    report.build = build?.figures;
    const last = build?.figures.at(-1);
    if (quick && build?.lastDist && last?.buildMs) {
      dist = build.lastDist;
      report.site = { description: `synthetic catalog of ${last.indicators} indicators (--quick)`, buildMs: last.buildMs.median, pages: last.pages! };
    }
  }
  if (!dist && (only.has('weight') || only.has('lighthouse'))) {
    const site = await section('Site with the bundled data', () => buildSite(root, undefined, join(tmp, 'site')));
    if (site) {
      dist = site.dist;
      report.site = { description: 'the site built from the bundled data', buildMs: site.ms, pages: site.pages };
      log(`  ${(site.ms / 1000).toFixed(1)} s, ${site.pages} pages`);
    }
  }
  if (dist) {
    const weights = (await section('Page weight', async () => weighSite(dist!))) ?? [];
    if (only.has('weight')) report.pageWeight = weights;
    if (only.has('lighthouse') && !existsSync(CHROMIUM))
      report.notes.push(`Lighthouse skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`);
    else if (only.has('lighthouse')) {
      const pages = quick ? weights.filter((w) => w.kind === 'indicator') : weights;
      const figures = await section('Lighthouse', () => benchLighthouse(dist, tmp, pages, plan.lighthouseRuns, log));
      if (figures) report.lighthouse = { settings: LIGHTHOUSE_SETTINGS, runs: plan.lighthouseRuns, pages: figures };
      if (quick) report.notes.push('--quick: Lighthouse ran once, on the indicator page only.');
    }
  }
} finally {
  if (!values.keep) await rm(tmp, { recursive: true, force: true });
  else console.log(`Kept ${tmp}`);
}
report.budgets = evaluateBudgets({
  ingestion: report.ingestion,
  build: report.build,
  pageWeight: report.pageWeight,
  lighthouse: report.lighthouse?.pages,
});
report.machine.loadAverageAfter = os.loadavg();
report.durationSeconds = (performance.now() - started) / 1000;
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
await writeFile(join(outDir, 'report.md'), reportMarkdown(report));
console.log(`\n${reportText(report)}\n\nReport: ${join(outDir, 'report.json')} and report.md`);
