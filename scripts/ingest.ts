// npm run ingest -- <file or folder>... --out <dir> [--indicator L] [--region R] [--year Y] [--unit U]
// Writes <dir>/<input name>.csv (tidy rows) for every input read, and <dir>/report.json for all of them,
// streaming: a file of any size is read and written piece by piece.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { expandInputs } from '../src/pipeline/ingest/ingest-run.ts';
import { ingestInThread } from '../src/pipeline/ingest/ingest-thread.ts';
import type { IngestOptions } from '../src/pipeline/types.ts';

const USAGE = '用法：npm run ingest -- <文件或文件夹>... --out <输出文件夹> [--indicator 指标(单位)] [--region 地区] [--year 年份] [--unit 单位]';

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      indicator: { type: 'string' },
      region: { type: 'string' },
      year: { type: 'string' },
      unit: { type: 'string' },
    },
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

const inputs = await expandInputs(positionals);
await mkdir(values.out, { recursive: true });
const { totals: t } = await ingestInThread(inputs, values.out, options, (lines) => {
  for (const line of lines) console.error(line);
});
console.log(
  `读取 ${t.files} 个文件（拒绝 ${t.refused} 个）：数据单元格 ${t.dataCells}，写出 ${t.valuesWritten}，空 ${t.cellsEmpty}，拒绝 ${t.cellsRejected}。报告：${join(values.out, 'report.json')}`,
);
process.exit(t.refused > 0 ? 1 : 0);
