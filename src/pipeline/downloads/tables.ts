// The tables researchers download, with their Table Schema beside the rows: one definition of each column
// serves the CSV header, datapackage.json and the downloads page.
import { valueNoteIn } from '../../shared/i18n/lang.ts';
import { COMPARATORS, STATUSES } from '../../catalog/schema.ts';
import type { PublishedSeries, PublishedValue } from '../publication.ts';
import { NATIONAL_CODE } from '../../shared/national-code.ts';
import { decimalText } from '../ingest/tidy-output.ts';
import { sourceCitation } from '../../shared/downloads/citation.ts';

export interface FieldSpec {
  name: string;
  type: 'string' | 'integer' | 'number' | 'year';
  title: string;
  description: string;
  /** Custom Table Schema property: the unit of a numeric column, exactly as the publications write it. */
  unit?: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string };
}

export interface Table {
  /** File name in the downloads folder and resource name in datapackage.json (without .csv). */
  name: string;
  title: string;
  description: string;
  fields: FieldSpec[];
  primaryKey?: string[];
  rows: string[][];
}

const REGION_CODE: FieldSpec = {
  name: 'region_code',
  type: 'string',
  title: '地区代码',
  description: 'GB/T 2260 行政区划代码；100000 表示全国。GB/T 2260 division code; 100000 = national.',
  constraints: { required: true, pattern: '^\\d{6}$' },
};
const REGION: FieldSpec = { name: 'region', type: 'string', title: '地区', description: '地区名称（全国或省级行政区）。Region name.' };
const YEAR: FieldSpec = { name: 'year', type: 'year', title: '年份', description: '统计年度。Reference year.', constraints: { required: true } };
const STATUS: FieldSpec = {
  name: 'status',
  type: 'string',
  title: '核对状态',
  description: '核对状态。Verification status: cross-checked, single-source, preliminary, revised (superseded in revisions only).',
  constraints: { enum: [...STATUSES] },
};
const COMPARATOR: FieldSpec = {
  name: 'comparator',
  type: 'string',
  title: '比较符',
  description:
    '空表示数值即发布的数；>= 表示发布机构只给出下限（如“95%以上”），> 表示“超过”，<= 和 < 表示上限，~ 表示约数（“左右”“约”）。Empty: the value is the published figure; >=: a floor ("above 95%"); >: "more than"; <=, <: ceilings; ~: approximate.',
  constraints: { enum: ['', ...COMPARATORS] },
};
const sourceFields = (prefix: string, what: string): FieldSpec[] => [
  {
    name: `${prefix}source_id`,
    type: 'string',
    title: `${what}来源代码`,
    description: '来源的代码，对应 datapackage.json 的 sources。Source id, see sources in datapackage.json.',
  },
  {
    name: `${prefix}source`,
    type: 'string',
    title: `${what}来源`,
    description: '原始发布：发布机构、题名、发布年份。Original publication: publisher, title, year.',
  },
];

function valueField(series: PublishedSeries, name = 'value', title = '数值'): FieldSpec {
  const { unit, unit_en } = series.indicator;
  return {
    name,
    type: 'number',
    title,
    unit,
    description: `数值，单位：${unit}；小数位数与原发布相同。Value in ${unit_en}, with the decimals of the original publication.`,
  };
}

const byPlace = (a: PublishedValue, b: PublishedValue) => a.regionCode.localeCompare(b.regionCode) || a.year - b.year;
const key = (v: PublishedValue) => `${v.regionCode}|${v.year}`;
const cite = (series: PublishedSeries, v: PublishedValue) => sourceCitation(series.sources[v.source]!);

/** One value a row, values in force only; earlier releases of the same figure are named in the last column. */
export function tidyTable(series: PublishedSeries): Table {
  const { indicator } = series;
  const earlier = new Map<string, PublishedValue[]>();
  for (const e of series.earlierReleases) earlier.set(key(e), [...(earlier.get(key(e)) ?? []), e]);
  const rows = [...series.values]
    .sort(byPlace)
    .map((v) => [
      indicator.id,
      indicator.name_zh,
      indicator.unit,
      v.regionCode,
      v.region,
      String(v.year),
      decimalText(v.value, v.decimals),
      v.comparator ?? '',
      v.status,
      v.source,
      cite(series, v),
      series.sources[v.source]!.url ?? '',
      v.sourceFile,
      String(v.sourceLine),
      v.note ?? '',
      valueNoteIn('en', v) ?? '',
      (earlier.get(key(v)) ?? []).map((e) => `${decimalText(e.value, e.decimals)}（${cite(series, e)}）`).join('；'),
    ]);
  return {
    name: indicator.id,
    title: `${indicator.name_zh}（长表）`,
    description: `${indicator.name_zh}：每行一个数值，含地区代码、年份、数值、单位、核对状态和来源。${indicator.definition}`,
    primaryKey: ['region_code', 'year'],
    fields: [
      { name: 'indicator_id', type: 'string', title: '指标代码', description: '指标的代码。Indicator id.' },
      { name: 'indicator', type: 'string', title: '指标', description: '指标名称。Indicator name.' },
      { name: 'unit', type: 'string', title: '单位', description: '计量单位，照原发布写法。Unit as published.' },
      REGION_CODE,
      REGION,
      YEAR,
      valueField(series),
      COMPARATOR,
      STATUS,
      ...sourceFields('', ''),
      {
        name: 'source_url',
        type: 'string',
        title: '来源网址',
        description: '原始发布的网址（已知时）。URL of the original publication, when known.',
      },
      {
        name: 'source_file',
        type: 'string',
        title: '输入文件',
        description: '数值读自的输入文件（仓库内路径）。Input file the value was read from.',
      },
      { name: 'source_line', type: 'integer', title: '输入行号', description: '输入文件中的行号。Line in the input file.' },
      { name: 'note', type: 'string', title: '说明', description: '关于该数值的说明。Note on the value.' },
      {
        name: 'note_en',
        type: 'string',
        title: '说明（英文）',
        description: '该说明的英文（说明原为英文时即说明本身）。Note on the value, in English.',
      },
      {
        name: 'earlier_releases',
        type: 'string',
        title: '早先发布的数值',
        description: '同一数值早先发布、后被修订或取代的版本及其来源，以“；”分隔。Earlier releases of this figure with their sources.',
      },
    ],
    rows,
  };
}

/** Regions as rows, years as columns: the layout people paste into spreadsheets. National first. */
/** The wide CSV's column of bounded years: "2015:>=; 2024:~" (>= floor, > above, <= ceiling, < below, ~ about). */
const BOUNDS_FIELD: FieldSpec = {
  name: 'bounds',
  type: 'string',
  title: '下限、上限或约数',
  description:
    '该行中哪些年份的数值是发布机构给出的界限或约数，写作“年份:比较符”，分号分隔：>= 为“以上”，> 为“超过”，<= 为“以下”，< 为“不足”，~ 为“约”。Years whose value is a bound or an approximate level, as year:comparator (>= at least, > more than, <= at most, < less than, ~ about).',
};

export function wideTable(series: PublishedSeries): Table {
  const { indicator } = series;
  const years = [...new Set(series.values.map((v) => v.year))].sort((a, b) => a - b);
  const regions = new Map<string, string>();
  for (const v of [...series.values].sort(byPlace)) regions.set(v.regionCode, v.region);
  const cell = new Map(series.values.map((v) => [key(v), decimalText(v.value, v.decimals)]));
  // A bound ("95%以上") is not the figure itself; a bare 95 in a year column would read as one. The year columns
  // stay numbers, and a last column names the years whose value is a bound, only in files that have any.
  const bounded = series.values.some((v) => v.comparator);
  const bounds = (code: string) =>
    series.values
      .filter((v) => v.regionCode === code && v.comparator)
      .sort((a, b) => a.year - b.year)
      .map((v) => `${v.year}:${v.comparator}`)
      .join('; ');
  const order = [...regions.keys()].sort((a, b) => Number(b === NATIONAL_CODE) - Number(a === NATIONAL_CODE) || a.localeCompare(b));
  return {
    name: `${indicator.id}-wide`,
    title: `${indicator.name_zh}（宽表）`,
    description: `${indicator.name_zh}：每行一个地区，每列一个年份（单位：${indicator.unit}）；空格表示没有数值。核对状态和来源见长表。${
      series.values.some((v) => v.comparator) ? '部分数值是发布机构给出的下限或约数（如“95%以上”），见长表的 comparator 列。' : ''
    }`,
    primaryKey: ['region_code'],
    fields: [
      REGION_CODE,
      REGION,
      { name: 'unit', type: 'string', title: '单位', description: '计量单位。Unit.' },
      ...years.map((y) => ({ ...valueField(series, String(y), `${y}年`) })),
      ...(bounded ? [BOUNDS_FIELD] : []),
    ],
    rows: order.map((code) => [
      code,
      regions.get(code)!,
      indicator.unit,
      ...years.map((y) => cell.get(`${code}|${y}`) ?? ''),
      ...(bounded ? [bounds(code)] : []),
    ]),
  };
}

/** Every earlier release beside the value now in force, across the dataset. */
export function revisionsTable(all: PublishedSeries[]): Table {
  const rows: string[][] = [];
  for (const series of all) {
    const inForce = new Map(series.values.map((v) => [key(v), v]));
    for (const e of [...series.earlierReleases].sort(byPlace)) {
      const now = inForce.get(key(e));
      rows.push([
        series.indicator.id,
        series.indicator.name_zh,
        series.indicator.unit,
        e.regionCode,
        e.region,
        String(e.year),
        decimalText(e.value, e.decimals),
        e.source,
        cite(series, e),
        e.note ?? '',
        valueNoteIn('en', e) ?? '',
        now ? decimalText(now.value, now.decimals) : '',
        now?.status ?? '',
        now?.source ?? '',
        now ? cite(series, now) : '',
      ]);
    }
  }
  return {
    name: 'revisions',
    title: '修订记录',
    description: '数据集中每个早先发布、后被修订或取代的数值，及现行数值和各自来源。Every earlier release with the value now in force.',
    fields: [
      { name: 'indicator_id', type: 'string', title: '指标代码', description: 'Indicator id.' },
      { name: 'indicator', type: 'string', title: '指标', description: 'Indicator name.' },
      { name: 'unit', type: 'string', title: '单位', description: 'Unit as published.' },
      REGION_CODE,
      REGION,
      YEAR,
      { name: 'earlier_value', type: 'number', title: '早先发布的数值', description: '早先发布的数值。The earlier release.' },
      ...sourceFields('earlier_', '早先数值'),
      { name: 'earlier_note', type: 'string', title: '说明', description: 'Note on the earlier release.' },
      {
        name: 'earlier_note_en',
        type: 'string',
        title: '说明（英文）',
        description: 'Note on the earlier release, in English (the note itself when written in English).',
      },
      { name: 'value', type: 'number', title: '现行数值', description: '现行数值（空表示现行数据中没有该值）。Value now in force.' },
      { ...STATUS, title: '现行数值核对状态' },
      ...sourceFields('', '现行数值'),
    ],
    rows,
  };
}
