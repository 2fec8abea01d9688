// Where the site lives, for the few things that need absolute addresses (embed code, sharing tags, oEmbed,
// the address printed in pictures). Paths for every embed-related file are built here, in one place.
import { readRelease } from './site-data/read.ts';
import { pathFor, type Lang } from './shared/i18n/lang.ts';

const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';

/**
 * The site's origin, only when someone configured the address (SITE_URL or site_url in data/release.yaml,
 * src/site-address.ts, which astro.config.mjs makes Astro's `site`; the path part is Astro's base and is
 * already in every path below). We never invent a domain: without one, callers fall back to root-relative
 * paths and say so to the reader.
 */
export function siteOrigin(): string | undefined {
  const configured = (import.meta.env?.SITE as string | undefined) || releaseSiteUrl();
  return configured ? new URL(configured).origin : undefined;
}

function releaseSiteUrl(): string | undefined {
  try {
    return readRelease().site_url;
  } catch {
    return undefined; // no release file yet: no configured address either
  }
}

/** An absolute URL when the origin is known, otherwise the root-relative path unchanged. */
export function absoluteUrl(path: string, origin: string | undefined = siteOrigin()): string {
  return origin ? new URL(path, origin).href : path;
}

let warned = false;
/** One build-log line, not one per page, when sharing tags and embed code must use relative paths. */
export function warnIfNoOrigin(): void {
  if (warned || siteOrigin()) return;
  warned = true;
  console.warn(
    '[share] no site address (SITE_URL=https://… or site_url in data/release.yaml): share cards, canonical links, oEmbed and embed code use root-relative paths; npm run build:publish requires the address.',
  );
}

export type ChartViewKind = 'line' | 'ranking';

/** Every path takes the edition's language (default Chinese): English ones are under /en/ (pathFor). */
export const sitePaths = {
  home: (lang: Lang = 'zh') => pathFor(lang, '', base),
  indicator: (id: string, lang: Lang = 'zh') => pathFor(lang, `indicators/${id}/`, base),
  embed: (id: string, view: ChartViewKind, lang: Lang = 'zh') => pathFor(lang, `embed/${id}/${view}/`, base),
  embedLoader: () => `${base}embed.js`,
  /** A picture's file name without extension: `<id>-<view>` (also the name a download is saved under). */
  pictureName: (id: string, view: ChartViewKind) => `${id}-${view}`,
  picture: (id: string, view: ChartViewKind, ext: 'svg' | 'png', lang: Lang = 'zh') =>
    pathFor(lang, `pictures/${sitePaths.pictureName(id, view)}.${ext}`, base),
  oembed: (id: string, lang: Lang = 'zh') => pathFor(lang, `oembed/${id}.json`, base),
  /** A 1200×630 share card: an indicator id, or `site`. */
  shareCard: (card: string, lang: Lang = 'zh') => pathFor(lang, `pictures/share/${card}.png`, base),
};
