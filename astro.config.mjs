// Site config only: a static site, one folder per page (/indicators/birth-rate/); one integration builds the
// Pagefind search index after the site.
// YIGAI_DIST builds into another folder (parallel builds, the bench's synthetic catalogs); default dist/.
import { defineConfig } from 'astro/config';
import { pagefindSearch } from './src/search/pagefind-integration.ts';
// public/ is checked before it is copied: no link out of it, no linked folder, no FIFO (src/build-checks/public-links.ts).
import { publicDirCheck } from './src/build-checks/public-links.ts';

const outDir = process.env.YIGAI_DIST || './dist';

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  outDir,
  cacheDir: process.env.YIGAI_DIST ? `${outDir}-cache` : './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  integrations: [publicDirCheck(), pagefindSearch()],
});
