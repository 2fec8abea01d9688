// The one address the site is published at, read by every step that needs it: astro.config.mjs (Astro's `site`
// and `base`), the data pipeline (citations, README, datapackage homepage) and src/site.ts (canonical, Open
// Graph, oEmbed, pictures). SITE_URL in the environment wins over `site_url` in data/release.yaml, so one
// checkout can be built for several hosts without editing the data release.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** The environment variable a publishing build reads the address from. */
export const SITE_URL_ENV = 'SITE_URL';

/**
 * An address as the site uses it: http(s), no query or fragment, ending in `/` (its path is Astro's `base`).
 * Throws one sentence naming the bad value, so a typo stops the build instead of publishing broken links.
 */
export function normalizeSiteUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`site address ${JSON.stringify(text)} is not an absolute URL (e.g. https://example.org/yigai/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`site address ${text} must start with https:// or http://`);
  if (url.search || url.hash) throw new Error(`site address ${text} must not have a query or fragment`);
  // It is printed on every page, picture and citation: a user name or password there would be published too.
  if (url.username || url.password) throw new Error(`site address ${text} must not have a user name or password`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** SITE_URL, else the release's site_url, normalized; undefined when neither is set (a local build). */
export function resolveSiteUrl(env: string | undefined, releaseSiteUrl: string | undefined): string | undefined {
  const text = env?.trim() || releaseSiteUrl?.trim();
  return text ? normalizeSiteUrl(text) : undefined;
}

/** The same, reading site_url straight from a release.yaml (astro.config.mjs runs before any page reads data). */
export function siteUrlFromRelease(releaseFile: string, env: string | undefined = process.env[SITE_URL_ENV]): string | undefined {
  let fromFile: string | undefined;
  try {
    fromFile = (parseYaml(readFileSync(releaseFile, 'utf8')) as { site_url?: string } | null)?.site_url;
  } catch {
    fromFile = undefined; // no release file: the pipeline reports that itself, with its place
  }
  return resolveSiteUrl(env, fromFile);
}

/** The one line a publishing build (npm run build:publish) stops with when there is no address. */
export const MISSING_ADDRESS =
  'build:publish needs the site address: SITE_URL=https://example.org/yigai/ npm run build:publish (or site_url in data/release.yaml).';
