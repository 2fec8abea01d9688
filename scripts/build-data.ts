// npm run data: data/raw + data/catalog + data/sources -> build/data. Stops with every problem listed
// (file:line:column) when any input value cannot be published.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CatalogError, loadCatalog } from '../src/catalog/load.ts';
import { ProcurementDataError } from '../src/site-data/procurement.ts';
import { buildData } from '../src/pipeline/build-published.ts';
import { PUBLISHED_DIR } from '../src/pipeline/publication.ts';
import { problemLine } from '../src/pipeline/ingest/ingest-report.ts';
import { MISSING_ADDRESS, resolveSiteUrl, SITE_URL_ENV } from '../src/site-address.ts';

const root = resolve(import.meta.dirname, '..');
// YIGAI_DATA_DIR reads another data/ folder (catalog, sources, raw), e.g. the bench's synthetic catalogs.
const dataDir = process.env.YIGAI_DATA_DIR ? resolve(process.env.YIGAI_DATA_DIR) : join(root, 'data');

/**
 * The lines a stopped run prints. The run ends by setting process.exitCode, never by process.exit(): that dropped
 * what stderr had not yet written to a pipe, and a catalog with 441 problems lost its last 11 and the summary line
 * past the pipe's 64 KB (hostile25).
 */
class StopRun {
  readonly lines: string[];
  constructor(lines: string[]) {
    this.lines = lines;
  }
}

/**
 * An input file that cannot be read or checked (catalog, sources, targets, events, procurement batches) stops the
 * run with every problem on its own line (file and field, or file:line:column), never with a stack trace.
 */
function stopOnInputError(error: unknown): never {
  if (error instanceof CatalogError || error instanceof ProcurementDataError)
    throw new StopRun([...error.problems, `数据目录有 ${error.problems.length} 处错误，构建停止。`]);
  throw error;
}

async function run(): Promise<string> {
  let catalog;
  try {
    catalog = loadCatalog(dataDir);
  } catch (error) {
    stopOnInputError(error);
  }
  // The site address (SITE_URL over release.yaml's site_url) goes into every citation and the package's homepage.
  try {
    const siteUrl = resolveSiteUrl(process.env[SITE_URL_ENV], catalog.release.site_url);
    catalog.release = { ...catalog.release, ...(siteUrl ? { site_url: siteUrl } : {}) };
  } catch (error) {
    throw new StopRun([`${SITE_URL_ENV}: ${(error as Error).message}`]);
  }
  // npm run build:publish: a build meant for a host stops here, before anything is written, without an address.
  if (process.env.PUBLISH === '1' && !catalog.release.site_url) throw new StopRun([MISSING_ADDRESS]);
  const { files, problems, reports } = await buildData(catalog, join(dataDir, 'raw'), dirname(dataDir)).catch(stopOnInputError);
  const errors = problems.filter((p) => p.severity === 'error');
  const refused = reports.filter((r) => r.status === 'refused');
  if (errors.length > 0 || refused.length > 0)
    throw new StopRun([...problems.map(problemLine), `数据有 ${errors.length} 处错误、${refused.length} 个文件被拒绝，构建停止。`]);
  for (const p of problems) console.error(problemLine(p));
  // Write to a temporary folder, then swap, so a failed run never leaves half a dataset behind.
  const target = resolve(root, PUBLISHED_DIR);
  const temp = `${target}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(temp, path)), { recursive: true });
    writeFileSync(join(temp, path), content);
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(temp, target);
  const written = reports.reduce((n, r) => n + r.counts.valuesWritten, 0);
  return `数据：${reports.length} 个文件，${written} 个数值，${catalog.indicators.length} 个指标 → ${PUBLISHED_DIR}/`;
}

try {
  console.log(await run());
} catch (error) {
  if (!(error instanceof StopRun)) throw error;
  for (const line of error.lines) console.error(line);
  process.exitCode = 1;
}
