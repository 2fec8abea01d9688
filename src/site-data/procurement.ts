// National volume-based drug procurement, batch by batch (data/raw/reform/vbp-batches.yaml). Procurement is
// measured per batch, not per year, so it is not an indicator series: this module reads the file at build time,
// checks it (schema, known sources, order) and stops the build with file:line:column messages when it is wrong.
import { join } from 'node:path';
import { LineCounter, type Node } from 'yaml';
import { z } from 'zod';
import { linkOutsideData, loadCatalog, MAX_YAML_BYTES } from '../catalog/load.ts';
import { invisibleCharacters, parseDataYaml } from '../catalog/data-text.ts';
import { afterRelease } from '../catalog/load-targets.ts';
import { readErrorText, ReadError, readTextFile } from '../pipeline/ingest/regular-file.ts';
import { calendarDate, type SourceSpec } from '../catalog/schema.ts';

export const PROCUREMENT_FILE = join('raw', 'reform', 'vbp-batches.yaml');

/** Only a figure's own verification applies here; a batch's announcement is never revised into another. */
export const BATCH_STATUSES = ['cross-checked', 'single-source'] as const;

const text = z.string().min(1);

export const ProcurementBatch = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '应为小写字母、数字和连字符组成的 id，例如 batch-1'),
    name_zh: text,
    name_en: text,
    /** When the results were announced: a day (2021-06-23) or, where only the month is known, a month (2020-08). */
    date: calendarDate('day', 'month'),
    /** Drugs (品种) procured in the batch, as stated. */
    drugs: z.number().int().positive(),
    /** Average price cut in per cent, as stated; null where the pages read give none (never estimated). */
    price_cut: z.number().gt(0).lt(100).nullable(),
    price_cut_basis_zh: text.optional(),
    price_cut_basis_en: text.optional(),
    /** Cumulative drugs over all batches so far, only where a source states it. */
    cumulative: z.number().int().positive().nullable(),
    source: z.string().min(1),
    status: z.enum(BATCH_STATUSES),
    note_zh: text,
    note_en: text,
  })
  .refine((b) => (b.price_cut_basis_zh === undefined) === (b.price_cut_basis_en === undefined), {
    message: '比较基准应同时有中文和英文（price_cut_basis_zh 与 price_cut_basis_en）',
    path: ['price_cut_basis_zh'],
  })
  .refine((b) => b.price_cut !== null || b.price_cut_basis_zh === undefined, {
    message: '没有平均降幅（price_cut 为 null）时不应写比较基准',
    path: ['price_cut_basis_zh'],
  });
export type ProcurementBatch = z.infer<typeof ProcurementBatch>;

const ProcurementFile = z.strictObject({ batches: z.array(ProcurementBatch).min(1) });

export class ProcurementDataError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`集中采购批次数据有 ${problems.length} 处错误：\n${problems.join('\n')}`);
    this.problems = problems;
  }
}

export interface ProcurementData {
  batches: ProcurementBatch[];
  /** The publications the batches cite, by id. */
  sources: Record<string, SourceSpec>;
}

/** Checks the file's text; `file` names it in messages, `sourceIds` are the ids of data/sources/; a batch after `releaseDate` is refused. */
export function parseProcurementBatches(
  yamlText: string,
  file: string,
  sourceIds: ReadonlySet<string>,
  releaseDate?: string,
): { batches: ProcurementBatch[]; problems: string[] } {
  const lineCounter = new LineCounter();
  const { doc, problem } = parseDataYaml(yamlText, lineCounter);
  const at = (path: (string | number)[]) => {
    // The node the problem is about, or its nearest parent that exists (a missing field points at its entry).
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return `${file}:${line}:${col}`;
      }
    }
    return `${file}:1:1`;
  };
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    return { batches: [], problems: [`${file}:${line}:${col}: YAML 无法解析：${problem.message.split('\n')[0]}`] };
  }
  const raw: unknown = doc.toJS();
  const invisible = invisibleCharacters(raw);
  if (invisible.length > 0) return { batches: [], problems: invisible.map(({ path, message }) => `${at(path)}: 字段 ${path.join('.')}：${message}`) };
  const result = ProcurementFile.safeParse(raw);
  if (!result.success) {
    return {
      batches: [],
      problems: result.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return `${at(path)}: 字段 ${path.join('.') || '(整个文件)'}：${issue.message}`;
      }),
    };
  }
  const batches = result.data.batches;
  const problems: string[] = [];
  const seen = new Set<string>();
  batches.forEach((b, i) => {
    if (seen.has(b.id)) problems.push(`${at(['batches', i, 'id'])}: 字段 batches.${i}.id：批次 id「${b.id}」重复`);
    seen.add(b.id);
    if (!sourceIds.has(b.source))
      problems.push(`${at(['batches', i, 'source'])}: 字段 batches.${i}.source：应为 data/sources/ 中已有的来源 id，实际为 ${b.source}`);
    const late = afterRelease(b.date, releaseDate);
    if (late) problems.push(`${at(['batches', i, 'date'])}: 字段 batches.${i}.date：${late}`);
    const previous = batches[i - 1];
    // Dates compare as text: a month (2020-08) sorts before any day of that month.
    if (previous && b.date < previous.date) {
      problems.push(`${at(['batches', i, 'date'])}: 字段 batches.${i}.date：批次应按时间先后排列，${b.date} 早于上一批的 ${previous.date}`);
    }
    const lastStated = batches
      .slice(0, i)
      .map((x) => x.cumulative)
      .filter((c): c is number => c !== null)
      .at(-1);
    if (b.cumulative !== null && lastStated !== undefined && b.cumulative < lastStated) {
      problems.push(`${at(['batches', i, 'cumulative'])}: 字段 batches.${i}.cumulative：累计品种数 ${b.cumulative} 小于此前已公布的 ${lastStated}`);
    }
  });
  return { batches: problems.length ? [] : batches, problems };
}

/** Reads and checks data/raw/reform/vbp-batches.yaml with the sources it cites; throws with every problem. */
export function loadProcurementBatches(dataDir = 'data'): ProcurementData {
  const file = join(dataDir, PROCUREMENT_FILE);
  const catalog = loadCatalog(dataDir);
  const outside = linkOutsideData(file, dataDir);
  if (outside) throw new ProcurementDataError([outside]);
  let text: string;
  try {
    text = readTextFile(file, MAX_YAML_BYTES);
  } catch (error) {
    if (error instanceof ReadError) throw new ProcurementDataError([`${file}: 无法读取：${readErrorText(error)}`]);
    throw error;
  }
  const { batches, problems } = parseProcurementBatches(text, file, new Set(catalog.sources.keys()), catalog.release.date);
  if (problems.length > 0) throw new ProcurementDataError(problems);
  const sources: Record<string, SourceSpec> = {};
  for (const b of batches) sources[b.source] = catalog.sources.get(b.source)!;
  return { batches, sources };
}

/** The batches with a stated average price cut, the only ones a chart of cuts may draw. */
export function batchesWithPriceCut(batches: ProcurementBatch[]): (ProcurementBatch & { price_cut: number })[] {
  return batches.filter((b): b is ProcurementBatch & { price_cut: number } => b.price_cut !== null);
}
