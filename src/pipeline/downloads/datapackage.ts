// datapackage.json (Frictionless Data Package v1): one resource per file with its Table Schema, sources,
// licence, version and created date, so frictionless (Python, R) and similar tools load the bundle directly.
import type { ReleaseSpec, SourceSpec } from '../../catalog/schema.ts';
import { sourceCitation } from '../../shared/downloads/citation.ts';
import type { Table } from './tables.ts';

/** A file as written: its bytes' length and SHA-256, which the resource entry records. */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
  rows?: number;
}

export const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } as const;

function tabularResource(table: Table, file: WrittenFile, sources: SourceSpec[]) {
  return {
    profile: 'tabular-data-resource',
    name: table.name,
    path: file.path,
    title: table.title,
    description: table.description,
    format: 'csv',
    mediatype: 'text/csv',
    // UTF-8 with a byte-order mark: readers that honour the encoding skip the BOM (frictionless, pandas utf-8-sig, readr).
    encoding: 'utf-8',
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    rows: table.rows.length,
    dialect: CSV_DIALECT,
    schema: {
      fields: table.fields,
      ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
      missingValues: [''],
    },
    ...(sources.length ? { sources: sources.map(packageSource) } : {}),
  };
}

function packageSource(source: SourceSpec) {
  return { title: sourceCitation(source), ...(source.url ? { path: source.url } : {}) };
}

export interface PackageInput {
  release: ReleaseSpec;
  tables: { table: Table; file: WrittenFile; sources: SourceSpec[] }[];
  /** Non-tabular files (per-indicator JSON, the ingestion report): name, title, description, format. */
  others: { name: string; title: string; description: string; format: 'json'; file: WrittenFile }[];
  sources: SourceSpec[];
}

export function dataPackage(input: PackageInput): string {
  const { release } = input;
  const doc = {
    profile: 'data-package',
    name: 'yigai-data',
    title: release.title,
    description: `${release.title_en}. 中国医药卫生体制改革相关的官方统计数据：每个数值附核对状态、原始发布和读取位置。`,
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    homepage: release.site_url,
    keywords: ['医改', '卫生统计', '国家统计局', 'health reform', 'China', 'health statistics'],
    contributors: [{ title: release.compiler, role: 'author' }],
    licenses: [{ name: release.licence.name, title: release.licence.title, path: release.licence.path }],
    sources: input.sources.map(packageSource),
    resources: [
      ...input.tables.map(({ table, file, sources }) => tabularResource(table, file, sources)),
      ...input.others.map(({ name, title, description, format, file }) => ({
        profile: 'data-resource',
        name,
        path: file.path,
        title,
        description,
        format,
        mediatype: 'application/json',
        encoding: 'utf-8',
        bytes: file.bytes,
        hash: `sha256:${file.sha256}`,
      })),
    ],
  };
  return JSON.stringify(doc, null, 1) + '\n';
}
