// Indicator labels carry their unit at the end: 人口出生率(‰), 人口出生率 (‰) , 年末常住人口（万人）,
// 65岁及以上人口数(人口抽样调查)(人). Only a trailing group that looks like a unit is taken as the unit.

export interface Label {
  name: string;
  unit?: string;
}

// Units seen in NBS and NHC tables. A trailing group outside this vocabulary (e.g. 人口抽样调查) stays in the name.
const UNIT_PATTERN =
  /^(‰|%|％|‱|1\/10万|1\/万|\/10万|[十百千万亿]*(人|人次|元|美元|张|个|岁|户|所|床|吨|千克|公斤|平方米|平方公里|公里|千米|小时|天|日|次|件|项|辆|台|册|家|年)|[十百千万亿]*元\/人|元\/人|人\/千人|张\/千人|人\/万人|张\/万人|每千人|每万人|千分比|百分比|岁\/人)$/;

const TRAILING_GROUP = /^(.*?)\s*[（(]\s*([^（）()]+?)\s*[)）]\s*$/;

export function parseLabel(raw: string): Label {
  const text = raw.replace(/\s+/g, ' ').trim();
  const match = TRAILING_GROUP.exec(text);
  if (match && isUnit(match[2]!)) {
    return { name: match[1]!.trim(), unit: normalizeUnit(match[2]!) };
  }
  return { name: text };
}

export function isUnit(text: string): boolean {
  return UNIT_PATTERN.test(text.trim());
}

/** Full-width percent and similar variants become the form used in publications. */
export function normalizeUnit(unit: string): string {
  const u = unit.trim();
  if (u === '％') return '%';
  if (u === '/10万') return '1/10万';
  return u;
}

/** `指标：人口出生率(‰)` and other header lines: `数据库：年度数据`. Returns [key, value] or undefined. */
export function parseHeaderLine(cell: string): [string, string] | undefined {
  const match = /^(数据库|指标|时间|地区)\s*[：:]\s*(.*)$/.exec(cell.trim());
  return match ? [match[1]!, match[2]!.trim()] : undefined;
}

/** Year labels seen so far (a folder of exports repeats the same few dozen), forgotten when there are many. */
let yearLabels = new Map<string, number | undefined>();

/** A year label: 2022年, 2022, "2022 ". Returns the year or undefined. */
export function parseYearLabel(text: string): number | undefined {
  const known = yearLabels.get(text);
  if (known !== undefined || yearLabels.has(text)) return known;
  const match = /^(\d{4})\s*年?$/.exec(text.trim());
  const year = match ? Number(match[1]) : undefined;
  const found = year !== undefined && year >= 1900 && year <= 2100 ? year : undefined;
  if (yearLabels.size >= 10_000) yearLabels = new Map();
  yearLabels.set(text, found);
  return found;
}

/** `时间：2024年` names one year; ranges and `最近20年` do not. */
export function singleYearOf(time: string | undefined): number | undefined {
  return time === undefined ? undefined : parseYearLabel(time);
}
