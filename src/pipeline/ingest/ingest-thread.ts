// Runs the ingestion of `npm run ingest` in a worker thread whose young generation is capped. A long stream
// of short-lived rows makes V8 grow the young generation to 64 MB, most of the peak memory for a large
// file; capped at 16 MB, peak memory stays flat as files grow, at the same speed (npm run bench measures it).
import { rmSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { IngestTotals, InputPath } from './ingest-run.ts';
import type { IngestOptions } from '../types.ts';

const YOUNG_GENERATION_MB = 16;

interface Job {
  inputs: InputPath[];
  /** Real paths of the inputs: no output takes one of their names. */
  inputFiles: string[];
  outDir: string;
  options: IngestOptions;
}
type Message =
  { kind: 'problems'; lines: string[] } | { kind: 'partial'; path: string; open: boolean } | { kind: 'done'; totals: IngestTotals; ms: number };

/** The run was stopped by Ctrl-C (SIGINT) or SIGTERM: the worker is gone and no .partial file is left. */
export class Interrupted extends Error {
  readonly signal: NodeJS.Signals;
  constructor(signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.signal = signal;
  }
}

/** Ingests in a worker; `onProblems` gets each file's problem lines (file:line:column: …) as it is done. */
export function ingestInThread(
  inputs: InputPath[],
  inputFiles: string[],
  outDir: string,
  options: IngestOptions,
  onProblems: (lines: string[]) => void,
): Promise<{ totals: IngestTotals; ms: number }> {
  const job: Job = { inputs, inputFiles, outDir, options };
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { ingestJob: job },
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  // Temporary files open now: killed half way, the run left x.csv.partial and report.json.partial behind.
  const partials = new Set<string>();
  return new Promise((resolve, reject) => {
    let result: { totals: IngestTotals; ms: number } | undefined;
    let interrupted: Interrupted | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (result) return; // done: the report is written, the worker ends by itself
      interrupted ??= new Interrupted(signal);
      void worker.terminate();
    };
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    worker.on('message', (message: Message) => {
      if (message.kind === 'problems') onProblems(message.lines);
      else if (message.kind === 'partial') void (message.open ? partials.add(message.path) : partials.delete(message.path));
      else result = { totals: message.totals, ms: message.ms };
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      if (interrupted && !result) {
        // The worker is stopped: nothing writes these any more.
        for (const path of partials) rmSync(path, { force: true });
        return reject(interrupted);
      }
      if (result) resolve(result);
      else reject(new Error(`ingestion worker stopped (exit code ${code})`));
    });
  });
}

if (!isMainThread && workerData?.ingestJob) {
  const { inputs, inputFiles, outDir, options } = workerData.ingestJob as Job;
  const [{ ingestInputs }, { problemLine }] = await Promise.all([import('./ingest-run.ts'), import('./ingest-report.ts')]);
  const started = performance.now();
  const totals = await ingestInputs(
    inputs,
    outDir,
    options,
    (report) => {
      if (report.problems.length > 0) parentPort!.postMessage({ kind: 'problems', lines: report.problems.map(problemLine) } satisfies Message);
    },
    inputFiles,
    (path, open) => parentPort!.postMessage({ kind: 'partial', path, open } satisfies Message),
  );
  parentPort!.postMessage({ kind: 'done', totals, ms: performance.now() - started } satisfies Message);
}
