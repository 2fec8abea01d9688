// Loads data/catalog/<id>.yaml and data/sources/<id>.yaml, checked by their schemas. An error names the
// file and the field, and says what was expected and what was found.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
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

function loadRelease(file: string, problems: string[]): ReleaseSpec | undefined {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${file}: 无法读取：${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const result = ReleaseSpec.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(`${file}: 字段 ${issue.path.join('.') || '(整个文件)'}：${issue.message}`);
  return undefined;
}

function loadFolder<T extends z.ZodType>(dir: string, schema: T, problems: string[]): z.infer<T>[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const items: z.infer<T>[] = [];
  for (const name of files) {
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${file}: YAML 无法解析：${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join('.') || '(整个文件)';
        problems.push(`${file}: 字段 ${field}：${issue.message}`);
      }
      continue;
    }
    const item = result.data as { id: string };
    const expected = name.replace(/\.ya?ml$/, '');
    if (item.id !== expected) problems.push(`${file}: 字段 id：应与文件名一致（${expected}），实际为 ${item.id}`);
    items.push(result.data);
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
