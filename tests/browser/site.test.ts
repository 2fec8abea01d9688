// The built site (dist/) in Chromium: charts without JavaScript, Chinese text, the keyboard tooltip, axe,
// the CSV download, and how little script a page ships. Run `npm run build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openSite, DIST, ROOT, type Site } from './harness.ts';
import { readCatalog } from '../../src/site-data/read.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const catalog = readCatalog(ROOT);
const PROVINCIAL_ID = 'birth-rate';
// A second page of another kind: national only, with a series break when there is one.
const nationalOnly = catalog.filter((e) => !e.hasProvincial);
const SECOND_ID = (nationalOnly.find((e) => e.indicator.breaks.length > 0) ?? nationalOnly[0] ?? catalog[1]!).indicator.id;

async function newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  return context.newPage();
}

describe('without JavaScript', () => {
  it('home page shows its sparklines and Chinese text', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/'));
    expect(await page.textContent('h1')).toBe('医改数据');
    expect(await page.textContent('body')).toContain('人口出生率');
    const charts = page.locator('.card svg[role="img"]');
    expect(await charts.count()).toBeGreaterThan(5);
    expect(await charts.first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('indicator page shows the national and provincial charts', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(site.url(`/indicators/${PROVINCIAL_ID}/`));
    expect(await page.textContent('h1')).toBe('人口出生率');
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('全国');
    expect(body).toContain('长表CSV');
    // National line chart; provincial map, ranked list and table one after the other (the view buttons need JS).
    const line = page.locator('.explore-national .chart-wide svg[role="img"]');
    expect(await line.count()).toBe(1);
    expect(await line.isVisible()).toBe(true);
    expect(await page.locator('svg.province-map[role="img"]').isVisible()).toBe(true);
    expect(await page.locator('.rank-list li').count()).toBe(32);
    expect(await page.locator('[data-panel="table"] tbody tr').count()).toBe(31);
    expect(await page.locator('.explore-controls, .explore-toolbar').first().isVisible()).toBe(false);
    // Native tooltips are there for readers without JavaScript: every point of the line, every region on the map.
    expect(await page.locator('.explore-national .chart-wide .tip-points title').count()).toBeGreaterThan(10);
    expect(await page.locator('path.province > title').count()).toBe(34);
    await page.context().close();
  });

  it('a 360px phone gets the narrow charts and no page-wide horizontal scroll', async () => {
    const page = await newPage({ javaScriptEnabled: false, width: 360 });
    await page.goto(site.url(`/indicators/${PROVINCIAL_ID}/`));
    expect(await page.locator('.chart-narrow svg').first().isVisible()).toBe(true);
    expect(await page.locator('.chart-wide svg').first().isVisible()).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe('with JavaScript', () => {
  it('Tab reaches the chart and shows the latest point; arrows move; Escape hides', async () => {
    const page = await newPage();
    await page.goto(site.url(`/indicators/${PROVINCIAL_ID}/`));
    let focused = false;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.hasAttribute('data-chart') ?? false);
    }
    expect(focused).toBe(true);
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(name).toContain('人口出生率');
    const tip = page.locator('.chart-frame:focus .chart-tip');
    expect(await tip.isVisible()).toBe(true);
    const latest = (await tip.textContent()) ?? '';
    expect(latest).toMatch(/^\d{4}年：−?\d+(\.\d+)?‰（.+）$/);
    const latestYear = catalog.find((e) => e.indicator.id === PROVINCIAL_ID)!.latest!.year;
    expect(latest.startsWith(`${latestYear}年：`)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await tip.textContent()).toMatch(new RegExp(`^${latestYear - 1}年：`));
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    await page.context().close();
  });

  it('hovering the chart shows the nearest point', async () => {
    const page = await newPage();
    await page.goto(site.url(`/indicators/${PROVINCIAL_ID}/`));
    const svg = page.locator('.chart-wide svg').first();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
    const tip = page.locator('.chart-tip').first();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^\d{4}年：/);
    await page.context().close();
  });
});

describe('accessibility (axe)', () => {
  for (const pathname of ['/', `/indicators/${PROVINCIAL_ID}/`, `/indicators/${SECOND_ID}/`, '/about/']) {
    it(`${pathname} has no violations`, async () => {
      const page = await newPage();
      await page.goto(site.url(pathname));
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`);
      expect(summary).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10); // axe really ran over the page
      await page.context().close();
    });
  }
});

describe('downloads', () => {
  it('长表CSV returns the published CSV byte for byte', async () => {
    const page = await newPage();
    await page.goto(site.url(`/indicators/${PROVINCIAL_ID}/`));
    const href = await page.getByRole('link', { name: '长表CSV' }).getAttribute('href');
    expect(href).toBe(`/data/${PROVINCIAL_ID}.csv`);
    const response = await page.request.get(site.url(href!));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const body = await response.body();
    const published = fs.readFileSync(path.join(ROOT, 'build/data/downloads', `${PROVINCIAL_ID}.csv`));
    expect(Buffer.compare(body, published)).toBe(0);
    const header = body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!
      .split(',');
    expect(header.slice(0, 3)).toEqual(['indicator_id', 'indicator', 'unit']);
    expect(header).toEqual(expect.arrayContaining(['region_code', 'region', 'year', 'value', 'status', 'source']));
    await page.context().close();
  });
});

describe('script weight', () => {
  it('an indicator page ships at most 15 KB of gzipped JavaScript before interaction, and no Plot or d3', async () => {
    const html = fs.readFileSync(path.join(DIST, 'indicators', PROVINCIAL_ID, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    // External modules and what they import statically (dynamic import() loads on demand and is not counted).
    const files = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const code = fs.readFileSync(path.join(DIST, file), 'utf8');
      for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"();]*?from\s*)?["'](\.\.?\/[^"']+)["']/g))
        visit(path.posix.join(path.posix.dirname(file), m[1]!));
    };
    for (const m of html.matchAll(/<script\b[^>]*src="([^"]+)"/g)) visit(m[1]!.replace(/^\//, ''));
    const js = [...inline, ...[...files].map((f) => fs.readFileSync(path.join(DIST, f), 'utf8'))].join('\n');
    expect(zlib.gzipSync(js).length).toBeLessThanOrEqual(15 * 1024);
    const allJs = fs.readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    for (const file of [...allJs.map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')), js]) {
      expect(file).not.toMatch(/observablehq|d3-(scale|selection|shape)|plot-d6a7b5/);
    }
  });
});

describe('screenshots', () => {
  // Written to the temp folder for a person to look at (Chinese rendering, layout at phone width).
  const dir = path.join(os.tmpdir(), 'yigai-screenshots');
  for (const [name, pathname] of [
    ['home', '/'],
    [PROVINCIAL_ID, `/indicators/${PROVINCIAL_ID}/`],
  ] as const) {
    for (const width of [1280, 360]) {
      it(`${name} at ${width}px`, async () => {
        fs.mkdirSync(dir, { recursive: true });
        const page = await newPage({ width });
        await page.goto(site.url(pathname));
        await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
        await page.context().close();
      });
    }
  }
});

describe('search relevance in the page', () => {
  it('医生 puts 执业(助理)医师 first; 广州 says the site has provincial data only and links 广东', async () => {
    const page = await newPage();
    await page.goto(site.url('/about/'));
    await page.fill('#site-search-q', '医生');
    await page.waitForFunction(() => document.querySelector('[data-search-results] li a')?.textContent === '每千人口执业(助理)医师');
    await page.fill('#site-search-q', '广州');
    await page.waitForSelector('[data-search-results] li.search-place');
    const notice = page.locator('[data-search-results] li.search-place');
    expect(await notice.textContent()).toBe('本站只有省级数据；广州属于广东省');
    expect(await notice.locator('a').getAttribute('href')).toBe('/regions/440000/');
    const titles = await page.locator('[data-search-results] li a').allTextContents();
    expect(titles).not.toContain('贵州省');
    await page.context().close();
  });

  it('full-text excerpts never show code from the embed box or the code snippets', async () => {
    const page = await newPage();
    for (const query of ['iframe', '嵌入代码', 'read_csv', 'embed']) {
      await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}`));
      await page.waitForSelector('[data-search-page] .search-count');
      const text = (await page.locator('[data-search-page]').textContent()) ?? '';
      expect(text, query).not.toMatch(/<iframe|iframe src|embed\.js|read_csv\(|data-yigai-embed/);
      // 嵌入代码 names the embed section, so it finds pages and shows their excerpts: the check is not vacuous.
      if (query === '嵌入代码') expect(text).toMatch(/找到[1-9]\d*项/);
    }
    await page.context().close();
  });
});

describe('the local build (no address)', () => {
  it('every page still has its sharing tags, relative, and no canonical', async () => {
    for (const file of ['index.html', 'about/index.html', 'regions/110000/index.html', 'downloads/index.html']) {
      const html = fs.readFileSync(path.join(DIST, file), 'utf8');
      expect(html, file).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(html, file).toMatch(/<meta property="og:image" content="\/pictures\/share\/site\.png">/);
      expect(html, file).not.toContain('rel="canonical"');
    }
  });

  it('the downloads page says how to open the CSVs in Excel, WPS, LibreOffice, pandas and R', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/downloads/'));
    const text = (await page.locator('.open-tools').textContent()) ?? '';
    for (const part of ['Excel', 'WPS', 'LibreOffice', 'Unicode (UTF-8)', 'encoding="utf-8-sig"', 'readr::read_csv', 'fileEncoding = "UTF-8-BOM"'])
      expect(text).toContain(part);
    expect(await page.locator('a[href="/data/ingestion.json"]').count()).toBe(1);
    await page.context().close();
  });
});
