// The scorecard and the timeline in Chromium: without script every target and event is listed; the filters
// change the visible rows and keep the choice in the address; timeline links resolve to built pages; the
// scorecard embed and pictures exist; axe passes on all of them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { DIST, openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

async function newPage(javaScriptEnabled = true): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

const visibleRows = (page: Page) => page.locator('[data-group="plan"] tr[data-plan]:visible');

describe('scorecard', () => {
  it('without script: every target listed by plan and by area, counts that add up, no filter form', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/targets/'));
    const total = await page.locator('[data-group="plan"] tr[data-plan]').count();
    expect(total).toBe(154);
    expect(await page.locator('[data-group="area"] tr[data-plan]').count()).toBe(total);
    expect(await visibleRows(page).count()).toBe(total);
    expect(await page.locator('[data-scorecard-filters]').isVisible()).toBe(false);
    const counts = (await page.locator('[data-count]').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(await page.getByRole('heading', { name: '状态怎样判断' }).count()).toBe(1);
    await page.context().close();
  });

  it('the status filter shows only rows of that status, and the plan filter only that plan', async () => {
    const page = await newPage();
    await page.goto(site.url('/targets/'));
    const metCount = Number(await page.locator('[data-count="met"]').textContent());
    await page.selectOption('[data-filter="status"]', 'met');
    expect(await visibleRows(page).count()).toBe(metCount);
    const statuses = await visibleRows(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status));
    expect(new Set(statuses)).toEqual(new Set(['met']));
    expect(await page.locator('[data-filter-summary]').textContent()).toBe(`显示 ${metCount} 条，共 154 条目标`);
    expect(page.url()).toContain('status=met');

    await page.selectOption('[data-filter="status"]', '');
    await page.selectOption('[data-filter="plan"]', 'healthy-china-2030');
    const plans = await visibleRows(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.plan));
    expect(plans.length).toBeGreaterThan(10);
    expect(new Set(plans)).toEqual(new Set(['healthy-china-2030']));
    // Other plans' sections are hidden whole, heading included.
    expect(await page.locator('#plan-fyp-13th').isVisible()).toBe(false);
    await page.context().close();
  });

  it('the address keeps the filters; the area grouping shows the area tables', async () => {
    const page = await newPage();
    await page.goto(site.url('/targets/?status=series-break&group=area'));
    expect(await page.locator('[data-group="plan"]').isVisible()).toBe(false);
    const rows = page.locator('[data-group="area"] tr[data-plan]:visible');
    const n = Number(await page.locator('[data-count="series-break"]').textContent());
    expect(n).toBeGreaterThan(0);
    expect(await rows.count()).toBe(n);
    await page.context().close();
  });

  it('the by-area summary gives each target once in brief and links to its full row, shown on click', async () => {
    const page = await newPage();
    await page.goto(site.url('/targets/?group=area&status=met'));
    const summary = page.locator('[data-group="area"] tr[data-plan]:visible').first();
    // No wording, baseline, note or chart here: the by-plan row carries them.
    expect(await summary.locator('.c-wording, .c-baseline, .note, svg').count()).toBe(0);
    const link = summary.locator('.c-target a');
    const id = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    await expect.poll(() => page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    expect(await page.locator('[data-group="area"]').isHidden()).toBe(true);
    expect(await page.locator(`[id="${id}"] .c-wording`).isVisible()).toBe(true);
    await page.context().close();
  });

  it('each plan has an embed page and pictures that were built', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/targets/'));
    const links = await page.locator('.plan-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBe(3 * (await page.locator('.plan-links').count()));
    for (const href of links) {
      const file = href.endsWith('/') ? path.join(DIST, href, 'index.html') : path.join(DIST, href);
      expect(fs.existsSync(file), href).toBe(true);
    }
    await page.goto(site.url('/embed/targets/healthy-china-2030/'));
    expect(await page.locator('.embed-variant svg g[data-target]:visible').count()).toBeGreaterThan(10);
    await page.context().close();
  });
});

describe('timeline', () => {
  it('lists every event by year with its date at its precision, and every indicator link resolves', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/timeline/'));
    expect(await page.locator('li[data-area]').count()).toBe(53);
    // Without script nothing is filtered: every event shows and the filter bar (shared with the scorecard) is hidden.
    expect(await page.locator('li[data-area]:visible').count()).toBe(53);
    expect(await page.locator('[data-timeline-filters]').isVisible()).toBe(false);
    const dates = await page.locator('li[data-area] time').evaluateAll((ts) => ts.map((t) => [t.getAttribute('datetime'), t.textContent]));
    expect(dates).toContainEqual(['2016-05', '2016年5月']);
    expect(dates).toContainEqual(['2016-10-25', '2016年10月25日']);
    const hrefs = await page.locator('.event-indicators a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(40);
    for (const href of new Set(hrefs)) expect(fs.existsSync(path.join(DIST, href, 'index.html')), href).toBe(true);
    await page.context().close();
  });

  it('the area filter shows only that area', async () => {
    const page = await newPage();
    await page.goto(site.url('/timeline/'));
    await page.selectOption('[data-filter="area"]', 'medicines');
    const areas = await page.locator('li[data-area]:visible').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.area));
    expect(areas.length).toBeGreaterThan(5);
    expect(new Set(areas)).toEqual(new Set(['medicines']));
    expect(page.url()).toContain('area=medicines');
    await page.context().close();
  });
});

describe('scorecard on a phone (375 px)', () => {
  for (const pathname of ['/targets/', '/en/targets/']) {
    it(`${pathname}: no horizontal page scroll; each target a stacked card with its labelled cells; axe passes`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
      const page = await context.newPage();
      await page.goto(site.url(pathname));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const card = page.locator('[data-group="plan"] tr[data-plan]').first();
      expect(await card.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      // The column's name stands before each cell (the header row is for screen readers only).
      const label = await card.locator('.c-target').evaluate((td) => getComputedStyle(td, '::before').content);
      expect(label).toContain(pathname.startsWith('/en/') ? 'Target' : '目标');
      expect(await page.locator('[data-group="plan"] .c-chart svg').first().isVisible()).toBe(true);
      const results = await new AxeBuilder({ page }).include('[data-group="plan"] section.plan:first-of-type').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
      await context.close();
    }, 150_000);
  }
});

describe('accessibility (axe)', () => {
  for (const pathname of ['/targets/', '/targets/?group=area', '/timeline/', '/embed/targets/healthy-china-2030/']) {
    it(`${pathname} has no axe violations`, async () => {
      const page = await newPage();
      await page.goto(site.url(pathname));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10);
      await page.context().close();
      // The scorecard lists 154 targets twice: axe takes about 40 s on it alone, more on a loaded machine.
    }, 150_000);
  }
});
