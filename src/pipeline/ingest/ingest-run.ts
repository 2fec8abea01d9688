// `npm run ingest` as a function: each input streamed into <out>/<name>.csv while it is read, and
// <out>/report.json written one file entry at a time, so neither inputs nor report need to fit in memory.
// The bytes written are those of JSON.stringify(summarize(files), null, 2), as before streaming.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { finished } from 'node:stream/promises';
import { ingestToSink } from './ingest-file.ts';
import { addToTotals, emptyTotals, type IngestReport } from './ingest-report.ts';
import { TidyCsvWriter } from './tidy-output-stream.ts';
import type { FileReport, IngestOptions } from '../types.ts';

export type IngestTotals = IngestReport['totals'];

/** What a folder given to the command holds that it reads (spreadsheets too: they are refused with a reason). */
const INPUT_EXTENSIONS = new Set(['.csv', '.txt', '.xls', '.xlsx', '.xlsm', '.ods', '.et']);

/** The inputs to read, and one line for each path that is not read (and why): loops, second links, FIFOs. */
export interface InputSet {
  files: string[];
  skipped: string[];
  /** Real paths of the folders given and of every input file: --out must be none of them and inside none. */
  folders: string[];
  realFiles: string[];
}

const why = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENAMETOOLONG'
    ? '路径太长'
    : code === 'ENOENT'
      ? '不存在'
      : code === 'ELOOP'
        ? '符号链接循环'
        : `无法读取（${code ?? String(error)}）`;
};

/**
 * Files and folders as the command takes them: a folder gives every input file inside it, sorted. A real file
 * is read once however many links lead to it; a folder reached twice (a symlink loop) is not walked again; what
 * is not a regular file (FIFO, device, socket) is skipped with a reason, never opened (opening a FIFO blocks).
 */
export async function expandInputs(paths: string[]): Promise<InputSet> {
  const set: InputSet = { files: [], skipped: [], folders: [], realFiles: [] };
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const add = async (path: string, given: boolean): Promise<void> => {
    let info;
    let real;
    try {
      info = await stat(path);
      real = await realpath(path);
    } catch (error) {
      // A named input that cannot be read is reported as an unreadable file by the ingestion, with its reason.
      if (given) set.files.push(path);
      else set.skipped.push(`${path}: 跳过：${why(error)}`);
      return;
    }
    if (info.isDirectory()) {
      if (seenFolders.has(real)) return void set.skipped.push(`${path}: 跳过：文件夹已读过（符号链接指回已读的文件夹）`);
      seenFolders.add(real);
      if (given) set.folders.push(real);
      const entries = (await readdir(path)).sort();
      for (const entry of entries) {
        const child = join(path, entry);
        const childInfo = await stat(child).catch(() => undefined);
        if (childInfo?.isDirectory() || INPUT_EXTENSIONS.has(extname(entry).toLowerCase())) await add(child, false);
      }
      return;
    }
    if (!info.isFile()) return void set.skipped.push(`${path}: 跳过：不是普通文件（FIFO、设备或套接字），不读取`);
    if (seenFiles.has(real)) return void set.skipped.push(`${path}: 跳过：与已读的文件是同一个文件（链接）`);
    seenFiles.add(real);
    set.realFiles.push(real);
    set.files.push(path);
  };
  for (const path of paths) await add(path, true);
  return set;
}

/** Why `outDir` may not be written, or undefined: it must not be an input folder or inside one, nor an input file. */
export async function outputRefusal(outDir: string, inputs: InputSet): Promise<string | undefined> {
  const out = resolve(outDir);
  // The output folder may not exist yet: its nearest existing ancestor decides where it really is.
  let existing = out;
  let rest = '';
  for (;;) {
    try {
      existing = await realpath(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) break;
      rest = join(basename(existing), rest);
      existing = parent;
    }
  }
  const real = join(existing, rest);
  for (const folder of inputs.folders) {
    if (real === folder || real.startsWith(folder + sep))
      return `--out ${outDir} 在输入文件夹 ${folder} 之内：输出会与输入混在一起，甚至覆盖输入；请换一个输出文件夹`;
  }
  if (inputs.realFiles.includes(real)) return `--out ${outDir} 是输入文件本身`;
  return undefined;
}

const indent = (json: string, pad: string) => pad + json.replaceAll('\n', `\n${pad}`);

/** Ingests `inputs` into `outDir`; `onFile` sees each file's report (e.g. to print its problems). */
export async function ingestInputs(
  inputs: string[],
  outDir: string,
  options: IngestOptions,
  onFile: (report: FileReport) => void = () => {},
  inputFiles: string[] = [],
): Promise<IngestTotals> {
  const reportPath = join(outDir, 'report.json');
  // An output never takes the name of an input (an input file given from inside the output folder).
  const realOut = await realpath(outDir);
  const isInput = new Set(inputFiles);
  const report = createWriteStream(`${reportPath}.partial`);
  let reportError: Error | undefined;
  report.on('error', (error) => (reportError ??= error));
  report.write('{\n  "files": [');
  const totals = emptyTotals();
  const used = new Set<string>(['report']);
  // Outputs finish writing while the next input is read; their names are taken, so nothing else opens them.
  const closing: Promise<void>[] = [];
  let failure: unknown;
  try {
    for (const input of inputs) {
      let name = basename(input, extname(input));
      for (let n = 2; used.has(name) || isInput.has(join(realOut, `${name}.csv`)); n++) name = `${basename(input, extname(input))}-${n}`;
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
    if (reportError) throw reportError;
  } catch (error) {
    // An output that cannot be written stops the command: no half-written report is left behind.
    report.destroy();
    await rm(`${reportPath}.partial`, { force: true });
    throw error;
  }
  report.write(`${totals.files === 0 ? '' : '\n  '}],\n  "totals": ${indent(JSON.stringify(totals, null, 2), '  ').trimStart()}\n}\n`);
  report.end();
  await finished(report).catch(() => undefined);
  if (reportError) throw reportError;
  await rename(`${reportPath}.partial`, reportPath);
  return totals;
}
