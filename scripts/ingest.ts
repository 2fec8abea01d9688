// npm run ingest -- <file or folder>... --out <dir> [--indicator L] [--region R] [--year Y] [--unit U]
// Writes <dir>/<input name>.csv (tidy rows) for every input read, and <dir>/report.json for all of them.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile } from '../src/pipeline/ingest.ts';
import { problemLine, summarize, type IngestReport } from '../src/pipeline/report.ts';
import { tidyCsv } from '../src/pipeline/tidy-csv.ts';
import type { IngestOptions } from '../src/pipeline/types.ts';

const USAGE = '用法：npm run ingest -- <文件或文件夹>... --out <输出文件夹> [--indicator 指标(单位)] [--region 地区] [--year 年份] [--unit 单位]';
const INPUT_EXTENSIONS = new Set(['.csv', '.txt', '.xls', '.xlsx', '.xlsm', '.ods', '.et']);

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, indicator: { type: 'string' }, region: { type: 'string' }, year: { type: 'string' }, unit: { type: 'string' } },
  });
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = args;
if (positionals.length === 0) fail('没有给出输入文件。');
if (!values.out) fail('缺少 --out <输出文件夹>。');
const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !Number.isInteger(year)) fail(`--year 应为四位年份，实际为「${values.year}」。`);
const options: IngestOptions = {
  ...(values.indicator ? { indicator: values.indicator } : {}),
  ...(values.region ? { region: values.region } : {}),
  ...(year !== undefined ? { year } : {}),
  ...(values.unit ? { unit: values.unit } : {}),
};

async function expand(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [path]; // reported as unreadable by ingestFile
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path, { recursive: true })).sort();
  return entries.map((e) => join(path, e)).filter((p) => INPUT_EXTENSIONS.has(extname(p).toLowerCase()));
}

const inputs = (await Promise.all(positionals.map(expand))).flat();
await mkdir(values.out, { recursive: true });
const used = new Set<string>(['report']);
const files: IngestReport['files'] = [];
for (const input of inputs) {
  const { observations, report } = await ingestFile(input, options);
  let output: string | undefined;
  if (report.status === 'read') {
    let name = basename(input, extname(input));
    for (let n = 2; used.has(name); n++) name = `${basename(input, extname(input))}-${n}`;
    used.add(name);
    output = `${name}.csv`;
    await writeFile(join(values.out, output), tidyCsv(observations));
  }
  files.push({ ...report, ...(output ? { output } : {}) });
  for (const problem of report.problems) console.error(problemLine(problem));
}
const summary = summarize(files);
await writeFile(join(values.out, 'report.json'), JSON.stringify(summary, null, 2) + '\n');
const t = summary.totals;
console.log(`读取 ${t.files} 个文件（拒绝 ${t.refused} 个）：数据单元格 ${t.dataCells}，写出 ${t.valuesWritten}，空 ${t.cellsEmpty}，拒绝 ${t.cellsRejected}。报告：${join(values.out, 'report.json')}`);
process.exit(t.refused > 0 ? 1 : 0);
