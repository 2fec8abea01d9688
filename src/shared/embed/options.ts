// The options of an embed address (?regions=…&from=…&to=…&theme=…&lang=…&hide=…), read and written in one place:
// the embed page applies them, the embed box writes them. A value we do not offer falls back to the default.
// Hiding the plan targets or reform events also has a path form (/hide-targets/…), built as pages of their own, so
// it holds without script: the box writes that form.
export const MAX_REGIONS = 6;
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
/** The layers a line chart may carry beyond its series, in the order an address names them. */
export const MARK_LAYERS = ['targets', 'events'] as const;
export type MarkLayer = (typeof MARK_LAYERS)[number];

/** What one chart view offers: region codes, years, languages, and what it shows by default. */
export interface EmbedOffer {
  regions: string[];
  defaultRegions: string[];
  years: number[];
  langs: string[];
  /** The mark layers the chart draws (a line chart with targets or events), which `hide` may name. */
  marks?: MarkLayer[];
}

export interface EmbedOptions {
  regions: string[];
  from: number;
  to: number;
  theme: Theme;
  lang: string;
  /** Mark layers not drawn, in MARK_LAYERS order. */
  hide: MarkLayer[];
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
    hide: [],
  };
}

/** The layers a comma list names, among those offered, in MARK_LAYERS order; anything else is dropped. */
export function markLayers(list: string | null, offer: EmbedOffer): MarkLayer[] {
  const asked = (list ?? '').split(',').map((name) => name.trim());
  return MARK_LAYERS.filter((layer) => asked.includes(layer) && (offer.marks ?? []).includes(layer));
}

/** The path segment of a page built without some layers ('hide-targets-events/'), '' for none. */
export const hideSegment = (hide: readonly MarkLayer[]) => (hide.length ? `hide-${MARK_LAYERS.filter((l) => hide.includes(l)).join('-')}/` : '');

/** Every hide segment a view with these layers is built at, the default ('') first. */
export function hideVariants(marks: readonly MarkLayer[]): MarkLayer[][] {
  const subsets: MarkLayer[][] = [[]];
  for (const layer of MARK_LAYERS.filter((l) => marks.includes(l))) subsets.push(...subsets.map((s) => [...s, layer]));
  return subsets;
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
  const hide = markLayers(query.get('hide'), offer);
  return { regions: regions.length > 0 ? regions : fallback.regions, from, to, theme, lang, hide };
}

/** True when the chart drawn at build time (without the layers `built` hides) already shows these options. */
export function showsDefaultChart(options: EmbedOptions, offer: EmbedOffer, built: readonly MarkLayer[] = []): boolean {
  const d = defaultOptions(offer);
  const hidden = MARK_LAYERS.filter((l) => built.includes(l) || options.hide.includes(l));
  return options.from === d.from && options.to === d.to && options.regions.join() === d.regions.join() && hidden.join() === built.join();
}

/**
 * The embed address the box writes: the hidden layers as the path of the page built without them (no script
 * needed), the other options as the query.
 */
export function embedAddress(path: string, options: EmbedOptions, offer: EmbedOffer): string {
  return path + hideSegment(options.hide) + embedQuery({ ...options, hide: [] }, offer);
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
  if (options.hide.length) query.set('hide', options.hide.join(','));
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
