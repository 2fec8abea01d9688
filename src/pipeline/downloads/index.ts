// Everything under /data/ for researchers, made from the published series: per indicator a tidy CSV, a wide
// CSV and a JSON file; revisions.csv, targets.csv, events.csv, vbp-batches.csv (procurement by batch),
// ingestion.json, datapackage.json, README.md, SHA256SUMS and the zip of all.
import type { Catalog } from '../../catalog/load.ts';
import type { SourceSpec } from '../../catalog/schema.ts';
import type { PublishedSeries } from '../publication.ts';
import { bytesOf, checksumFile, type FileContent, sha256, zipBundle } from './bundle.ts';
import { SITE_URL_PLACEHOLDER, type CitationParts } from '../../shared/downloads/citation.ts';
import { csvDocument } from '../../shared/downloads/csv-cells.ts';
import { dataPackage, type PackageInput, type WrittenFile } from './datapackage.ts';
import { bundleReadme, type ReadmeEntry } from './readme.ts';
import { seriesJson } from './series-json.ts';
import { revisionsTable, tidyTable, wideTable, type Table } from './tables.ts';
import type { TargetsData } from '../../catalog/load-targets.ts';
import { eventsTable, publishedTargets, targetsTable, type PublishedTargets } from './targets.ts';
import type { ProcurementData } from '../../site-data/procurement.ts';
import { procurementTable } from './procurement.ts';

export type DownloadKind =
  'tidy' | 'wide' | 'json' | 'revisions' | 'targets' | 'events' | 'procurement' | 'ingestion' | 'datapackage' | 'readme' | 'checksums' | 'bundle';

/** One line of the downloads page: what the file is, its size, row count and checksum. */
export interface DownloadEntry extends WrittenFile {
  kind: DownloadKind;
  indicatorId?: string;
  title: string;
}

export const BUNDLE_FILE = 'yigai-data.zip';

function written(path: string, content: FileContent, rows?: number): WrittenFile {
  return { path, bytes: bytesOf(content).length, sha256: sha256(content), ...(rows !== undefined ? { rows } : {}) };
}

export function publishDownloads(
  all: PublishedSeries[],
  catalog: Catalog,
  reportJson: string,
  targetsData: TargetsData = { plans: [], events: [] },
  procurement?: ProcurementData,
) {
  const { release } = catalog;
  const plans: PublishedTargets = publishedTargets(all, targetsData, release);
  const files = new Map<string, FileContent>();
  const entries: DownloadEntry[] = [];
  const pkg: PackageInput = { release, tables: [], others: [], sources: [] };
  const add = (kind: DownloadKind, path: string, content: FileContent, title: string, rows?: number, indicatorId?: string) => {
    files.set(path, content);
    const file = written(path, content, rows);
    entries.push({ ...file, kind, title, ...(indicatorId ? { indicatorId } : {}) });
    return file;
  };
  const addTable = (kind: DownloadKind, table: Table, sources: SourceSpec[], indicatorId?: string) => {
    const file = add(
      kind,
      `${table.name}.csv`,
      csvDocument(
        table.fields.map((f) => f.name),
        table.rows,
      ),
      table.title,
      table.rows.length,
      indicatorId,
    );
    pkg.tables.push({ table, file, sources });
  };

  const used = new Map<string, SourceSpec>();
  for (const series of all) {
    const { indicator } = series;
    const sources = Object.values(series.sources);
    for (const s of sources) used.set(s.id, s);
    addTable('tidy', tidyTable(series), sources, indicator.id);
    addTable('wide', wideTable(series), sources, indicator.id);
    const parts: CitationParts = {
      release,
      url: release.site_url ? new URL(`indicators/${indicator.id}/`, release.site_url).href : `${SITE_URL_PLACEHOLDER}/indicators/${indicator.id}/`,
      accessed: '引用日期',
    };
    const title = `${indicator.name_zh}（数值与元数据，JSON）`;
    const file = add(
      'json',
      `${indicator.id}.json`,
      seriesJson(
        series,
        parts,
        plans.targets.filter((t) => t.indicatorId === indicator.id),
      ),
      title,
      series.values.length,
      indicator.id,
    );
    pkg.others.push({
      name: `${indicator.id}-json`,
      title,
      description: `${indicator.name_zh}的数值、定义、单位、来源、修订和引用格式。`,
      format: 'json',
      file,
    });
  }
  const revisions = revisionsTable(all);
  addTable('revisions', revisions, []);
  if (plans.targets.length) addTable('targets', targetsTable(plans.targets), []);
  if (plans.events.length) addTable('events', eventsTable(plans.events), []);
  if (procurement?.batches.length) {
    const batchSources = Object.values(procurement.sources);
    for (const s of batchSources) used.set(s.id, s);
    addTable('procurement', procurementTable(procurement), batchSources);
  }
  // Not report.json: frictionless takes a resource path ending in report.json for a validation report of its
  // own and fails the package (tests/helpers/data-package.ts lists every such name).
  const report = add('ingestion', 'ingestion.json', reportJson, '数据处理报告（读入、警告、拒绝的单元格）');
  pkg.others.push({
    name: 'ingestion',
    title: '数据处理报告',
    description: '读入的文件、每个文件的计数、每条警告和每个被拒绝的单元格。Ingestion report.',
    format: 'json',
    file: report,
  });
  pkg.sources = [...used.values()].sort((a, b) => a.id.localeCompare(b.id));

  add('datapackage', 'datapackage.json', dataPackage(pkg), '数据包描述（Frictionless Data Package）');
  const readmeEntries: ReadmeEntry[] = entries.map((e) => ({ file: e, title: e.title }));
  add(
    'readme',
    'README.md',
    bundleReadme(release, readmeEntries, {
      values: all.reduce((n, s) => n + s.values.length, 0),
      earlier: all.reduce((n, s) => n + s.earlierReleases.length, 0),
      indicators: all.length,
    }),
    '说明（内容、写法、校验、引用、许可）',
  );
  add('checksums', 'SHA256SUMS', checksumFile(files), '全部文件的 SHA-256 校验值');
  const zip = zipBundle(`yigai-data-${release.version}`, files, release.date);
  entries.push({ ...written(BUNDLE_FILE, zip), kind: 'bundle', title: `全部数据打包下载（数据版本 ${release.version}）` });
  files.set(BUNDLE_FILE, zip);
  return { files, entries, targets: plans };
}
