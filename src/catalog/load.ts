// Loads data/catalog/<id>.yaml and data/sources/<id>.yaml, checked by their schemas. An error names the
// file and the field, and says what was expected and what was found.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { readErrorText, ReadError, readTextFile } from '../pipeline/ingest/regular-file.ts';
import { IndicatorSpec, ReleaseSpec, SourceSpec } from './schema.ts';

export class CatalogError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`数据目录有 ${problems.length} 处错误：\n${problems.join('\n')}`);
    this.problems = problems;
  }
}

export interface Catalog {
  indicators: IndicatorSpec[];
  sources: Map<string, SourceSpec>;
  release: ReleaseSpec;
}

/** A catalog, source, target or event file is a page of hand-written YAML; anything near this is not one. */
export const MAX_YAML_BYTES = 1 << 20;

/** One YAML file checked by its schema, or undefined with every problem (file and field) in `problems`. */
export function readYamlFile<T extends z.ZodType>(file: string, schema: T, problems: string[], unreadable = 'YAML 无法解析'): z.infer<T> | undefined {
  let raw: unknown;
  try {
    // A warning (an unknown tag such as !!js/function) is an error too: it was printed over several lines
    // beside the build's output and the value read as plain text (hostile24).
    const doc = parseDocument(readTextFile(file, MAX_YAML_BYTES));
    const first = doc.errors[0] ?? doc.warnings[0];
    if (first) throw first;
    raw = doc.toJS();
  } catch (error) {
    if (error instanceof ReadError) {
      problems.push(`${file}: 无法读取：${readErrorText(error)}${error.code === 'ETOOBIG' ? `（上限 ${MAX_YAML_BYTES} 字节）` : ''}`);
      return undefined;
    }
    problems.push(`${file}: ${unreadable}：${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(`${file}: 字段 ${issue.path.join('.') || '(整个文件)'}：${issue.message}`);
  return undefined;
}

/** The YAML files of a folder, in name order. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((name) => join(dir, name));
}

function loadRelease(file: string, problems: string[]): ReleaseSpec | undefined {
  return readYamlFile(file, ReleaseSpec, problems, '无法读取');
}

function loadFolder<T extends z.ZodType>(dir: string, schema: T, problems: string[]): z.infer<T>[] {
  const items: z.infer<T>[] = [];
  for (const file of yamlFiles(dir)) {
    const data = readYamlFile(file, schema, problems);
    if (data === undefined) continue;
    const item = data as { id: string };
    const expected = basename(file).replace(/\.ya?ml$/, '');
    if (item.id !== expected) problems.push(`${file}: 字段 id：应与文件名一致（${expected}），实际为 ${item.id}`);
    items.push(data);
  }
  return items;
}

export function loadCatalog(root = 'data'): Catalog {
  const problems: string[] = [];
  const indicators = loadFolder(join(root, 'catalog'), IndicatorSpec, problems);
  const sourceList = loadFolder(join(root, 'sources'), SourceSpec, problems);
  const sources = new Map(sourceList.map((s) => [s.id, s]));
  const release = loadRelease(join(root, 'release.yaml'), problems);
  const names = new Map<string, string>();
  for (const indicator of indicators) {
    const file = join(root, 'catalog', `${indicator.id}.yaml`);
    indicator.sources.forEach((id, i) => {
      if (!sources.has(id)) problems.push(`${file}: 字段 sources.${i}：应为 data/sources/ 中已有的来源 id，实际为 ${id}`);
    });
    for (const name of [indicator.id, indicator.name_zh, ...indicator.aliases]) {
      const other = names.get(name);
      if (other && other !== indicator.id) problems.push(`${file}: 字段 name_zh/aliases：名称「${name}」已被 ${other} 使用`);
      names.set(name, indicator.id);
    }
  }
  if (problems.length > 0 || !release) throw new CatalogError(problems);
  return { indicators, sources, release };
}
