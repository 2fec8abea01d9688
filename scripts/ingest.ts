// npm run ingest -- <file or folder>... --out <dir> [--indicator L] [--region R] [--year Y] [--unit U]
// Writes <dir>/<input name>.csv (tidy rows) for every input read, and <dir>/report.json for all of them,
// streaming: a file of any size is read and written piece by piece. Exit status: 0 every file read, 1 some
// file refused or nothing to read, 2 a usage or option error, 3 the output could not be written, 130 or 143
// stopped by SIGINT or SIGTERM (no .partial file left).
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapeControls } from '../src/pipeline/ingest/ingest-report.ts';
import { normalizeUnit } from '../src/pipeline/ingest/labels.ts';
import { expandInputs, outputRefusal } from '../src/pipeline/ingest/ingest-run.ts';
import { ingestInThread, Interrupted } from '../src/pipeline/ingest/ingest-thread.ts';
import type { IngestOptions } from '../src/pipeline/types.ts';

const USAGE = '用法：npm run ingest -- <文件或文件夹>... --out <输出文件夹> [--indicator 指标(单位)] [--region 地区] [--year 年份] [--unit 单位]';
/** The years a value may have (the ingestion's year labels, and the catalog's). */
const YEARS = { min: 1900, max: 2100 };

// process.exitCode, never process.exit: stderr piped to a file or `less` is written to the end first.
function stop(code: number, ...lines: string[]): never {
  for (const line of lines) console.error(escapeControls(line));
  process.exitCode = code;
  throw new StopSignal();
}
class StopSignal extends Error {}
function usage(message: string): never {
  return stop(2, message, USAGE);
}

/** parseArgs' error in one line of Chinese: an unknown option, or an option whose value is missing or starts with -. */
function parseArgsMessage(error: NodeJS.ErrnoException): string {
  const option = /'(--?[\w-]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 ${option}（文件名以 - 开头时写在 -- 之后）。`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option} 缺少值，或值以 - 开头（这样的值请写成 ${option}=值）。`;
  return error.message.split('\n')[0]!;
}

const MKDIR_REASONS: Record<string, string> = {
  ENAMETOOLONG: '路径太长',
  EROFS: '只读的文件系统',
  ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额',
  EACCES: '没有写权限',
  EPERM: '没有写权限',
  ENOTDIR: '路径中某一段是文件',
  EEXIST: '路径中某一段是文件',
};

/**
 * The error code of a failed mkdir -p. Node's recursive mkdir says ENOENT where the disk is read-only: the first
 * folder missing is then made alone, which fails with the real reason (EROFS) and is removed if it was made.
 */
async function mkdirFailure(out: string, error: NodeJS.ErrnoException): Promise<string> {
  if (error.code !== 'ENOENT') return error.code ?? error.message;
  let missing = resolve(out);
  while ((await stat(dirname(missing)).catch(() => undefined)) === undefined && dirname(missing) !== missing) missing = dirname(missing);
  try {
    await mkdir(missing);
    await rmdir(missing);
    return 'ENOENT';
  } catch (again) {
    return (again as NodeJS.ErrnoException).code ?? 'ENOENT';
  }
}

async function main(): Promise<void> {
  const parse = () =>
    parseArgs({
      allowPositionals: true,
      tokens: true,
      options: {
        out: { type: 'string' },
        indicator: { type: 'string' },
        region: { type: 'string' },
        year: { type: 'string' },
        unit: { type: 'string' },
      },
    });
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    usage(parseArgsMessage(error as NodeJS.ErrnoException));
  }
  const { values, positionals, tokens } = args;
  // An option given twice (--year 2024 --year 2023) would silently take the last: which one was meant is unknown.
  const given = tokens.filter((t) => t.kind === 'option').map((t) => t.name);
  const twice = given.find((name, i) => given.indexOf(name) !== i);
  if (twice) usage(`--${twice} 给出了不止一次：请只给一次。`);
  if (positionals.length === 0) usage('没有给出输入文件。');
  if (values.out === undefined || values.out.trim() === '') usage('缺少 --out <输出文件夹>。');
  for (const name of ['indicator', 'region', 'unit'] as const) {
    // A label holding an escape sequence or a line break would be written as it is into every output row.
    if (values[name] !== undefined && /[\u0000-\u001f\u007f-\u009f]/.test(values[name]))
      usage(`--${name} 含有控制字符或换行（「${values[name]}」）：请只给可见的文字。`);
    // Empty once invisible characters are dropped too (a zero-width space alone), as labels and units are read.
    if (values[name] !== undefined && normalizeUnit(values[name]) === '') usage(`--${name} 不能为空。`);
  }
  const year = values.year === undefined ? undefined : /^\s*\d{4}\s*$/.test(values.year) ? Number(values.year) : NaN;
  if (year !== undefined && !(year >= YEARS.min && year <= YEARS.max))
    usage(`--year 应为 ${YEARS.min}–${YEARS.max} 之间的四位年份，实际为「${values.year}」。`);
  const options: IngestOptions = {
    ...(values.indicator ? { indicator: values.indicator.trim() } : {}),
    ...(values.region ? { region: values.region.trim() } : {}),
    ...(year !== undefined ? { year } : {}),
    // Read as a label's unit is (％ is %): given as --unit ％ it was a second unit beside 出生率(%) in a header.
    ...(values.unit ? { unit: normalizeUnit(values.unit) } : {}),
  };

  const inputs = await expandInputs(positionals);
  for (const line of [...inputs.notes, ...inputs.skipped]) console.error(escapeControls(line));
  if (inputs.files.length === 0) stop(1, `没有可读取的输入文件（${positionals.join('、')} 中没有 .csv、.txt 或电子表格文件）。`);
  const out = values.out;
  const refusal = await outputRefusal(out, inputs);
  if (refusal) usage(refusal);
  const existing = await stat(out).catch(() => undefined);
  if (existing && !existing.isDirectory()) usage(`--out ${out} 已存在且不是文件夹。`);
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    const code = await mkdirFailure(out, error as NodeJS.ErrnoException);
    stop(3, `无法创建输出文件夹 ${out}：${code}（${MKDIR_REASONS[code] ?? '路径中某一段是文件，或没有写权限'}）`);
  }
  let result;
  try {
    result = await ingestInThread(inputs.files, inputs.realFiles, out, options, (lines) => {
      for (const line of lines) console.error(line);
    });
  } catch (error) {
    // 128 + the signal's number, as a shell reports a command stopped by it.
    if (error instanceof Interrupted)
      stop(error.signal === 'SIGINT' ? 130 : 143, `已中断（${error.signal}）：未写完的输出和报告已删除，已写完的输出留在 ${out}，report.json 未写出`);
    stop(3, `无法写出输出（${out}）：${(error as Error).message.split('\n')[0]}；已写出的输出不完整，请检查输出文件夹后重试`);
  }
  const t = result.totals;
  console.log(
    // escapeControls: --out may hold an escape sequence, and this line is shown on a terminal.
    escapeControls(
      `读取 ${t.files} 个文件（拒绝 ${t.refused} 个）：数据单元格 ${t.dataCells}，写出 ${t.valuesWritten}，空 ${t.cellsEmpty}，拒绝 ${t.cellsRejected}。报告：${join(out, 'report.json')}`,
    ),
  );
  process.exitCode = t.refused > 0 || inputs.unreadable > 0 ? 1 : 0;
}

await main().catch((error) => {
  if (error instanceof StopSignal) return;
  // Not the input's fault: one line, and the exit status of a failed write.
  console.error(`错误：${(error as Error).message.split('\n')[0]}`);
  process.exitCode = 3;
});
