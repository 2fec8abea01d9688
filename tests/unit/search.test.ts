// Search relevance: real queries with the results readers should get first, over the names index the site
// serves (/search/names.json). Exact and prefix names first, then the words readers use (synonyms.ts), then names
// containing the query; near misses only when nothing else matches; cities answered with their province.
import { describe, expect, it } from 'vitest';
import { searchNames, shortPlaceName } from '../../src/search/names.ts';
import { SEARCH_SYNONYMS } from '../../src/search/synonyms.ts';
import { matchNames, type SearchName } from '../../src/shared/search/match.ts';
import { readCatalog } from '../../src/site-data/read.ts';

const names = searchNames('/');
const top = (q: string, n: number) =>
  matchNames(q, names)
    .slice(0, n)
    .map((e) => e.name);

// [query, the first results in order, and names that must not appear at all]
const TABLE: [string, string[], string[]?][] = [
  ['医生', ['每千人口执业(助理)医师', '每万人口全科医生']],
  ['医师', ['每千人口执业(助理)医师']],
  ['医保', ['基本医疗保险参保率', '基本医疗保险参保人数']],
  ['看病贵', ['医院次均门诊费用', '医院次均住院费用', '个人卫生支出占卫生总费用比重']],
  ['出生', ['人口出生率'], ['卫生总费用', '人均卫生总费用', '居民健康素养水平']],
  ['出生率', ['人口出生率']],
  ['人口出生率', ['人口出生率']],
  ['护士', ['每千人口注册护士']],
  ['床位', ['医院病床使用率', '每千人口医疗卫生机构床位']],
  // A name starting with the query comes before the names it is a reader's word for.
  ['新农合', ['新农合政策范围内住院费用报销比例', '新型农村合作医疗参合率', '参加新型农村合作医疗人数']],
  ['寿命', ['人口平均预期寿命']],
  ['卫生总费用', ['卫生总费用', '卫生总费用占GDP比重']],
  ['人口死亡', ['人口死亡率']],
  ['婴儿', ['婴儿死亡率']],
  ['集采', ['国家组织药品集中采购累计品种数']],
  ['北京', ['北京市']],
  ['广东', ['广东省']],
  ['吉林', ['吉林省', '吉林市']],
  ['广州', ['广州市'], ['贵州省']],
  ['深圳市', ['深圳市'], ['贵州省']],
  ['出声率', ['人口出生率']],
  ['birth rate', ['人口出生率']],
  ['brith rate', ['人口出生率']],
  ['doctors', ['每千人口执业(助理)医师']],
  ['Guangdong', ['广东省']],
];

/** One row of a query table checked against an index: its first results in order, and names never offered. */
const firstResults =
  (index: SearchName[]) =>
  (query: string, expected: string[], absent: string[] = []) => {
    const results = matchNames(query, index).map((e) => e.name);
    expect(results.slice(0, expected.length)).toEqual(expected);
    for (const name of absent) expect(results).not.toContain(name);
  };

// The English edition's index (/en/search/names.json): English names first, the same words readers use.
const namesEn = searchNames('/', 'en');
const TABLE_EN: [string, string[], string[]?][] = [
  ['birth rate', ['Crude birth rate']],
  ['life expectancy', ['Life expectancy at birth']],
  ['doctors', ['Licensed (assistant) physicians per 1,000 population']],
  ['nurses', ['Registered nurses per 1,000 population']],
  ['GP', ['General practitioners per 10,000 population']],
  ['health insurance', ['Basic medical insurance coverage rate']],
  ['out of pocket', ['Out-of-pocket share of total health expenditure']],
  ['health spending', ['Total health expenditure']],
  ['health expenditure', ['Total health expenditure', 'Total health expenditure as a share of GDP', 'Total health expenditure per capita']],
  ['infant mortality', ['Infant mortality rate']],
  ['child mortality', ['Under-5 mortality rate']],
  ['maternal mortality', ['Maternal mortality ratio']],
  ['hospital beds', ['Health-facility beds per 1,000 population']],
  ['NCMS', ['NCMS participants', 'NCMS participation rate']],
  ['drug prices', ['Reimbursement-list negotiation: average price cut']],
  ['VBP', ['National volume-based procurement: drugs covered, cumulative']],
  ['hospital costs', ['Hospital inpatient cost per stay', 'Hospital outpatient cost per visit']],
  ['length of stay', ['Average length of hospital stay']],
  ['health records', ['Health record coverage', 'Electronic health record coverage']],
  ['Inner Mongolia', ['Inner Mongolia']],
  ['Nei Mongol', ['Inner Mongolia']],
  ['Tibet', ['Tibet']],
  ['brith rate', ['Crude birth rate']],
];

describe('search on the English pages: real queries and their first results', () => {
  it.each(TABLE_EN)('%s', firstResults(namesEn));

  it('every result links to an English page', () => {
    for (const [query] of TABLE_EN) for (const e of matchNames(query, namesEn)) expect(e.url, query).toMatch(/^\/en\//);
  });
});

describe('search: real queries and their first results', () => {
  it.each(TABLE)('%s', firstResults(names));

  it('出生 finds only names about births: no indicator by one shared character', () => {
    expect(top('出生', 10)).toEqual(['人口出生率']);
  });

  it('a city is answered with its province page, and is never offered for a near miss', () => {
    const [guangzhou] = matchNames('广州', names);
    expect(guangzhou).toMatchObject({ kind: 'place', name: '广州市', province: '广东省', url: '/regions/440000/' });
    expect(matchNames('深圳', names)[0]).toMatchObject({ kind: 'place', province: '广东省' });
    expect(matchNames('昆山', names)[0]).toMatchObject({ kind: 'place', name: '昆山市', province: '江苏省', url: '/regions/320000/' });
    // A fuzzy query reaches indicators and provinces, never a city.
    expect(matchNames('广洲省', names).every((e) => e.kind !== 'place')).toBe(true);
  });

  it('short place names', () => {
    expect(shortPlaceName('广州市')).toBe('广州');
    expect(shortPlaceName('大理白族自治州')).toBe('大理');
    expect(shortPlaceName('湘西土家族苗族自治州')).toBe('湘西');
    expect(shortPlaceName('锡林郭勒盟')).toBe('锡林郭勒');
    expect(shortPlaceName('阿里地区')).toBe('阿里');
  });

  it('every synonym names an indicator of the catalog', () => {
    const ids = new Set(readCatalog().map((e) => e.indicator.id));
    for (const id of Object.keys(SEARCH_SYNONYMS)) expect(ids.has(id), id).toBe(true);
  });

  it('the index stays small enough to load on first use', () => {
    expect(JSON.stringify(names).length).toBeLessThan(120_000);
    expect(names.filter((n) => n.kind === 'place').length).toBeGreaterThan(600);
  });
});
