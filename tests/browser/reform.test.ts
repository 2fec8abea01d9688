// The reform pages in Chromium: the home page in the story order, the composition chart on the three share
// pages, a floor ("95%以上") shown as a floor in the table, the tooltip and the download, and axe on each new kind.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openSite, ROOT, type Site } from './harness.ts';
import { REFORM_AREAS } from '../../src/shared/reform-areas.ts';

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

describe('reform areas', () => {
  it('the home page lists the eight areas in the story order, each opening with its headline indicator', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/'));
    const headings = (await page.locator('main h2').allTextContents()).map((t) => t.trim());
    const areas: string[] = REFORM_AREAS.map((a) => a.zh);
    expect(headings.filter((h) => areas.includes(h))).toEqual(areas);
    const body = (await page.textContent('main')) ?? '';
    // Headlines in order: insurance participants before the out-of-pocket share before primary-care visits.
    const at = (name: string) => body.indexOf(name);
    expect(at('基本医疗保险参保人数')).toBeGreaterThan(-1);
    expect(at('基本医疗保险参保人数')).toBeLessThan(at('个人卫生支出占卫生总费用比重'));
    expect(at('个人卫生支出占卫生总费用比重')).toBeLessThan(at('基层医疗卫生机构诊疗人次'));
    expect(at('基层医疗卫生机构诊疗人次')).toBeLessThan(at('国家组织药品集中采购累计品种数'));
    await page.context().close();
  });
});

describe('composition chart', () => {
  for (const id of ['oop-share', 'government-health-spending-share', 'social-health-spending-share']) {
    it(`/indicators/${id}/ shows the composition chart without JavaScript`, async () => {
      const page = await newPage(false);
      await page.goto(site.url(`/indicators/${id}/`));
      const chart = page.locator('section.composition .chart-wide svg[role="img"]');
      expect(await chart.count()).toBe(1);
      expect(await chart.isVisible()).toBe(true);
      expect(await page.locator('section.composition .chart-wide svg rect title').count()).toBeGreaterThanOrEqual(18);
      expect(await page.locator('.composition-legend li').count()).toBe(3);
      await page.context().close();
    });
  }
  it('is not on other pages', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/indicators/health-expenditure/'));
    expect(await page.locator('section.composition').count()).toBe(0);
    await page.context().close();
  });
});

describe('floors', () => {
  it('the coverage rate shows "95以上" in the table, "95%以上" as the latest bound and in the tooltip', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/indicators/medical-insurance-coverage-rate/'));
    const cells = await page.locator('table tbody td.num').allTextContents();
    expect(cells).toContain('95以上');
    expect(cells).toContain('约95');
    expect(cells).not.toContain('95');
    const tips = await page.locator('.chart-wide svg title').allTextContents();
    expect(tips.some((t) => t.includes('95%以上'))).toBe(true);
    await page.context().close();
  });

  it('the download names the bound in its comparator column', () => {
    const csv = fs.readFileSync(path.join(ROOT, 'build/data/downloads/medical-insurance-coverage-rate.csv'), 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.year === '2022')).toMatchObject({ value: '95', comparator: '>=' });
    expect(rows.find((r) => r.year === '2024')).toMatchObject({ value: '95', comparator: '~' });
  });
});

describe('accessibility (axe) on the new pages', () => {
  for (const id of ['oop-share', 'medical-insurance-coverage-rate', 'vbp-cumulative-drugs', 'family-doctor-coverage-pilot']) {
    it(`/indicators/${id}/ has no violations`, async () => {
      const page = await newPage();
      await page.goto(site.url(`/indicators/${id}/`));
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`);
      expect(summary).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10);
      await page.context().close();
    });
  }
});
