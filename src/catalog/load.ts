// Loads data/catalog/<id>.yaml and data/sources/<id>.yaml, checked by their schemas. An error names the
// file and the field, and says what was expected and what was found.
import { readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import type { z } from 'zod';
import { readErrorText, ReadError, readTextFile } from '../pipeline/ingest/regular-file.ts';
import { IndicatorSpec, ReleaseSpec, SourceSpec } from './schema.ts';
import { invisibleCharacters, parseDataYaml } from './data-text.ts';

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
    const { doc, problem } = parseDataYaml(readTextFile(file, MAX_YAML_BYTES));
    if (problem) throw problem;
    raw = doc.toJS();
  } catch (error) {
    if (error instanceof ReadError) {
      problems.push(`${file}: 无法读取：${readErrorText(error)}${error.code === 'ETOOBIG' ? `（上限 ${MAX_YAML_BYTES} 字节）` : ''}`);
      return undefined;
    }
    problems.push(`${file}: ${unreadable}：${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const invisible = invisibleCharacters(raw);
  for (const { path, message } of invisible) problems.push(`${file}: 字段 ${path.join('.')}：${message}`);
  const result = schema.safeParse(raw);
  if (result.success) return invisible.length === 0 ? result.data : undefined;
  for (const issue of result.error.issues) problems.push(`${file}: 字段 ${issue.path.join('.') || '(整个文件)'}：${issue.message}`);
  return undefined;
}

/**
 * Why `file` must not be read: a link whose target lies outside the data folder `dataDir` (a source linked from
 * ~/private/ would be published as if the repository held it), as links under data/raw are refused; or undefined.
 */
export function linkOutsideData(file: string, dataDir: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined; // missing or dangling: the read says so
  }
  const root = realpathSync(dataDir);
  if (real.startsWith(root + sep)) return undefined;
  return `${file}: 无法读取：链接指向数据目录之外（${real}）：构建只读取仓库里的文件；请把文件复制进来，而不是链接`;
}

/** Why a data folder cannot be listed (missing, a file, not readable), or undefined: a line, not node's stack trace. */
export function folderError(dir: string): string | undefined {
  try {
    readdirSync(dir);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件夹不存在' : code === 'ENOTDIR' ? '不是文件夹' : code === 'EACCES' ? '没有读取权限' : (code ?? String(error));
    return `无法读取文件夹：${why}`;
  }
}

/**
 * The YAML files of a folder, in name order. Two files for one name (x.yaml beside x.yml) would be two entries with
 * one id, the second silently overwriting the first wherever entries are looked up by id: both are refused.
 */
export function yamlFiles(dir: string, problems: string[]): string[] {
  const unreadable = folderError(dir);
  if (unreadable) {
    problems.push(`${dir}: ${unreadable}`);
    return [];
  }
  const names = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const stem = (name: string) => name.replace(/\.ya?ml$/, '');
  const twice = new Set(names.filter((name, i) => names.findIndex((n) => stem(n) === stem(name)) !== i).map(stem));
  for (const name of names.filter((n) => twice.has(stem(n))))
    problems.push(
      `${join(dir, name)}: 与 ${names.filter((n) => n !== name && stem(n) === stem(name)).join('、')} 都是 ${stem(name)} 的文件：只能保留一个`,
    );
  const outside = (file: string) => linkOutsideData(file, dirname(dir));
  for (const name of names) {
    const problem = outside(join(dir, name));
    if (problem) problems.push(problem);
  }
  return names.filter((name) => !twice.has(stem(name)) && !outside(join(dir, name))).map((name) => join(dir, name));
}

function loadRelease(file: string, problems: string[]): ReleaseSpec | undefined {
  const outside = linkOutsideData(file, dirname(file));
  if (outside) return void problems.push(outside);
  return readYamlFile(file, ReleaseSpec, problems, '无法读取');
}

/** The entries of a folder, each checked by `schema`; `files` learns each id's file (x.yml is named as it is). */
function loadFolder<T extends z.ZodType>(dir: string, schema: T, problems: string[], files = new Map<string, string>()): z.infer<T>[] {
  const items: z.infer<T>[] = [];
  for (const file of yamlFiles(dir, problems)) {
    const data = readYamlFile(file, schema, problems);
    if (data === undefined) continue;
    const item = data as { id: string };
    const expected = basename(file).replace(/\.ya?ml$/, '');
    if (item.id !== expected) problems.push(`${file}: 字段 id：应与文件名一致（${expected}），实际为 ${item.id}`);
    files.set(item.id, file);
    items.push(data);
  }
  return items;
}

/**
 * Names the site publishes for itself beside the indicators' own files (/data/<name>.csv or .json, the site's share
 * card /pictures/share/site.png). An indicator with such an id, or whose id is another's plus `-wide` (that one's
 * wide CSV) or `-json` (its JSON resource in datapackage.json), would have one file overwrite the other without a
 * word (hostile25). tests/unit/hostile-site.test.ts checks the list against what the downloads write.
 */
export const RESERVED_INDICATOR_IDS = ['revisions', 'targets', 'events', 'vbp-batches', 'ingestion', 'datapackage', 'site'];
const DERIVED_SUFFIXES = ['-wide', '-json'];

/** Why an indicator id cannot be used beside the others (a name clash), or undefined. */
function idClash(id: string, ids: Set<string>): string | undefined {
  if (RESERVED_INDICATOR_IDS.includes(id))
    return `「${id}」是站点自己文件的名字（${RESERVED_INDICATOR_IDS.join('、')} 都不能用作指标 id），请换一个 id`;
  for (const suffix of DERIVED_SUFFIXES) {
    const other = id.endsWith(suffix) ? id.slice(0, -suffix.length) : '';
    const what = suffix === '-wide' ? `宽表 ${id}.csv` : `数据包资源 ${id}`;
    if (ids.has(other)) return `「${id}」与指标 ${other} 的${what} 重名，请换一个 id`;
  }
  return undefined;
}

export function loadCatalog(root = 'data'): Catalog {
  const problems: string[] = [];
  const indicatorFiles = new Map<string, string>();
  const indicators = loadFolder(join(root, 'catalog'), IndicatorSpec, problems, indicatorFiles);
  const sourceList = loadFolder(join(root, 'sources'), SourceSpec, problems);
  const sources = new Map(sourceList.map((s) => [s.id, s]));
  const release = loadRelease(join(root, 'release.yaml'), problems);
  const names = new Map<string, string>();
  const ids = new Set(indicators.map((i) => i.id));
  for (const indicator of indicators) {
    const file = indicatorFiles.get(indicator.id)!;
    const clash = idClash(indicator.id, ids);
    if (clash) problems.push(`${file}: 字段 id：${clash}`);
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
