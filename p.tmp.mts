import { ingestInputs } from './src/pipeline/ingest/ingest-run.ts';
import { rmSync, mkdirSync } from 'node:fs';
rmSync('/tmp/cty-p', { recursive: true, force: true }); mkdirSync('/tmp/cty-p');
const t = performance.now();
const totals = await ingestInputs(['/tmp/cty/c10.csv'], '/tmp/cty-p', {});
console.log(totals.dataCells, Math.round(performance.now() - t), 'ms');
