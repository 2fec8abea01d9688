// Child process of the ingestion bench: ingests the given files exactly as `npm run ingest` does (same
// worker, same streaming writes), then prints its time and peak memory as one JSON line.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expandInputs } from '../../src/pipeline/ingest/ingest-run.ts';
import { ingestInThread } from '../../src/pipeline/ingest/ingest-thread.ts';
import { peakRssMb } from './child.ts';

const { cwd, paths, outDir } = JSON.parse(process.argv[2]!) as { cwd: string; paths: string[]; outDir: string };
process.chdir(cwd);
const inputs = await expandInputs(paths);
mkdirSync(outDir, { recursive: true });
const started = performance.now();
const { totals, ms } = await ingestInThread(inputs.files, inputs.realFiles, outDir, {}, () => {});
const wallMs = performance.now() - started;
const outputBytes = readdirSync(outDir).reduce((n, f) => n + statSync(join(outDir, f)).size, 0);
console.log(JSON.stringify({ ms, wallMs, peakRssMb: peakRssMb(), totals, outputBytes }));
