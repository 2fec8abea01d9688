// Child process of the ingestion bench: ingests the given files exactly as `npm run ingest` does (same
// worker, same streaming writes), then prints its time and peak memory as one JSON line.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ingestInThread } from '../pipeline/ingest-thread.ts';
import { peakRssMb } from './child.ts';

const { cwd, paths, outDir } = JSON.parse(process.argv[2]!) as { cwd: string; paths: string[]; outDir: string };
process.chdir(cwd);
// Folders are expanded as the command expands them: every CSV inside, sorted.
const files = paths.flatMap((p) => (statSync(p).isDirectory()
  ? readdirSync(p, { recursive: true }).map(String).sort().filter((f) => f.endsWith('.csv')).map((f) => join(p, f))
  : [p]));
mkdirSync(outDir, { recursive: true });
const started = performance.now();
const { totals, ms } = await ingestInThread(files, outDir, {}, () => {});
const wallMs = performance.now() - started;
const outputBytes = readdirSync(outDir).reduce((n, f) => n + statSync(join(outDir, f)).size, 0);
console.log(JSON.stringify({ ms, wallMs, peakRssMb: peakRssMb(), totals, outputBytes }));
