// Region names to GB/T 2260 codes: full names (北京市), short names (北京, 内蒙古), common wrong forms
// (广西省, 新疆省), and the national total (全国, code 100000). Built from data/regions.csv.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { NATIONAL_CODE } from '../shared/national-code.ts';

export interface Region {
  code: string;
  name: string;
  shortName: string;
  /** The English name as the statistics bureau's English pages write it (Inner Mongolia, Guangxi, Tibet); the
   * national total is "China". Counties and cities found during ingestion have none. */
  nameEn?: string;
  /** One of the 31 mainland divisions in NBS provincial tables (not Hong Kong, Macao, Taiwan). */
  inNbsProvincial: boolean;
}

const regionsCsv = new URL('../../data/regions.csv', import.meta.url);

let cache: { list: Region[]; byName: Map<string, Region>; byCode: Map<string, Region> } | undefined;

function load() {
  if (cache) return cache;
  const parsed = Papa.parse<Record<string, string>>(readFileSync(regionsCsv, 'utf8'), { header: true, skipEmptyLines: true });
  const list = parsed.data.map((r) => ({
    code: r.code!,
    name: r.name!,
    shortName: r.short_name!,
    nameEn: r.name_en!,
    inNbsProvincial: r.in_nbs_provincial === 'yes',
  }));
  const byName = new Map<string, Region>();
  const byCode = new Map<string, Region>();
  for (const region of list) {
    byCode.set(region.code, region);
    byCode.set(region.code.slice(0, 2), region);
    for (const alias of aliasesOf(region)) byName.set(alias, region);
  }
  cache = { list, byName, byCode };
  return cache;
}

function aliasesOf(region: Region): string[] {
  if (region.code === NATIONAL_CODE) return ['全国', '全国合计', '全国总计', '总计', '合计', '中国', '全国（不含港澳台）'];
  const short = region.shortName;
  // Wrong forms people type: every short name with 省/市/自治区/区 appended (广西省, 新疆省, 内蒙古省, 宁夏区).
  return [region.name, short, `${short}省`, `${short}市`, `${short}自治区`, `${short}区`, `${short}特别行政区`];
}

/** Finds a region by name or by 2- or 6-digit code; undefined when unknown. */
export function findRegion(nameOrCode: string): Region | undefined {
  const key = nameOrCode.replace(/\s+/g, '').trim();
  const { byName, byCode } = load();
  if (/^\d{2}(\d{4})?$/.test(key)) return byCode.get(key);
  return byName.get(key);
}

export function allRegions(): Region[] {
  return load().list;
}

export function nationalRegion(): Region {
  return findRegion(NATIONAL_CODE)!;
}
