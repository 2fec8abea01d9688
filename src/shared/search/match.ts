// Ranked, typo-tolerant matching of indicator, region and place names, in the browser. Tiers, best first:
// a name equal to the query; a name starting with it; a word readers use for an indicator (医生 for
// 执业(助理)医师, synonyms.ts); a name containing it. Near misses (出声率 → 人口出生率 by shared characters,
// brith rate → Crude birth rate by edit distance per word) are offered only when nothing matches better, so 出生
// never brings in 卫生 indicators by their one shared character. Places (cities) match only by their name or its
// start: they stand for the answer "本站只有省级数据" with their province.

export interface SearchName {
  kind: 'indicator' | 'region' | 'place';
  url: string;
  /** The name shown, in Chinese. */
  name: string;
  /** Other names it is found by: short and English names. */
  alt: string[];
  /** Words readers use for it that its name does not contain (医生, 医保, 看病贵). */
  keywords?: string[];
  /** A place's province (the page `url` leads to). */
  province?: string;
}

const CJK = /[\u3400-\u9fff]/;

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counted as one (brith -> birth). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function chineseScore(query: string, name: string): number {
  const pool = [...name];
  let shared = 0;
  for (const ch of query) {
    const at = pool.indexOf(ch);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  const ratio = shared / [...query].length;
  // Two-character queries (北经) may keep one of two; longer ones need most of their characters.
  return shared > 0 && ratio >= ([...query].length <= 2 ? 0.5 : 0.6) ? 0.8 * ratio : 0;
}

function latinScore(query: string, name: string): number {
  const words = name.split(' ');
  const scores = query.split(' ').map((q): number => {
    if (words.some((w) => w.startsWith(q))) return 1;
    const allowed = q.length <= 3 ? 0 : q.length <= 6 ? 1 : 2;
    return words.some((w) => editDistance(q, w) <= allowed || (w.length > q.length && editDistance(q, w.slice(0, q.length)) <= allowed)) ? 0.8 : 0;
  });
  return scores.every((s) => s > 0) ? (0.85 * scores.reduce((a, b) => a + b, 0)) / scores.length : 0;
}

/** 1 for a name containing the query, less for a near miss, 0 for no match. */
export function nameScore(query: string, name: string): number {
  const [q, n] = [normalize(query), normalize(name)];
  if (!q || !n) return 0;
  if (n.includes(q)) return 0.9 + (0.1 * q.length) / n.length;
  return CJK.test(q) ? chineseScore(q.replace(/ /g, ''), n.replace(/ /g, '')) : latinScore(q, n);
}

/** Score tiers: each tier beats every score of the tiers below, whatever the tie-breaks within it. */
const TIER = { exact: 5, prefix: 4, keyword: 3, contains: 2 } as const;

/** The entry's score for the query: TIER plus a fraction (closer to the whole name is better), or below 1 for a near miss. */
export function entryScore(query: string, entry: SearchName): number {
  const q = normalize(query);
  if (!q) return 0;
  const names = [entry.name, ...entry.alt].map(normalize).filter(Boolean);
  const closeness = (n: string) => (0.5 * q.length) / Math.max(n.length, q.length);
  if (names.some((n) => n === q)) return TIER.exact;
  const prefixed = names.filter((n) => n.startsWith(q));
  if (prefixed.length) return TIER.prefix + Math.max(...prefixed.map(closeness));
  if (entry.kind === 'place') return 0;
  // A keyword answers a query equal to it or holding it (看病贵吗), and a query of two or more characters it starts with.
  const keywords = (entry.keywords ?? []).map(normalize);
  if (keywords.some((k) => k === q || (k.length >= 2 && q.includes(k)) || (q.length >= 2 && k.startsWith(q)))) return TIER.keyword;
  const containing = names.filter((n) => n.includes(q) || (!CJK.test(q) && latinScore(q, n) >= 0.85));
  if (containing.length) return TIER.contains + Math.max(...containing.map(closeness));
  return Math.max(...names.map((n) => nameScore(query, n)));
}

/** On a tie a province comes before the city of the same name (吉林省 before 吉林市), and pages before places. */
const KIND_ORDER: Record<SearchName['kind'], number> = { region: 0, indicator: 1, place: 2 };

/**
 * The longest query read, in characters: every name is far shorter (the longest about 65), and the near-miss
 * scores cost the query's length times each name's, so a pasted page or a link's ?q= of 6,000 characters froze
 * the tab for seconds (minutes on a phone) (hostile25). Pagefind is asked the same cut query.
 */
export const MAX_QUERY = 100;

/** The query as it is searched: cut at MAX_QUERY characters (whole code points). */
export function searchQuery(text: string): string {
  return [...text.trim()].slice(0, MAX_QUERY).join('');
}

/** Names matching the query, best first; near misses only when nothing matches by name, keyword or containment. */
export function matchNames(text: string, names: SearchName[]): SearchName[] {
  const query = searchQuery(text);
  const scored = names.map((entry) => ({ entry, score: entryScore(query, entry) })).filter((m) => m.score > 0);
  const firm = scored.filter((m) => m.score >= TIER.contains);
  return (firm.length ? firm : scored)
    .sort((a, b) => b.score - a.score || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.entry.name.length - b.entry.name.length)
    .map((m) => m.entry);
}
