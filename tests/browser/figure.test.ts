// The figure-first indicator page (issue 15): chart and key facts in the first screen at 1280x800 and on a
// phone, one view control (tabs with script, links to stacked views without), targets and events that can be
// hidden, both colour schemes passing axe, and no layout shift while the page settles.
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

const LIFE = '/indicators/life-expectancy/';
const BIRTH = '/indicators/birth-rate/';

async function newPage(options: { width: number; height: number; js?: boolean; scheme?: 'light' | 'dark' }): Promise<Page> {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.js ?? true,
    viewport: { width: options.width, height: options.height },
    colorScheme: options.scheme ?? 'light',
  });
  return context.newPage();
}

/** The visible chart rendering (wide or narrow) and the latest value, in viewport coordinates. */
async function firstScreen(page: Page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll('#view-chart .chart-frame svg')].find((s) => s.getClientRects().length > 0)!;
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width };
    };
    const main = document.querySelector('main')!;
    const style = getComputedStyle(main);
    return {
      chart: rect(svg),
      title: rect(document.querySelector('.figure-title')!),
      value: rect(document.querySelector('.latest .value')!),
      column: main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

describe('the chart a reader sees first', () => {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    it(`shows the latest value and the whole chart without scrolling at ${width}x${height}, filling the column`, async () => {
      const page = await newPage({ width, height });
      await page.goto(site.url(LIFE));
      const s = await firstScreen(page);
      expect(s.value.top).toBeGreaterThanOrEqual(0);
      expect(s.title.top).toBeGreaterThan(s.value.bottom - 1);
      expect(s.chart.top).toBeGreaterThan(0);
      expect(s.chart.bottom).toBeLessThanOrEqual(s.viewport.height);
      expect(s.chart.width).toBeGreaterThanOrEqual(s.column - 1);
      await page.context().close();
    });
  }

  it('switches views with one tab control, by click and by arrow keys', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await page.goto(site.url(BIRTH));
    const tabs = page.locator('[data-figure-tabs] [role="tab"]');
    expect(await page.getAttribute('[data-figure-tabs]', 'role')).toBe('tablist');
    expect(await tabs.allTextContents()).toEqual(['图表', '表格', '分省']); // birth-rate: no plan target
    expect(await page.isVisible('#view-chart')).toBe(true);
    expect(await page.isVisible('#view-map')).toBe(false);
    await page.click('[data-figure-tab="map"]');
    expect(await page.isVisible('#view-map')).toBe(true);
    expect(await page.isVisible('#view-chart')).toBe(false);
    await page.keyboard.press('ArrowLeft');
    expect(await page.isVisible('#view-table')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-figure-tab'))).toBe('table');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // wraps round to the first
    expect(await page.isVisible('#view-chart')).toBe(true);
    await page.keyboard.press('End');
    expect(await page.isVisible('#view-map')).toBe(true);
    await page.goto(site.url(LIFE));
    expect(await tabs.allTextContents()).toEqual(['图表', '表格', '规划目标']);
    await page.click('[data-figure-tab="targets"]');
    expect(await page.isVisible('#view-targets')).toBe(true);
    expect(await page.textContent('#view-targets')).toContain('十四五');
    // A link into the provinces (a region page's 查看地图) opens that view.
    await page.goto(site.url(`${BIRTH}?year=2020#provincial-heading`));
    expect(await page.isVisible('#view-map')).toBe(true);
    // hostile25: a malformed escape in the fragment (#%) stopped this script: every view shown, no tab working.
    // (A page of its own: from the page above only the fragment would change, and the browser would not reload.)
    const fresh = await page.context().newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (e) => errors.push(e.message));
    await fresh.goto(site.url(`${BIRTH}#%E0%A4%A`));
    expect(await fresh.isVisible('#view-chart')).toBe(true);
    expect(await fresh.isVisible('#view-map')).toBe(false);
    await fresh.click('[data-figure-tab="table"]');
    expect(await fresh.isVisible('#view-table')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without script shows every view one after the other, the links leading to them, the marks explained', async () => {
    const page = await newPage({ width: 1280, height: 800, js: false });
    await page.goto(site.url(LIFE));
    for (const id of ['#view-chart', '#view-table', '#view-targets']) expect(await page.isVisible(id)).toBe(true);
    expect(await page.getAttribute('[data-figure-tab="table"]', 'href')).toBe('#view-table');
    expect(await page.isVisible('[data-marks-note]')).toBe(true);
    expect(await page.isVisible('[data-mark-toggles]')).toBe(false);
    expect(await page.locator('.chart-wide [data-layer="targets"] .lc-target').count()).toBeGreaterThan(3);
    // Reference sections start collapsed.
    expect(await page.locator('details.reference[open]').count()).toBe(0);
    expect(await page.locator('details.reference').count()).toBeGreaterThanOrEqual(4);
    await page.context().close();
  });

  it('hides targets and events with their checkboxes, in the drawn chart and in a redraw', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await page.goto(site.url(BIRTH));
    const visible = (layer: string) =>
      page.evaluate((l) => [...document.querySelectorAll(`.explore-national [data-layer="${l}"]`)].some((g) => g.getClientRects().length > 0), layer);
    expect(await visible('events')).toBe(true);
    expect(await page.isVisible('.legend li[data-layer="events"]')).toBe(true);
    await page.uncheck('[data-mark-toggle="events"]');
    expect(await visible('events')).toBe(false);
    // The legend no longer explains marks that are not drawn; the targets' entry stays.
    expect(await page.isVisible('.legend li[data-layer="events"]')).toBe(false);
    // Compare a province: the redraw carries the marks and keeps them hidden.
    await page.click('.compare-picker summary');
    await page.check('input[name="compare"][value="110000"]');
    await page.waitForSelector('.chart-wide svg[aria-labelledby^="compare-"]');
    expect(await page.locator('.chart-wide svg[aria-labelledby^="compare-"] [data-layer="events"]').count()).toBe(1);
    expect(await visible('events')).toBe(false);
    await page.check('[data-mark-toggle="events"]');
    expect(await visible('events')).toBe(true);
    await page.context().close();
  });
});

describe('both colour schemes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const pathname of [LIFE, BIRTH, '/', '/regions/110000/', '/embed/life-expectancy/line/']) {
      it(`${pathname} passes axe in the ${scheme} scheme`, async () => {
        const page = await newPage({ width: 1280, height: 800, scheme });
        await page.goto(site.url(pathname));
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        if (scheme === 'dark') expect(background).not.toBe('rgb(255, 255, 255)');
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`);
        expect(summary).toEqual([]);
        expect(results.passes.length).toBeGreaterThan(10);
        await page.context().close();
      });
    }
  }

  it('draws the chart text and lines in dark colours on a dark page', async () => {
    const page = await newPage({ width: 1280, height: 800, scheme: 'dark' });
    await page.goto(site.url(LIFE));
    const [text, line] = await page.evaluate(() => {
      const svg = document.querySelector('.chart-wide svg')!;
      return [getComputedStyle(svg.querySelector('.lc-axis text')!).fill, getComputedStyle(svg.querySelector('.lc-series path')!).stroke];
    });
    expect(text).toBe('rgb(232, 232, 232)');
    expect(line).toBe('rgb(124, 179, 234)');
    await page.context().close();
  });
});

describe('layout stability', () => {
  it('an indicator page does not shift while it loads and its scripts run (CLS about 0)', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site.url(BIRTH), { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    expect(cls).toBeLessThan(0.01);
    await page.context().close();
  });
});
