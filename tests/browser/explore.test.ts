// Exploring in Chromium: the province map and its year control, ranking and table views, comparing provinces
// with the national line, views kept in the URL (reload, back button), search, region pages, phones, axe, and
// how much script an indicator page loads before and after the reader touches it. Run `npm run build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const INDICATOR = '/indicators/birth-rate/';
const SHOTS = path.join(os.tmpdir(), 'yigai-screenshots');

async function newPage(width = 1280, javaScriptEnabled = true): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  return context.newPage();
}

interface ProvincePath {
  fill: string | null;
  value: string | null;
  tip: string | null;
}

/** Fill, value and tip of every province path, by code. */
const provinces = (page: Page): Promise<Record<string, ProvincePath>> =>
  page
    .locator('svg.province-map path.province')
    .evaluateAll((paths: Element[]) =>
      Object.fromEntries(
        paths.map((p) => [
          p.getAttribute('data-code'),
          { fill: p.getAttribute('fill'), value: p.getAttribute('data-value'), tip: p.getAttribute('data-tip') },
        ]),
      ),
    );

const dataShown = async (page: Page) =>
  JSON.parse((await page.getAttribute('#data-shown', 'data-shown')) ?? '[]') as { regions: string[]; from: number; to: number }[];

describe('the province map', () => {
  it('shows 31 provinces with values and Hong Kong, Macao and Taiwan without', async () => {
    const page = await newPage();
    await page.goto(site.url(INDICATOR));
    const all = await provinces(page);
    expect(Object.keys(all)).toHaveLength(34);
    const without = Object.entries(all).filter(([, p]) => p.value === null);
    expect(without.map(([code]) => code).sort()).toEqual(['710000', '810000', '820000']);
    for (const [, p] of without) {
      expect(p.fill).toMatch(/^url\(#.+-nodata\)$/);
      expect(p.tip).toMatch(/无数据$/);
    }
    expect(await page.locator('.map-inset').count()).toBe(1);
    expect(await page.locator('.map-legend li').last().textContent()).toBe('无数据');
    await page.context().close();
  });

  it('names a province and its value on hover and on keyboard focus', async () => {
    const page = await newPage();
    await page.goto(site.url(INDICATOR));
    // The figure's provinces view, opened from the keyboard (so the map's focus below counts as keyboard focus).
    await page.focus('[data-figure-tab="map"]');
    await page.keyboard.press('Enter');
    const tip = page.locator('.map-frame .chart-tip');
    await page.locator('path.province[data-code="510000"]').hover();
    expect(await tip.textContent()).toMatch(/^四川 2024年：\d+\.\d+‰（.+）$/);
    await page.locator('[data-map]').focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^西藏 2024年：/); // highest first
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-map-live]').textContent()).toMatch(/^\S+ 2024年：/);
    await page.keyboard.press('End');
    expect(await tip.textContent()).toMatch(/无数据$/);
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    await page.context().close();
  });

  it('redraws fills, values, ranking and table for another year, and keeps the year in the URL', async () => {
    const page = await newPage();
    await page.goto(site.url(INDICATOR));
    await page.click('[data-figure-tab="map"]');
    const before = await provinces(page);
    await page.selectOption('[data-year-select]', '2010');
    await page.waitForFunction(() => document.querySelector('path.province[data-code="110000"]')?.getAttribute('data-tip')?.includes('2010年'));
    const after = await provinces(page);
    expect(after['110000']!.tip).toBe('北京 2010年：7.48‰（单一来源）');
    const changedFills = Object.keys(before).filter((code) => before[code]!.fill !== after[code]!.fill);
    expect(changedFills.length).toBeGreaterThan(10);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2010');
    expect(await dataShown(page)).toContainEqual(expect.objectContaining({ from: 2010, to: 2010 }));

    await page.click('button[data-view="ranking"]');
    expect(await page.locator('[data-panel="map"]').isVisible()).toBe(false);
    expect(await page.locator('[data-ranking-caption]').textContent()).toContain('2010年');
    expect(await page.locator('.rank-list li').count()).toBe(32); // 31 provinces and the national row
    expect(await page.locator('.rank-national .rank-value').textContent()).toBe('11.9‰');
    await page.click('button[data-view="table"]');
    expect(await page.locator('[data-table-body] tr').count()).toBe(31);
    expect(await page.locator('[data-table-caption]').textContent()).toContain('2010年');
    expect(new URL(page.url()).search).toBe('?year=2010&view=table');

    // The step buttons walk the years that have data; there is nothing after the latest.
    await page.click('button[data-year-step="1"]');
    await page.click('button[data-year-step="1"]');
    expect(await page.inputValue('[data-year-select]')).toBe('2012');
    await page.selectOption('[data-year-select]', '2021');
    // Stepping onto the latest year disables the button under the keyboard: focus moves to the year list.
    await page.focus('button[data-year-step="1"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('[data-year-select]')).toBe('2024');
    expect(await page.locator('button[data-year-step="1"]').isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-year-select'))).toBe(true);
    await page.context().close();
  });
});

describe('comparing provinces with the national line', () => {
  it('draws the picked provinces, writes them into the URL, and a reload restores the view', async () => {
    const page = await newPage();
    await page.goto(site.url(INDICATOR));
    await page.click('.compare-picker summary');
    await page.check('input[name="compare"][value="110000"]');
    await page.waitForSelector('.chart-wide svg[aria-labelledby^="compare-"] .lc-series');
    await page.check('input[name="compare"][value="540000"]');
    await page.waitForFunction(() => document.querySelectorAll('.chart-wide svg[aria-labelledby^="compare-"] .lc-series').length === 3);
    expect(new URL(page.url()).searchParams.get('regions')).toBe('110000,540000');
    expect(await page.locator('[data-compare-legend] li').allTextContents()).toEqual(['全国', '北京', '西藏']);
    expect(await page.getAttribute('[data-chart]', 'aria-label')).toContain('全国与北京、西藏');
    expect(await page.textContent('.compare-picker summary')).toBe('已选2个省份（最多6个）');
    expect((await dataShown(page))[0]).toEqual({ regions: ['100000', '110000', '540000'], from: 2009, to: 2025 });

    await page.check('input[data-mode][value="change"]');
    await page.selectOption('[data-base-year]', '2015');
    await page.waitForFunction(() => location.search.includes('base=2015'));
    expect(await page.locator('.chart-wide svg title').first().textContent()).toBe('人口出生率：比2015年的变化');
    const url = page.url();

    await page.reload();
    await page.waitForSelector('.chart-wide svg[aria-labelledby^="compare-"] .lc-series');
    expect(page.url()).toBe(url);
    expect(await page.isChecked('input[name="compare"][value="540000"]')).toBe(true);
    expect(await page.isChecked('input[data-mode][value="change"]')).toBe(true);
    expect(await page.inputValue('[data-base-year]')).toBe('2015');
    expect(await page.locator('.chart-wide svg[aria-labelledby^="compare-"] .lc-series').count()).toBe(3);
    // The year column's tooltip names every series' change.
    const tips = await page.locator('.chart-wide .lc-hits rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-tip')));
    expect(tips).toContainEqual(expect.stringMatching(/^2019年：全国比2015年下降1\.58个千分点；北京比2015年/));
    await page.context().close();
  });

  it('steps back through views with the back button', async () => {
    const page = await newPage();
    await page.goto(site.url(INDICATOR));
    const original = await page.locator('.chart-wide').innerHTML();
    await page.click('.compare-picker summary');
    await page.check('input[name="compare"][value="310000"]');
    await page.waitForSelector('.chart-wide svg[aria-labelledby^="compare-"] .lc-series');
    await page.click('[data-figure-tab="map"]');
    await page.click('button[data-view="ranking"]');
    expect(new URL(page.url()).search).toBe('?regions=310000&view=ranking');

    await page.goBack();
    await page.waitForFunction(() => !document.querySelector('[data-panel="map"]')?.hasAttribute('hidden'));
    expect(new URL(page.url()).search).toBe('?regions=310000');
    expect(await page.isChecked('input[name="compare"][value="310000"]')).toBe(true);
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector('.chart-wide svg[aria-labelledby^="compare-"] .lc-series'));
    expect(new URL(page.url()).search).toBe('');
    expect(await page.isChecked('input[name="compare"][value="310000"]')).toBe(false);
    expect(await page.locator('.chart-wide').innerHTML()).toBe(original); // the server-drawn chart is back
    await page.context().close();
  });

  it('a narrowed year range keeps the national title, and an empty one says so', async () => {
    const page = await newPage();
    await page.goto(site.url(`${INDICATOR}?from=2015&to=2020`));
    await page.waitForSelector('.chart-wide svg[aria-labelledby^="compare-"] .lc-series');
    expect(await page.locator('.chart-wide svg title').first().textContent()).toBe('人口出生率（全国）');
    expect(await page.textContent('[data-compare-note]')).toBe('');
    // National birth rates start in 2009; provinces go back to 2001, but none is picked.
    await page.goto(site.url(`${INDICATOR}?from=2001&to=2005`));
    await expect.poll(() => page.textContent('[data-compare-note]')).toBe('2001年至2005年没有可画的数值，请调整年份范围。');
    await page.context().close();
  });

  it('falls back to the default view for unknown values in the URL', async () => {
    const page = await newPage();
    await page.goto(site.url(`${INDICATOR}?regions=999999&year=1900&view=pie&mode=log&from=abc`));
    await page.waitForFunction(() => location.search === '');
    await page.click('[data-figure-tab="map"]');
    expect(await page.locator('[data-panel="map"]').isVisible()).toBe(true);
    expect(await page.inputValue('[data-year-select]')).toBe('2024');
    expect(await page.locator('.chart-wide svg[aria-labelledby^="compare-"] .lc-series').count()).toBe(0);
    await page.context().close();
  });
});

describe('search', () => {
  it('finds 出生率 and a province from the header box, tolerating a typo', async () => {
    const page = await newPage();
    await page.goto(site.url('/about/'));
    const results = page.locator('[data-search-results]');
    await page.fill('#site-search-q', '出生率');
    await page.waitForSelector('[data-search-results] li');
    expect(await results.locator('li a').first().textContent()).toBe('人口出生率');
    await page.fill('#site-search-q', '广东');
    await page.waitForFunction(() => document.querySelector('[data-search-results] li a')?.textContent === '广东省');
    await page.fill('#site-search-q', '出声率');
    await page.waitForFunction(() => document.querySelector('[data-search-results] li a')?.textContent === '人口出生率');
    await page.click('[data-search-results] li a');
    await page.waitForURL(/\/indicators\/birth-rate\/$/);
    await page.context().close();
  });

  it('lists full-text results from Pagefind on the search page', async () => {
    const page = await newPage();
    await page.goto(site.url(`/search/?q=${encodeURIComponent('北京')}`));
    await page.waitForSelector('[data-search-page] li');
    const links = await page.locator('[data-search-page] li a').allTextContents();
    expect(links[0]).toBe('北京市');
    const pagefind = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/pagefind/')));
    expect(pagefind).toBe(true);
    await page.context().close();
  });

  it('without JavaScript, the box submits to a page listing every indicator and region', async () => {
    const page = await newPage(1280, false);
    await page.goto(site.url('/'));
    await page.fill('#site-search-q', '北京');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(await page.getByRole('link', { name: '北京市' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '人口出生率' }).first().isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('region pages', () => {
  it('gives each province every indicator with provincial data, its rank and the national value', async () => {
    const page = await newPage();
    await page.goto(site.url('/regions/'));
    expect(await page.locator('.region-grid a').count()).toBe(31);
    await page.click('text=西藏自治区');
    await page.waitForURL(/\/regions\/540000\/$/);
    expect(await page.textContent('h1')).toBe('西藏自治区');
    const sections = page.locator('.region-indicator');
    expect(await sections.count()).toBe(3);
    const birth = sections.filter({ hasText: '人口出生率' });
    expect(await birth.textContent()).toContain('在31个省份中居第1位');
    expect(await birth.textContent()).toContain('在31个省份中居第1位（从高到低）；同年全国：6.77‰。');
    expect(await birth.locator('.chart-wide svg[role="img"]').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('phones (360px)', () => {
  for (const pathname of [
    INDICATOR,
    `${INDICATOR}?regions=110000,540000&mode=change&view=ranking`,
    '/regions/540000/',
    '/regions/',
    '/search/?q=%E5%87%BA%E7%94%9F%E7%8E%87',
  ]) {
    it(`${pathname} has no horizontal page scroll`, async () => {
      const page = await newPage(360);
      await page.goto(site.url(pathname));
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `explore-360-${pathname.replace(/\W+/g, '-')}.png`), fullPage: true });
      // Controls are big enough to tap.
      const small = await page
        .locator('.explore-controls label, .explore-toolbar button, .explore-controls select, .site-search input, .site-search button')
        .evaluateAll((els) =>
          els.filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 60)),
        );
      expect(small).toEqual([]);
      await page.context().close();
    });
  }
});

describe('layout stability', () => {
  // Controls that scripts wire up are laid out in the first paint (the `js` class set in <head>); revealing them
  // later pushed the chart down on phones (Lighthouse CLS 0.09).
  for (const pathname of [INDICATOR, '/regions/310000/', '/embed/birth-rate/line/']) {
    it(`${pathname} does not shift while it loads on a phone`, async () => {
      const page = await newPage(412);
      await page.addInitScript(() => {
        const shifts: number[] = ((window as unknown as { shifts: number[] }).shifts = []);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(site.url(pathname));
      await page.waitForLoadState('networkidle');
      await expect
        .poll(() => page.evaluate(() => document.querySelectorAll('[data-explore-controls]:not([hidden])').length))
        .toBeGreaterThanOrEqual(pathname === INDICATOR ? 2 : 0);
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
      expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.01);
      await page.context().close();
    });
  }
});

describe('accessibility (axe)', () => {
  for (const [name, pathname] of [
    ['map', INDICATOR],
    ['ranking', `${INDICATOR}?view=ranking&year=2010`],
    ['table and comparison', `${INDICATOR}?view=table&regions=110000,540000&mode=change`],
    ['region page', '/regions/110000/'],
    ['regions index', '/regions/'],
    ['search page', '/search/?q=%E5%87%BA%E7%94%9F%E7%8E%87'],
  ]) {
    it(`${name} has no violations`, async () => {
      const page = await newPage();
      await page.goto(site.url(pathname!));
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`);
      expect(summary).toEqual([]);
      await page.context().close();
    });
  }
});

describe('script weight', () => {
  /** Gzipped bytes of every script the page has loaded so far (inline ones included). */
  async function loadedScript(page: Page, seen: Set<string>): Promise<number> {
    const urls = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((n) => /\.m?js(\?|$)/.test(n)),
    );
    let bytes = 0;
    for (const url of urls.filter((u) => !seen.has(u))) {
      seen.add(url);
      const body = await (await page.request.get(url)).body();
      bytes += zlib.gzipSync(body).length;
    }
    return bytes;
  }

  it('an indicator page loads at most 15 KB of gzipped script before the reader touches it', async () => {
    const page = await newPage();
    await page.goto(site.url(INDICATOR));
    await page.waitForLoadState('networkidle');
    const inline = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((s) => s.textContent ?? '').join('\n'));
    const seen = new Set<string>();
    const before = zlib.gzipSync(inline).length + (await loadedScript(page, seen));
    expect(before).toBeLessThanOrEqual(15 * 1024);

    // Touching the explorer and the search box loads the rest on demand.
    await page.click('[data-figure-tab="map"]');
    await page.selectOption('[data-year-select]', '2010');
    await page.click('[data-figure-tab="chart"]');
    await page.click('.compare-picker summary');
    await page.check('input[name="compare"][value="110000"]');
    await page.waitForSelector('.chart-wide svg[aria-labelledby^="compare-"] .lc-series');
    await page.fill('#site-search-q', '出生率');
    await page.waitForSelector('[data-search-results] li');
    await page.waitForLoadState('networkidle');
    const onDemand = await loadedScript(page, seen);
    expect(onDemand).toBeGreaterThan(0);
    console.log(`indicator page script, gzipped: ${before} B before interaction, ${onDemand} B more on demand`);
    await page.context().close();
  });
});
