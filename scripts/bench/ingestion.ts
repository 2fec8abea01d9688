// Ingestion speed and memory: generated inputs of about 1, 10 and 100 MB in each real export format, each
// ingested in its own child process the way `npm run ingest` does it; MB/s and peak memory per size.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestTotals } from '../../src/pipeline/ingest/ingest-run.ts';
import { runChild } from './child.ts';
import { writeClassicExports, writeCountyTidy, type GeneratedInput } from './inputs.ts';
import { repeat, spread, type Spread } from './stats.ts';

export interface IngestFigure {
  format: string;
  sizeMb: number;
  inputBytes: number;
  input: string;
  /** Input megabytes (10^6 bytes) per second of ingestion, reading through writing the tidy CSVs. */
  mbPerSecond: Spread;
  /**
   * Values (data cells) per second, the same runs: the work done whatever the layout. A wide export holds about
   * 6 bytes a value and a tidy file about 80, so MB/s alone makes the same work look 13 times slower in a wide one.
   */
  valuesPerSecond: Spread;
  peakRssMb: Spread;
  /** The child's wall time including the worker's start-up (module loading excluded). */
  wallMs: Spread;
  outputBytes: number;
  totals: IngestTotals;
}

interface ChildReport {
  ms: number;
  wallMs: number;
  peakRssMb: number;
  totals: IngestTotals;
  outputBytes: number;
}

const CHILD = new URL('./ingest-child.ts', import.meta.url).pathname;

export const FORMATS: { name: string; generate: (root: string, name: string, bytes: number) => Promise<GeneratedInput> }[] = [
  { name: 'classic GBK provincial exports', generate: writeClassicExports },
  { name: 'county-level tidy long CSV', generate: writeCountyTidy },
];

export async function benchIngestion(tmp: string, sizesMb: number[], runs: number, log: (line: string) => void): Promise<IngestFigure[]> {
  const figures: IngestFigure[] = [];
  for (const [f, format] of FORMATS.entries()) {
    for (const sizeMb of sizesMb) {
      const name = `input-${f}-${sizeMb}mb`;
      const input = await format.generate(tmp, name, sizeMb * 1e6);
      log(`  ingest ${format.name}, ${sizeMb} MB: ${input.description}`);
      const reports = await repeat(runs, async (run) => {
        const outDir = join(tmp, `${name}-out-${run}`);
        const { result } = await runChild<ChildReport>(CHILD, [JSON.stringify({ cwd: input.cwd, paths: input.paths, outDir })]);
        await rm(outDir, { recursive: true, force: true });
        return result;
      });
      await rm(join(tmp, name), { recursive: true, force: true });
      await rm(join(tmp, `${name}.csv`), { force: true });
      const last = reports.at(-1)!;
      figures.push({
        format: format.name,
        sizeMb,
        inputBytes: input.bytes,
        input: input.description,
        mbPerSecond: spread(reports.map((r) => input.bytes / 1e6 / (r.ms / 1000))),
        valuesPerSecond: spread(reports.map((r) => r.totals.dataCells / (r.ms / 1000))),
        peakRssMb: spread(reports.map((r) => r.peakRssMb)),
        wallMs: spread(reports.map((r) => r.wallMs)),
        outputBytes: last.outputBytes,
        totals: last.totals,
      });
      const fig = figures.at(-1)!;
      log(
        `    ${fig.mbPerSecond.median.toFixed(1)} MB/s, ${(fig.valuesPerSecond.median / 1e6).toFixed(2)} M values/s, peak ${fig.peakRssMb.median.toFixed(0)} MB (median of ${runs})`,
      );
    }
  }
  return figures;
}
