// The names the search box finds without Pagefind's index (typo-tolerant, see match.ts): every indicator by
// its Chinese and English names, every province by full, short and English name. Served as /search/names.json.
import { readCatalog } from '../site-data/read.ts';
import { provincialRegions } from '../explore/region-pages.ts';
import type { SearchName } from '../shared/search/match.ts';

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
    }));
  const regions = provincialRegions().map((r): SearchName => ({
    kind: 'region',
    url: `${base}regions/${r.code}/`,
    name: r.name,
    alt: [r.shortName, REGION_NAMES_EN[r.code] ?? ''].filter(Boolean),
  }));
  return [...indicators, ...regions];
}
