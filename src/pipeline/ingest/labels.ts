// Indicator labels carry their unit at the end: 人口出生率(‰), 人口出生率 (‰) , 年末常住人口（万人）,
// 65岁及以上人口数(人口抽样调查)(人). The last bracket group is the unit unless it qualifies the name (see isUnit).

export interface Label {
  name: string;
  unit?: string;
}

// The rule (not a vocabulary): the label's last bracket group is its unit, unless the group is a qualifier of
// the indicator. A qualifier says how or where a figure was counted: it holds one of QUALIFIER_WORDS, or it is
// long (more than 12 characters; the longest unit seen, 元/平方米 or 上年同期=100, is far shorter). So compound
// units (元/平方米, 万千瓦时, 人/万人) and index bases (上年=100, 1978=100) are units, and 人口抽样调查 or
// 按当年价格计算 stay in the name.
const QUALIFIER_WORDS = /调查|普查|抽样|按|计算|口径|不含|包含|含|统计|价格|不变价|现价|合计|总计|以上|以下|及以|城镇|农村|乡村|男|女|助理/;
const MAX_UNIT_CHARS = 12;

const TRAILING_GROUP = /^(.*?)\s*[（(]\s*([^（）()]+?)\s*[)）]\s*$/;

/**
 * Control characters (an escape sequence, a bell), bidi controls, zero-width characters (U+200B, a soft hyphen,
 * U+FEFF, U+2060, as web pages and PDF copies give them) and noncharacters (U+FFFE): never part of a label or a
 * unit. Kept, they would reach every output row, and 出生\u200b率 would be a second series that looks like 出生率
 * (its values not even checked as duplicates of the first's).
 */
const INVISIBLE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/g;

export function parseLabel(raw: string): Label {
  // NFC: a label written with a CJK compatibility ideograph (率 as U+F9DB, as PDF copies and Big5 conversions
  // give) or a decomposed accent is the same text, so the same series, not a second one that looks alike.
  const text = raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC');
  const match = TRAILING_GROUP.exec(text);
  if (match && match[1]!.trim() !== '' && isUnit(match[2]!)) {
    return { name: match[1]!.trim(), unit: normalizeUnit(match[2]!) };
  }
  return { name: text };
}

export function isUnit(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > MAX_UNIT_CHARS) return false;
  // An index base (上年=100, 1978=100) is a unit even though it names a year.
  if (/=\s*100$/.test(t)) return true;
  return !QUALIFIER_WORDS.test(t);
}

/**
 * Full-width percent and similar variants become the form used in publications; invisible characters go and the
 * text is NFC, as in a label: a tidy file's unit cell ％ or ‰ with a bidi override is the unit of 出生率(%).
 */
export function normalizeUnit(unit: string): string {
  const u = unit.replace(INVISIBLE, '').trim().normalize('NFC');
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

/** A period within a year: 2022Q4 (quarter), 2020-01 (month), 2020-01/02 (January to February, cumulative). */
export interface PeriodLabel {
  year: number;
  period: string;
}

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Quarter and month headers of the 季度数据 and 月度数据 databases: 2022年第四季度, 2020年1月, 2020年1-2月. */
export function parsePeriodLabel(text: string): PeriodLabel | undefined {
  const t = text.replace(/\s+/g, '');
  const quarter = /^(\d{4})年第?([一二三四1-4])季度$/.exec(t);
  const month = /^(\d{4})年(\d{1,2})(?:[-－~～](\d{1,2}))?月$/.exec(t);
  const year = Number((quarter ?? month)?.[1]);
  if (!(year >= 1900 && year <= 2100)) return undefined;
  if (quarter) return { year, period: `${year}Q${QUARTERS[quarter[2]!]}` };
  const from = Number(month![2]);
  const to = month![3] === undefined ? from : Number(month![3]);
  if (!(from >= 1 && to <= 12 && from <= to)) return undefined;
  const mm = (m: number) => String(m).padStart(2, '0');
  return { year, period: from === to ? `${year}-${mm(from)}` : `${year}-${mm(from)}/${mm(to)}` };
}
