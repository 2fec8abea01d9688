// Build scaling: synthetic catalogs at 1x, 10x and 100x the bundled indicator count, each through the data
// pipeline and `astro build` into temporary folders; total time, milliseconds per page, peak memory.
// A build that fails or does not finish in time is reported as such; the bench goes on.
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runChild } from './child.ts';
import { spread, type Spread } from './stats.ts';
import { writeSyntheticCatalog } from './synthetic-catalog.ts';

export interface BuildFigure {
  scale: number;
  indicators: number;
  /** Runs asked for; the spreads are over the runs that finished. */
  runs: number;
  pages?: number;
  buildMs?: Spread;
  msPerPage?: Spread;
  peakRssMb?: Spread;
  /** The data pipeline (npm run data) on the same catalog, before each build. */
  dataMs?: Spread;
  /** Why runs failed (timeout, out of memory, a build error). */
  failures: string[];
}

const PIPELINE = new URL('./pipeline-child.ts', import.meta.url).pathname;
const ASTRO = new URL('./astro-child.ts', import.meta.url).pathname;
/** Longer than any build that scales; a build stuck in garbage collection is stopped and reported. */
export const BUILD_TIMEOUT_MS = 30 * 60_000;

export function bundledIndicatorCount(root: string): number {
  return readdirSync(join(root, 'data', 'catalog')).filter((f) => f.endsWith('.yaml')).length;
}

/** Runs the pipeline and a cold `astro build` (fresh output and cache) of `dataDir` into `workDir`. */
export async function buildSite(root: string, dataDir: string | undefined, workDir: string) {
  const published = join(workDir, 'build', 'data');
  const dist = join(workDir, 'dist');
  await rm(dist, { recursive: true, force: true });
  await rm(`${dist}-cache`, { recursive: true, force: true });
  const env = { YIGAI_PUBLISHED_DIR: published, YIGAI_DIST: dist, ...(dataDir ? { YIGAI_DATA_DIR: dataDir } : {}) };
  const data = await runChild<{ ms: number }>(PIPELINE, [], { cwd: root, env });
  const astro = await runChild<{ ms: number; pages: number; peakRssMb: number }>(ASTRO, [], { cwd: root, env, timeoutMs: BUILD_TIMEOUT_MS });
  if (dataDir && !existsSync(join(dist, 'indicators', 'synthetic-0001', 'index.html'))) {
    throw new Error(`${dist} has no page for synthetic-0001: the build did not read ${dataDir} (YIGAI_PUBLISHED_DIR ignored?)`);
  }
  return { dataMs: data.result.ms, ...astro.result, dist };
}

/** Builds each scale `runs` times; with `keepLast`, the last build's output stays (for page weight). */
export async function benchBuild(
  root: string,
  tmp: string,
  scales: { scale: number; runs: number }[],
  log: (line: string) => void,
  keepLast = false,
) {
  const base = bundledIndicatorCount(root);
  const figures: BuildFigure[] = [];
  let lastDist: string | undefined;
  for (const [s, { scale, runs }] of scales.entries()) {
    const indicators = Math.max(1, Math.round(base * scale));
    const workDir = join(tmp, `catalog-${scale}x`);
    const dataDir = writeSyntheticCatalog(workDir, indicators, join(root, 'data'));
    log(`  build ${scale}x: ${indicators} synthetic indicators, ${runs} run(s)`);
    const done: Awaited<ReturnType<typeof buildSite>>[] = [];
    const failures: string[] = [];
    for (let run = 0; run < runs; run++) {
      try {
        const r = await buildSite(root, dataDir, workDir);
        done.push(r);
        lastDist = r.dist;
        log(`    ${(r.ms / 1000).toFixed(1)} s, ${r.pages} pages, peak ${r.peakRssMb.toFixed(0)} MB`);
      } catch (error) {
        failures.push((error as Error).message);
        log(`    failed: ${(error as Error).message}`);
        break; // a build that fails once fails again: do not spend the time twice
      }
    }
    if (!(keepLast && s === scales.length - 1)) await rm(workDir, { recursive: true, force: true });
    figures.push({
      scale,
      indicators,
      runs,
      failures,
      ...(done.length > 0
        ? {
            pages: done.at(-1)!.pages,
            buildMs: spread(done.map((r) => r.ms)),
            msPerPage: spread(done.map((r) => r.ms / r.pages)),
            peakRssMb: spread(done.map((r) => r.peakRssMb)),
            dataMs: spread(done.map((r) => r.dataMs)),
          }
        : {}),
    });
  }
  return { figures, lastDist };
}
