// `npm run ingest` as a function: each input streamed into <out>/<name>.csv while it is read, and
// <out>/report.json written one file entry at a time, so neither inputs nor report need to fit in memory.
// The bytes written are those of JSON.stringify(summarize(files), null, 2), as before streaming.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ingestToSink } from './ingest.ts';
import type { IngestReport } from './report.ts';
import { TidyCsvWriter } from './tidy-csv-writer.ts';
import type { FileReport, IngestOptions } from './types.ts';

export type IngestTotals = IngestReport['totals'];

const indent = (json: string, pad: string) => pad + json.replaceAll('\n', `\n${pad}`);

/** Ingests `inputs` into `outDir`; `onFile` sees each file's report (e.g. to print its problems). */
export async function ingestInputs(
  inputs: string[], outDir: string, options: IngestOptions, onFile: (report: FileReport) => void = () => {},
): Promise<IngestTotals> {
  const reportPath = join(outDir, 'report.json');
  const report = createWriteStream(`${reportPath}.partial`);
  report.write('{\n  "files": [');
  const totals: IngestTotals = { files: 0, refused: 0, dataCells: 0, valuesWritten: 0, cellsEmpty: 0, cellsRejected: 0, problems: 0 };
  const used = new Set<string>(['report']);
  // Outputs finish writing while the next input is read; their names are taken, so nothing else opens them.
  const closing: Promise<void>[] = [];
  let failure: unknown;
  for (const input of inputs) {
    let name = basename(input, extname(input));
    for (let n = 2; used.has(name); n++) name = `${basename(input, extname(input))}-${n}`;
    const writer = new TidyCsvWriter(join(outDir, `${name}.csv`));
    const file = await ingestToSink(input, writer, options);
    const entry: FileReport & { output?: string } = file;
    if (file.status === 'read') {
      closing.push(writer.close(file.counts.valuesWritten === 0).catch((error) => { failure ??= error; }));
      if (closing.length >= 16) await Promise.all(closing.splice(0));
      used.add(name);
      entry.output = `${name}.csv`;
    } else {
      await writer.discard();
    }
    report.write((totals.files === 0 ? '\n' : ',\n') + indent(JSON.stringify(entry, null, 2), '    '));
    totals.files++;
    if (file.status === 'refused') totals.refused++;
    totals.dataCells += file.counts.dataCells;
    totals.valuesWritten += file.counts.valuesWritten;
    totals.cellsEmpty += file.counts.cellsEmpty;
    totals.cellsRejected += file.counts.cellsRejected;
    totals.problems += file.problems.length;
    onFile(file);
    if (report.writableNeedDrain) await once(report, 'drain');
  }
  await Promise.all(closing);
  if (failure) throw failure;
  report.write(`${totals.files === 0 ? '' : '\n  '}],\n  "totals": ${indent(JSON.stringify(totals, null, 2), '  ').trimStart()}\n}\n`);
  report.end();
  await finished(report);
  await rename(`${reportPath}.partial`, reportPath);
  return totals;
}
