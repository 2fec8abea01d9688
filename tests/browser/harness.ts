// Browser-test harness: a node:http static server over dist/ on a free localhost port and Debian's Chromium
// driven by playwright-core. Fails at once with a clear message when the site has not been built.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = process.env.YIGAI_DIST ? path.resolve(process.env.YIGAI_DIST) : path.join(ROOT, 'dist');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Site {
  server: StaticServer;
  browser: Browser;
  url: (pathname: string) => string;
  close: () => Promise<void>;
}

export async function openSite(): Promise<Site> {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` first (the browser tests check the built site). 先运行 npm run build。');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  const server = await startStaticServer(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    url: (pathname) => server.url + pathname,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until an embed page has applied its address's options (its redraw loads lazily, after the load event). */
export async function embedReady(page: import('playwright-core').Page): Promise<void> {
  await page.locator('html[data-embed-ready]').waitFor({ state: 'attached' });
}
