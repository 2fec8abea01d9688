// `npm run ingest` as a function: each input streamed into <out>/<name>.csv while it is read, and
// <out>/report.json written one file entry at a time, so neither inputs nor report need to fit in memory.
// The bytes written are those of JSON.stringify(summarize(files), null, 2), as before streaming.
import { once } from 'node:events';
import { lstatSync } from 'node:fs';
import { lstat, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { finished } from 'node:stream/promises';
import { ingestToSink } from './ingest-file.ts';
import { addToTotals, emptyTotals, type IngestReport } from './ingest-report.ts';
import { createFreshFile, TidyCsvWriter } from './tidy-output-stream.ts';
import { PERIOD_COLUMN, TIDY_COLUMNS } from './tidy-output.ts';
import type { FileReport, IngestOptions } from '../types.ts';

export type IngestTotals = IngestReport['totals'];

/** What a folder given to the command holds that it reads (spreadsheets too: they are refused with a reason). */
const INPUT_EXTENSIONS = new Set(['.csv', '.txt', '.xls', '.xlsx', '.xlsm', '.xlsb', '.ods', '.et']);

/**
 * An input file: its path as text, or, when a folder holds a name that is not valid UTF-8 (a GBK name unpacked
 * from a Windows zip), the path's own bytes, opened as they are, and the name it is shown and reported by.
 */
export type InputPath = string | { bytes: Uint8Array; name: string };

export const inputName = (input: InputPath): string => (typeof input === 'string' ? input : input.name);
/** What the file system is given: the text path, or the bytes (fs takes a Buffer as a path). */
export const openablePath = (input: InputPath): string | Buffer => (typeof input === 'string' ? input : Buffer.from(input.bytes));

/** The inputs to read, and one line for each path that is not read (and why): loops, second links, FIFOs. */
export interface InputSet {
  files: InputPath[];
  skipped: string[];
  /** Lines about inputs that are read but named oddly (a file name that is not UTF-8). */
  notes: string[];
  /** Folders whose contents could not be listed: not everything was read (the command exits 1). */
  unreadable: number;
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

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk', { fatal: true });

/**
 * A folder entry's name as text, when its bytes are not UTF-8: decoded as GBK (what a Chinese Windows zip writes)
 * when they are valid GBK without private-use characters (what stray bytes such as FF decode to), else each byte
 * above ASCII as \\xNN; with the line that says so, naming the bytes.
 */
function oddName(bytes: Buffer, shownFolder: string): { name: string; note: string } {
  const hex = [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  let name: string | undefined;
  try {
    name = gbk.decode(bytes);
    if (/[\uE000-\uF8FF]/.test(name)) name = undefined;
  } catch {
    name = undefined;
  }
  if (name !== undefined) return { name, note: `${join(shownFolder, name)}: 文件名不是 UTF-8（字节 ${hex}），按 GBK 解读显示，照常读取` };
  const escaped = [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase()}`)).join('');
  return { name: escaped, note: `${join(shownFolder, escaped)}: 文件名不是 UTF-8 也不是 GBK（字节 ${hex}），以 \\xNN 显示，照常读取` };
}

/**
 * Files and folders as the command takes them: a folder gives every input file inside it, sorted. A real file
 * is read once however many links lead to it; a folder reached twice (a symlink loop) is not walked again; what
 * is not a regular file (FIFO, device, socket) is skipped with a reason, never opened (opening a FIFO blocks).
 * Names inside folders are read as bytes: one that is not UTF-8 is opened by its bytes, not lost as "missing".
 */
export async function expandInputs(paths: string[]): Promise<InputSet> {
  const set: InputSet = { files: [], skipped: [], notes: [], unreadable: 0, folders: [], realFiles: [] };
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  /** `path` is what the file system is given; `shown` its name in lines and the report. */
  const add = async (path: string | Buffer, shown: string, given: boolean): Promise<void> => {
    let info;
    let real: string | Buffer;
    try {
      info = await stat(path);
      real = typeof path === 'string' ? await realpath(path) : await realpath(path, { encoding: 'buffer' });
    } catch (error) {
      // A named input that cannot be read is reported as an unreadable file by the ingestion, with its reason.
      if (given) set.files.push(shown);
      else set.skipped.push(`${shown}: 跳过：${why(error)}`);
      return;
    }
    // Loops and second links are known by the real path's bytes, whatever their encoding.
    const key = typeof real === 'string' ? real : real.toString('latin1');
    if (info.isDirectory()) {
      if (seenFolders.has(key)) return void set.skipped.push(`${shown}: 跳过：文件夹已读过（符号链接指回已读的文件夹）`);
      seenFolders.add(key);
      if (given && typeof real === 'string') set.folders.push(real);
      let entries: Buffer[];
      try {
        entries = (await readdir(path, { encoding: 'buffer' })).sort(Buffer.compare);
      } catch (error) {
        set.unreadable++;
        return void set.skipped.push(`${shown}: 无法列出文件夹内容：${why(error)}`);
      }
      // Files of other kinds are not read; one line per folder names them by extension, so none goes unmentioned.
      const others = new Map<string, number>();
      for (const entry of entries) {
        let child: string | Buffer;
        let childShown: string;
        let text: string | undefined;
        try {
          text = utf8.decode(entry);
        } catch {
          text = undefined;
        }
        if (text !== undefined && typeof path === 'string') {
          child = join(path, text);
          childShown = join(shown, text);
        } else {
          const base = typeof path === 'string' ? Buffer.from(path) : path;
          child = Buffer.concat([base, Buffer.from(sep), entry]);
          const odd = text === undefined ? oddName(entry, shown) : undefined;
          childShown = join(shown, odd?.name ?? text!);
          if (odd) set.notes.push(odd.note);
        }
        let childInfo;
        try {
          childInfo = await stat(child);
        } catch (error) {
          // What cannot even be looked at is never dropped silently. A path past the system's limit (4 KB), or one
          // that cannot be read, may be a folder of inputs or an input: it is listed as refused, so the exit
          // status says not everything was read. A link loop or a link to nothing is no file: a line says so.
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ELOOP' || code === 'ENOENT')
            set.skipped.push(`${childShown}: 跳过：${code === 'ELOOP' ? '符号链接循环' : '链接指向不存在的文件'}`);
          else set.files.push(childShown);
          continue;
        }
        const extension = extname(childShown).toLowerCase();
        if (childInfo.isDirectory() || INPUT_EXTENSIONS.has(extension)) await add(child, childShown, false);
        else others.set(extension || '无扩展名', (others.get(extension || '无扩展名') ?? 0) + 1);
      }
      if (others.size > 0) {
        const kinds = [...others].map(([extension, n]) => `${extension} ${n} 个`).join('、');
        set.notes.push(
          `${shown}: 跳过 ${[...others.values()].reduce((a, b) => a + b)} 个不读取的文件（${kinds}）：只读取 ${[...INPUT_EXTENSIONS].join(' ')}`,
        );
      }
      return;
    }
    if (!info.isFile()) return void set.skipped.push(`${shown}: 跳过：不是普通文件（FIFO、设备或套接字），不读取`);
    // A hard link has a real path of its own: the same file is known by its device and inode too (hostile24).
    const inode = info.ino ? `${info.dev}:${info.ino}` : undefined;
    if (seenFiles.has(key) || (inode && seenFiles.has(inode))) return void set.skipped.push(`${shown}: 跳过：与已读的文件是同一个文件（链接）`);
    seenFiles.add(key);
    if (inode) seenFiles.add(inode);
    if (typeof real === 'string') set.realFiles.push(real);
    set.files.push(typeof path === 'string' ? path : { bytes: new Uint8Array(path), name: shown });
  };
  for (const path of paths) await add(path, path, true);
  return set;
}

/**
 * A file name as a disk that ignores case and Unicode normalization compares it (macOS, Windows): A.CSV is a.csv,
 * and 北京.csv with 北 as the compatibility ideograph U+F963 (or é decomposed) is 北京.csv, one file.
 */
const fileNameKey = (name: string) => name.normalize('NFC').toLowerCase();

/** The names the report is written under (first as .partial), compared as fileNameKey does. */
const REPORT_NAMES = new Set(['report.json', 'report.json.partial']);

/**
 * Why `outDir` may not be written, or undefined: it must not be an input folder or inside one, nor an input
 * file, nor hold an input named as the report.
 */
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
  // The report's name is fixed: an input by that name (given from inside --out) would be replaced by it.
  const report = inputs.realFiles.find((f) => REPORT_NAMES.has(fileNameKey(basename(f))) && dirname(f) === real);
  if (report) return `输入文件 ${report} 在 --out ${outDir} 里，且与报告同名：报告会覆盖它；请换一个输出文件夹`;
  return undefined;
}

/** A file name is at most 255 bytes: room is left for `-NN.csv.partial`; a longer input name is cut (by characters). */
const MAX_STEM_BYTES = 200;

function outputStem(name: string): string {
  // Control characters (a name holding a line break or an escape sequence) never reach an output's name.
  const stem = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '_');
  if (Buffer.byteLength(stem) <= MAX_STEM_BYTES) return stem;
  let cut = '';
  for (const c of stem) {
    if (Buffer.byteLength(cut + c) > MAX_STEM_BYTES) break;
    cut += c;
  }
  return cut;
}

/** Something other than a regular file (a folder, a link, a FIFO) is in the way of an output's name. */
function notAFile(path: string): boolean {
  try {
    // Nearly always nothing is there: asked without an exception (building one per input file costs more than the lstat).
    const found = lstatSync(path, { throwIfNoEntry: false });
    return found !== undefined && !found.isFile();
  } catch {
    return false;
  }
}

const indent = (json: string, pad: string) => pad + json.replaceAll('\n', `\n${pad}`);

/** Ingests `inputs` into `outDir`; `onFile` sees each file's report (e.g. to print its problems). */
export async function ingestInputs(
  inputs: InputPath[],
  outDir: string,
  options: IngestOptions,
  onFile: (report: FileReport) => void = () => {},
  inputFiles: string[] = [],
  /** Told each temporary file (a .partial) as it is opened and once it is renamed or removed: an interrupted run removes them. */
  onPartial: (path: string, open: boolean) => void = () => {},
): Promise<IngestTotals> {
  const reportPath = join(outDir, 'report.json');
  // An output never takes the name of an input (an input file given from inside the output folder), neither as
  // it is written (name.csv.partial: a refused input's partial output is removed) nor once renamed; compared
  // by fileNameKey, since on macOS and Windows B.CSV and b.csv are one file.
  const realOut = await realpath(outDir);
  const isInput = new Set(inputFiles.map(fileNameKey));
  const isInputName = (name: string) => isInput.has(fileNameKey(join(realOut, name)));
  // An older run's report would stay beside this run's outputs should this one stop (Ctrl-C, a full disk) and be
  // taken for its report: it goes first, and this run's takes its place only once complete. (A folder by that
  // name is left alone: the report cannot be written, as before.)
  const older = await lstat(reportPath).catch(() => undefined);
  if (older && !older.isDirectory()) await rm(reportPath, { force: true });
  onPartial(`${reportPath}.partial`, true);
  const report = createFreshFile(`${reportPath}.partial`);
  let reportError: Error | undefined;
  report.on('error', (error) => (reportError ??= error));
  report.write('{\n  "files": [');
  const totals = emptyTotals();
  const used = new Set<string>(['report']);
  // Outputs finish writing while the next input is read; their names are taken, so nothing else opens them.
  const closing: Promise<void>[] = [];
  let failure: unknown;
  /** The output being written: when writing fails, its .partial is removed with the others'. */
  let current: TidyCsvWriter | undefined;
  try {
    for (const input of inputs) {
      const shown = inputName(input);
      const stem = outputStem(basename(shown, extname(shown)));
      // Not an input's name, not a name this run wrote already, not a folder or other non-file already there.
      // Compared by fileNameKey: on macOS and Windows A.csv and a.csv are one file.
      const taken = (name: string) =>
        used.has(fileNameKey(name)) || isInputName(`${name}.csv`) || isInputName(`${name}.csv.partial`) || notAFile(join(outDir, `${name}.csv`));
      let name = stem;
      for (let n = 2; taken(name); n++) name = `${stem}-${n}`;
      const output = join(outDir, `${name}.csv`);
      onPartial(`${output}.partial`, true);
      const writer = new TidyCsvWriter(output);
      current = writer;
      const file = await ingestToSink(openablePath(input), writer, options, shown);
      const entry: FileReport & { output?: string; outputColumns?: string[] } = file;
      if (file.status === 'read') {
        closing.push(
          writer
            .close(file.counts.valuesWritten === 0)
            .catch((error) => {
              failure ??= error;
            })
            .finally(() => onPartial(`${output}.partial`, false)),
        );
        if (closing.length >= 16) await Promise.all(closing.splice(0));
        used.add(fileNameKey(name));
        entry.output = `${name}.csv`;
        // A quarterly or monthly table's output has a 9th column; the report says so beside the file's name.
        if (writer.hasPeriods) entry.outputColumns = [...TIDY_COLUMNS, PERIOD_COLUMN];
      } else {
        await writer.discard();
        onPartial(`${output}.partial`, false);
      }
      current = undefined;
      report.write((totals.files === 0 ? '\n' : ',\n') + indent(JSON.stringify(entry, null, 2), '    '));
      addToTotals(totals, file);
      onFile(file);
      if (report.writableNeedDrain) await once(report, 'drain');
    }
    await Promise.all(closing);
    if (failure) throw failure;
    if (reportError) throw reportError;
  } catch (error) {
    // An output that cannot be written stops the command: no half-written report or output is left behind
    // (a full disk left every .partial in place, the disk still full).
    report.destroy();
    await rm(`${reportPath}.partial`, { force: true });
    await current?.discard();
    await Promise.allSettled(closing);
    throw error;
  }
  report.write(`${totals.files === 0 ? '' : '\n  '}],\n  "totals": ${indent(JSON.stringify(totals, null, 2), '  ').trimStart()}\n}\n`);
  report.end();
  await finished(report).catch(() => undefined);
  if (reportError) throw reportError;
  await rename(`${reportPath}.partial`, reportPath);
  onPartial(`${reportPath}.partial`, false);
  return totals;
}
