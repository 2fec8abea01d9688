// Site config only: a static site, one folder per page (/indicators/birth-rate/); integrations build the
// Pagefind search index and the hosts' _headers file after the site.
// YIGAI_DIST builds into another folder (parallel builds, the bench's synthetic catalogs); default dist/.
// The site address (SITE_URL, else site_url in data/release.yaml; src/site-address.ts) becomes Astro's `site`,
// and its path Astro's `base`, so a site published at https://example.org/yigai/ links to /yigai/… throughout.
// Without an address the build is the local one: root-relative links, no absolute canonical.
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { pagefindSearch } from './src/search/pagefind-integration.ts';
import { siteUrlFromRelease } from './src/site-address.ts';
// public/ is checked before it is copied: no link out of it, no linked folder, no FIFO (src/build-checks/public-links.ts).
import { publicDirCheck } from './src/build-checks/public-links.ts';
// dist/_headers: the response headers for hosts that read that file (Netlify, Cloudflare Pages; README).
import { hostHeadersFile } from './src/host-headers.ts';

const outDir = process.env.YIGAI_DIST || './dist';
const dataDir = process.env.YIGAI_DATA_DIR ? path.resolve(process.env.YIGAI_DATA_DIR) : path.resolve('data');
const site = siteUrlFromRelease(path.join(dataDir, 'release.yaml'));

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  outDir,
  ...(site ? { site, base: new URL(site).pathname } : {}),
  cacheDir: process.env.YIGAI_DIST ? `${outDir}-cache` : './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  integrations: [publicDirCheck(), pagefindSearch(), hostHeadersFile()],
});
