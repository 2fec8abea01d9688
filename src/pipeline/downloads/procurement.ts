// vbp-batches.csv: national volume-based procurement batch by batch, for researchers, with its Table Schema.
// Procurement is measured per batch, not per year, so it is a table of its own beside the indicator series:
// the figures exactly as data/raw/reform/vbp-batches.yaml states them (read and checked by
// src/site-data/procurement.ts), empty where a batch's announcement gives none. Nothing is summed here.
import { BATCH_STATUSES, type ProcurementData } from '../../site-data/procurement.ts';
import { sourceCitation } from '../../shared/downloads/citation.ts';
import type { FieldSpec, Table } from './tables.ts';

export const PROCUREMENT_TABLE = 'vbp-batches';

const FIELDS: FieldSpec[] = [
  { name: 'batch_id', type: 'string', title: '批次代码', description: '批次的代码。Batch id.', constraints: { required: true } },
  { name: 'batch', type: 'string', title: '批次', description: '批次名称。Batch name.', constraints: { required: true } },
  { name: 'batch_en', type: 'string', title: '批次（英文）', description: 'Batch name in English.' },
  {
    name: 'date',
    type: 'string',
    title: '结果公布',
    description: '结果公布的日期，YYYY-MM-DD；只知道月份时写 YYYY-MM。Date the results were announced; YYYY-MM where only the month is known.',
    constraints: { required: true, pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' },
  },
  {
    name: 'drugs',
    type: 'integer',
    title: '品种数',
    unit: '种',
    description: '本批采购的药品品种数，照公布的表述。Drugs procured in the batch, as stated.',
    constraints: { required: true },
  },
  {
    name: 'price_cut',
    type: 'number',
    title: '平均降价幅度',
    unit: '%',
    description:
      '公布的平均降价幅度（%），比较基准见 price_cut_basis；空表示所读来源未给出，本站不估算。Average price cut as stated, in per cent; empty where none was published (never estimated).',
  },
  {
    name: 'price_cut_basis',
    type: 'string',
    title: '比较基准',
    description: '平均降幅的比较基准；有降幅而此列为空表示来源未说明。各批基准不同，不宜直接比较。Baseline of the cut; batches differ.',
  },
  { name: 'price_cut_basis_en', type: 'string', title: '比较基准（英文）', description: 'Baseline of the cut in English.' },
  {
    name: 'cumulative',
    type: 'integer',
    title: '累计品种数（来源所述）',
    unit: '种',
    description: '来源明确给出的累计品种数；空表示来源未给出，本站不自行相加。Cumulative drugs over all batches, only where a source states it.',
  },
  {
    name: 'status',
    type: 'string',
    title: '核对状态',
    description: 'cross-checked = 两处独立读数一致；single-source = 只见一处。Verification status.',
    constraints: { required: true, enum: [...BATCH_STATUSES] },
  },
  {
    name: 'source_id',
    type: 'string',
    title: '来源代码',
    description: '来源的代码，对应 datapackage.json 的 sources。Source id, see sources in datapackage.json.',
    constraints: { required: true },
  },
  { name: 'source', type: 'string', title: '来源', description: '原始发布：发布机构、题名、发布年份。Original publication: publisher, title, year.' },
  { name: 'note', type: 'string', title: '说明', description: '关于本批数字的说明（读自哪里、哪些只见一处）。Note.' },
  { name: 'note_en', type: 'string', title: '说明（英文）', description: 'Note in English.' },
];

const cell = (n: number | null) => (n === null ? '' : String(n));

export function procurementTable({ batches, sources }: ProcurementData): Table {
  return {
    name: PROCUREMENT_TABLE,
    title: '国家组织药品集中带量采购（按批次）',
    description:
      '国家组织药品集中带量采购各批次：结果公布日期、品种数、公布的平均降价幅度及其比较基准、来源所述的累计品种数、核对状态和来源。按批次而非按年统计，不是年度序列。National volume-based procurement by batch.',
    primaryKey: ['batch_id'],
    fields: FIELDS,
    rows: batches.map((b) => [
      b.id,
      b.name_zh,
      b.name_en,
      b.date,
      String(b.drugs),
      cell(b.price_cut),
      b.price_cut_basis_zh ?? '',
      b.price_cut_basis_en ?? '',
      cell(b.cumulative),
      b.status,
      b.source,
      sourceCitation(sources[b.source]!),
      b.note_zh,
      b.note_en,
    ]),
  };
}
