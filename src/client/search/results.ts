// Loaded when the search box is first used: the name list (typo-tolerant) and Pagefind's index (full text,
// Chinese segmented), merged into one list of links.
import { matchNames, searchQuery, type SearchName } from '../../shared/search/match.ts';
import { escapeXml } from '../../shared/format/markup.ts';
import { wordsFor, type Lang } from '../../shared/i18n/lang.ts';

/** The edition searched from: its words, and the root Pagefind's index is under (one index, split by <html lang>). */
export interface SearchSite {
  siteBase: string;
  lang: Lang;
}

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string) => Promise<{ results: { data: () => Promise<PagefindResult> }[] } | null>;
}
interface Hit {
  url: string;
  title: string;
  kind: 'indicator' | 'region' | 'page' | 'place';
  excerpt?: string;
  /** A place's province: the page `url` leads to. */
  province?: string;
}

let names: Promise<SearchName[]> | undefined;
let pagefind: Promise<Pagefind | null> | undefined;
let latest = 0;

function loadNames(base: string): Promise<SearchName[]> {
  // A failed fetch is forgotten, so that the next keystroke tries again.
  return (names ??= fetch(`${base}search/names.json`)
    .then((r) => (r.ok ? r.json() : []))
    .catch((error: unknown) => {
      names = undefined;
      throw error;
    }));
}

function loadPagefind(base: string): Promise<Pagefind | null> {
  // The index is built after the site (astro:build:done); without it, names alone still answer.
  return (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)
    .then(async (module: Pagefind) => {
      await module.options({ baseUrl: base, excerptLength: 24 });
      return module;
    })
    .catch(() => null));
}

const kindOf = (url: string, base: string): Hit['kind'] =>
  url.startsWith(`${base}indicators/`) ? 'indicator' : url.startsWith(`${base}regions/`) ? 'region' : 'page';

/**
 * Names first; then pages Pagefind finds in the text. Under the box, pages only when no name matches: every
 * region page mentions every indicator, so for 出生率 they would crowd out the answer. The search page lists all.
 */
export async function search(text: string, base: string, limit: number, full: boolean, siteBase = base): Promise<Hit[]> {
  const query = searchQuery(text);
  const all = await loadNames(base);
  const hits: Hit[] = [];
  for (const n of matchNames(query, all)) {
    hits.push({ url: n.url, title: n.name, kind: n.kind, ...(n.province ? { province: n.province } : {}) });
    // A city is answered by its province: the province's page follows the notice, once.
    const province = n.kind === 'place' && all.find((r) => r.kind === 'region' && r.url === n.url);
    if (province && !hits.some((h) => h.kind === 'region' && h.url === n.url)) hits.push({ url: province.url, title: province.name, kind: 'region' });
  }
  // Pagefind (about 13 KB of script, then its index) loads only when it is asked.
  const index = full || hits.length === 0 ? await loadPagefind(siteBase) : null;
  const found = index ? await index.search(query) : null;
  const pages = await Promise.all((found?.results ?? []).slice(0, limit).map((r) => r.data()));
  for (const page of pages) {
    const url = page.url.replace(/index\.html$/, '');
    if (!hits.some((h) => h.url === url)) hits.push({ url, title: page.meta.title ?? url, kind: kindOf(url, base), excerpt: page.excerpt });
  }
  return hits.slice(0, limit);
}

/** 广州市 → 广州, as readers say it in the notice (the full name stays in the index). */
const shortName = (name: string) => name.replace(/市$/, '');

export async function showResults(
  query: string,
  container: HTMLElement,
  base: string,
  full: boolean,
  site: SearchSite = { siteBase: base, lang: 'zh' },
): Promise<void> {
  const s = wordsFor(site.lang).search;
  const mine = ++latest;
  // The header box announces the count through a status line that is always there (a live region added with
  // its text is often not read out); the search page's list is a live region itself.
  const status = container.parentElement?.querySelector<HTMLElement>(':scope > [data-search-status]');
  const say = (text: string) => status && (status.textContent = text);
  if (!query.trim()) {
    container.hidden = true;
    container.innerHTML = '';
    say('');
    return;
  }
  container.hidden = false;
  let hits: Hit[];
  try {
    hits = await search(query.trim(), base, full ? 40 : 8, full, site.siteBase);
  } catch {
    if (mine === latest) {
      container.innerHTML = `<p class="search-count">${s.failed}</p>`;
      say(s.failed);
    }
    return;
  }
  if (mine !== latest) return;
  // Pagefind's excerpts are its own escaped text with <mark> around the matched words.
  const items = hits.map((h) =>
    h.kind === 'place'
      ? `<li class="search-place">${escapeXml(s.placeNotice(shortName(h.title)))}<a href="${escapeXml(h.url)}">${escapeXml(h.province ?? '')}</a></li>`
      : `<li><a href="${escapeXml(h.url)}">${escapeXml(h.title)}</a> <span class="search-kind">${s.kinds[h.kind]}</span>${h.excerpt && full ? `<p>${h.excerpt}</p>` : ''}</li>`,
  );
  const more = full ? '' : `<p class="search-more"><a href="${base}search/?q=${encodeURIComponent(query.trim())}">${s.more}</a></p>`;
  say(s.count(hits.length));
  container.innerHTML = `<p class="search-count">${s.count(hits.length)}</p>${hits.length ? `<ul>${items.join('')}</ul>${more}` : ''}`;
}
