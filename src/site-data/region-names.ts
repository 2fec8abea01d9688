// A region's name in a language, the one function for it at build time: Chinese short names as charts and tables
// write them (内蒙古, 广西, 全国), English names as the statistics bureau's English pages give them (Inner Mongolia,
// Guangxi, China), from data/regions.csv's name_en (published as region-names-en.json; the search names use the
// same file). Browser code gets names already chosen through here (the embed data, the explore data).
import type { Lang } from '../shared/i18n/lang.ts';
import { shortRegionName } from '../shared/charts/points.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import { zh } from '../shared/i18n/zh.ts';
import { readRegionNamesEn } from './read.ts';

/**
 * `region` is the Chinese name as published (北京市) or as a boundary file gives it (北京). An English name missing
 * from the list falls back to the code, never to Chinese text on an English page.
 */
export function regionNameIn(lang: Lang, code: string, region: string): string {
  if (lang === 'en') return readRegionNamesEn()[code] ?? code;
  return code === NATIONAL_CODE ? zh.indicator.national : shortRegionName(region);
}

/** Values with their region named for an edition's tables and lists: as published in Chinese (北京市), by code in English. */
export function withRegionNamesIn<V extends { regionCode: string; region: string }>(lang: Lang, values: V[]): V[] {
  return lang === 'zh' ? values : values.map((v) => ({ ...v, region: regionNameIn(lang, v.regionCode, v.region) }));
}
