// The options of an embed address (?regions=…&from=…&to=…&theme=…&lang=…), read and written in one place:
// the embed page applies them, the embed box writes them. A value we do not offer falls back to the default.
export const MAX_REGIONS = 6;
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** What one chart view offers: region codes, years, languages, and what it shows by default. */
export interface EmbedOffer {
  regions: string[];
  defaultRegions: string[];
  years: number[];
  langs: string[];
}

export interface EmbedOptions {
  regions: string[];
  from: number;
  to: number;
  theme: Theme;
  lang: string;
}

function wholeNumber(text: string | null): number | undefined {
  return text !== null && /^\d{1,4}$/.test(text.trim()) ? Number(text) : undefined;
}

export function defaultOptions(offer: EmbedOffer): EmbedOptions {
  return {
    regions: offer.defaultRegions,
    from: Math.min(...offer.years),
    to: Math.max(...offer.years),
    theme: 'auto', // follow the reader's system setting, as the site's own pages do,
    lang: offer.langs[0] ?? '',
  };
}

export function parseEmbedOptions(search: string, offer: EmbedOffer): EmbedOptions {
  const query = new URLSearchParams(search);
  const fallback = defaultOptions(offer);
  const asked = (query.get('regions') ?? '').split(',').map((code) => code.trim());
  const regions = [...new Set(asked.filter((code) => offer.regions.includes(code)))].slice(0, MAX_REGIONS);
  const inRange = (year: number | undefined) => (year !== undefined && year >= fallback.from && year <= fallback.to ? year : undefined);
  let from = inRange(wholeNumber(query.get('from'))) ?? fallback.from;
  let to = inRange(wholeNumber(query.get('to'))) ?? fallback.to;
  if (from > to) [from, to] = [fallback.from, fallback.to];
  const theme = THEMES.find((t) => t === query.get('theme')) ?? fallback.theme;
  const lang = offer.langs.find((l) => l === query.get('lang')) ?? fallback.lang;
  return { regions: regions.length > 0 ? regions : fallback.regions, from, to, theme, lang };
}

/** True when the chart drawn at build time already shows these regions and years. */
export function showsDefaultChart(options: EmbedOptions, offer: EmbedOffer): boolean {
  const d = defaultOptions(offer);
  return options.from === d.from && options.to === d.to && options.regions.join() === d.regions.join();
}

/** The query string for these options, naming only what differs from the default ('' when nothing does). */
export function embedQuery(options: EmbedOptions, offer: EmbedOffer): string {
  const d = defaultOptions(offer);
  const query = new URLSearchParams();
  if (options.regions.join() !== d.regions.join()) query.set('regions', options.regions.join(','));
  if (options.from !== d.from) query.set('from', String(options.from));
  if (options.to !== d.to) query.set('to', String(options.to));
  if (options.theme !== d.theme) query.set('theme', options.theme);
  if (options.lang !== d.lang) query.set('lang', options.lang);
  const text = query.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** One chart view as the indicator page's embed box offers it (written at build time, read by the box script). */
export interface EmbedBoxView {
  kind: 'line' | 'ranking';
  path: string;
  title: string;
  height: number;
  offer: EmbedOffer;
}
