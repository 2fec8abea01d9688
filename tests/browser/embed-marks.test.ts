// Plan targets and reform events on embeds in Chromium against the built site (issue 15, branch embed-targets):
// the build-time embed draws the page's marks and keys the events; a page built without them (…/hide-targets/)
// leaves them out with script off; ?hide= redraws without them; a redraw after a width change keeps them; the
// embed box writes the hide choice into the address. Build first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, DIST, type Site, embedReady } from './harness.ts';
import { allChartViews } from '../../src/embed/views.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const LINE = '/embed/life-expectancy/line/';
const view = allChartViews().find((v) => v.id === 'life-expectancy' && v.view.kind === 'line')!.view;
const targetCount = view.line!.targets!.length;
const eventCount = view.line!.events!.length;

async function newPage(javaScriptEnabled = true, width = 760): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  return context.newPage();
}
/** The marks in the chart the reader sees (one build-time width, or the redraw). */
const shown = (page: Page, selector: string) => page.locator(`[data-chart] svg ${selector}`).filter({ visible: true }).count();

describe('embed marks without JavaScript', () => {
  it('the default embed draws every target and event of the page, and keys the events', async () => {
    const page = await newPage(false);
    await page.goto(site.url(LINE));
    expect(await shown(page, '.lc-target')).toBe(targetCount);
    expect(await shown(page, '.lc-event')).toBe(eventCount);
    expect(await page.locator('.embed-events li').count()).toBe(eventCount);
    expect(await page.textContent('.embed-source')).toContain('目标：');
    await page.context().close();
  });

  it('a hide path leaves out what it names, with script off', async () => {
    const page = await newPage(false);
    await page.goto(site.url(`${LINE}hide-targets/`));
    expect(await shown(page, '.lc-target')).toBe(0);
    // The axis ends at the last year with a value; events after it (2025) are left out, from the key too.
    const dataEvents = view.line!.events!.filter((e) => e.year <= Math.max(...view.offer.years)).length;
    expect(await shown(page, '.lc-event')).toBe(dataEvents);
    expect(await page.locator('.embed-events li').count()).toBe(dataEvents);
    expect(await page.textContent('.embed-source')).not.toContain('目标：');
    await page.goto(site.url(`${LINE}hide-targets-events/`));
    expect(await shown(page, '.lc-target, .lc-event')).toBe(0);
    expect(await page.locator('.embed-events').count()).toBe(0);
    expect(await page.locator('[data-chart] svg').filter({ visible: true }).count()).toBe(1);
    await page.context().close();
  });
});

describe('embed marks with JavaScript', () => {
  it('?hide=events redraws the chart without events, targets kept; an unknown layer keeps the default', async () => {
    const page = await newPage();
    await page.goto(site.url(`${LINE}?hide=events`));
    await embedReady(page);
    expect(await page.locator('.embed-custom svg').isVisible()).toBe(true);
    expect(await shown(page, '.lc-event')).toBe(0);
    expect(await shown(page, '.lc-target')).toBe(targetCount);
    expect(await page.locator('.embed-events').isVisible()).toBe(false);
    // The legend drops the hidden layer's entry and keeps the targets'.
    expect(await page.isVisible('.legend li[data-layer="events"]')).toBe(false);
    expect(await page.isVisible('.legend li[data-layer="targets"]')).toBe(true);
    await page.goto(site.url(`${LINE}?hide=all`));
    await embedReady(page);
    expect(await page.locator('.embed-custom').count()).toBe(0);
    expect(await shown(page, '.lc-event')).toBe(eventCount);
    await page.context().close();
  });

  it('the redraw keeps the marks when the width changes', async () => {
    const page = await newPage(true, 760);
    await page.goto(site.url(`${LINE}?from=2015`));
    await embedReady(page);
    const svg = page.locator('.embed-custom svg');
    expect(await svg.getAttribute('width')).toBe('720');
    expect(await shown(page, '.lc-target')).toBe(targetCount);
    await page.setViewportSize({ width: 420, height: 900 });
    await expect.poll(() => svg.getAttribute('width')).not.toBe('720');
    expect(await shown(page, '.lc-target')).toBe(targetCount);
    expect(await shown(page, '.lc-event')).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('embed box', () => {
  it('unticking targets or events writes the hide path into the code', async () => {
    const page = await newPage(true, 1100);
    await page.goto(site.url('/indicators/life-expectancy/'));
    await page.locator('[data-embed-box]').scrollIntoViewIfNeeded();
    await page.locator('[data-embed-controls]').waitFor({ state: 'visible' });
    const code = page.locator('[data-embed-code]');
    expect(await code.inputValue()).toContain(`${LINE}"`);
    await page.getByRole('checkbox', { name: '显示规划目标' }).uncheck();
    expect(await code.inputValue()).toContain(`${LINE}hide-targets/"`);
    await page.getByRole('checkbox', { name: '显示改革事件' }).uncheck();
    await page.selectOption('select[name="theme"]', 'dark');
    expect(await code.inputValue()).toContain(`${LINE}hide-targets-events/?theme=dark"`);
    await page.context().close();
  });
});

describe('script weight of the redraw', () => {
  // The page's own script stays within the embed budget (embed.test.ts); the renderer with its marks loads only
  // when a reader's options need a redraw: measured here, and still no charting library.
  it('the lazily loaded redraw, marks included, is at most 6 KB gzipped, with no Plot or d3', () => {
    const html = fs.readFileSync(path.join(DIST, 'embed/life-expectancy/line/index.html'), 'utf8');
    const entry = [...html.matchAll(/<script\b[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!);
    const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');
    const lazy = entry.flatMap((file) =>
      [...read(file).matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => path.posix.join(path.posix.dirname(file), m[1]!)),
    );
    expect(lazy.length).toBeGreaterThan(0);
    const seen = new Map<string, string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.set(file, read(file));
      for (const m of seen.get(file)!.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g))
        visit(path.posix.join(path.posix.dirname(file), m[1]!));
    };
    lazy.forEach(visit);
    const js = [...seen.values()].join('\n');
    const gzipped = zlib.gzipSync(js, { level: 9 }).length;
    console.log(`embed redraw (lazy): ${js.length} B, ${gzipped} B gzipped`);
    expect(js).toContain('lc-targets');
    expect(gzipped).toBeLessThanOrEqual(6 * 1024);
    expect(js).not.toMatch(/observablehq|d3-(scale|selection|shape)/);
  });
});
