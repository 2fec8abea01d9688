// `npm run ingest` as a function: each input streamed into <out>/<name>.csv while it is read, and
// <out>/report.json written one file entry at a time, so neither inputs nor report need to fit in memory.
// The bytes written are those of JSON.stringify(summarize(files), null, 2), as before streaming.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ingestToSink } from './ingest-file.ts';
import { addToTotals, emptyTotals, type IngestReport } from './ingest-report.ts';
import { TidyCsvWriter } from './tidy-output-stream.ts';
import type { FileReport, IngestOptions } from '../types.ts';

export type IngestTotals = IngestReport['totals'];

/** What a folder given to the command holds that it reads (spreadsheets too: they are refused with a reason). */
const INPUT_EXTENSIONS = new Set(['.csv', '.txt', '.xls', '.xlsx', '.xlsm', '.ods', '.et']);

/** Files and folders as the command takes them: a folder gives every input file inside it, sorted. */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const expand = async (path: string): Promise<string[]> => {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) return [path]; // a missing path is reported as unreadable by the ingestion
    const entries = (await readdir(path, { recursive: true })).sort();
    return entries.map((e) => join(path, e)).filter((p) => INPUT_EXTENSIONS.has(extname(p).toLowerCase()));
  };
  return (await Promise.all(paths.map(expand))).flat();
}

const indent = (json: string, pad: string) => pad + json.replaceAll('\n', `\n${pad}`);

/** Ingests `inputs` into `outDir`; `onFile` sees each file's report (e.g. to print its problems). */
export async function ingestInputs(
  inputs: string[],
  outDir: string,
  options: IngestOptions,
  onFile: (report: FileReport) => void = () => {},
): Promise<IngestTotals> {
  const reportPath = join(outDir, 'report.json');
  const report = createWriteStream(`${reportPath}.partial`);
  report.write('{\n  "files": [');
  const totals = emptyTotals();
  const used = new Set<string>(['report']);
  // Outputs finish writing while the next input is read; their names are taken, so nothing else opens them.
  const closing: Promise<void>[] = [];
  let failure: unknown;
  try {
    for (const input of inputs) {
      let name = basename(input, extname(input));
      for (let n = 2; used.has(name); n++) name = `${basename(input, extname(input))}-${n}`;
      const writer = new TidyCsvWriter(join(outDir, `${name}.csv`));
      const file = await ingestToSink(input, writer, options);
      const entry: FileReport & { output?: string } = file;
      if (file.status === 'read') {
        closing.push(
          writer.close(file.counts.valuesWritten === 0).catch((error) => {
            failure ??= error;
          }),
        );
        if (closing.length >= 16) await Promise.all(closing.splice(0));
        used.add(name);
        entry.output = `${name}.csv`;
      } else {
        await writer.discard();
      }
      report.write((totals.files === 0 ? '\n' : ',\n') + indent(JSON.stringify(entry, null, 2), '    '));
      addToTotals(totals, file);
      onFile(file);
      if (report.writableNeedDrain) await once(report, 'drain');
    }
    await Promise.all(closing);
    if (failure) throw failure;
  } catch (error) {
    // An output that cannot be written stops the command: no half-written report is left behind.
    report.destroy();
    await rm(`${reportPath}.partial`, { force: true });
    throw error;
  }
  report.write(`${totals.files === 0 ? '' : '\n  '}],\n  "totals": ${indent(JSON.stringify(totals, null, 2), '  ').trimStart()}\n}\n`);
  report.end();
  await finished(report);
  await rename(`${reportPath}.partial`, reportPath);
  return totals;
}
