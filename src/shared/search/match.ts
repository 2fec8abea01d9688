// Typo-tolerant matching of indicator and region names, in the browser: Chinese by shared characters (出声率
// finds 人口出生率), Latin letters by edit distance per word (brith rate finds Crude birth rate).

export interface SearchName {
  kind: 'indicator' | 'region';
  url: string;
  /** The name shown, in Chinese. */
  name: string;
  /** Other names it is found by: short and English names. */
  alt: string[];
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

/** Names matching the query, best first. */
export function matchNames(query: string, names: SearchName[]): SearchName[] {
  return names
    .map((entry) => ({ entry, score: Math.max(...[entry.name, ...entry.alt].map((n) => nameScore(query, n))) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.name.length - b.entry.name.length)
    .map((m) => m.entry);
}
