// Researchers in Chromium: "download the data shown" gives exactly the regions and years on screen (with and
// without JavaScript, and after the view changes), the downloads page lists working files with sizes and rows,
// citations get the reader's date and this site's address, and the data pages pass axe.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { openSite, ROOT, type Site } from './harness.ts';
import { readCatalog, readDownloadsIndex, readSeries } from '../../src/site-data/read.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const ID = 'birth-rate';
const series = readSeries(ID, ROOT);
const provincialYear = Math.max(...series.values.filter((v) => v.regionCode !== '100000').map((v) => v.year));

async function newPage(javaScriptEnabled = true): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function downloadShown(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载当前显示的数据（CSV）' }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file!, 'utf8') };
}

const rowsOf = (text: string) => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
};

describe('download the data shown', () => {
  it('gives the national series and the provinces of the ranking year, as on screen', async () => {
    const page = await newPage();
    await page.goto(site.url(`/indicators/${ID}/`));
    const { name, text } = await downloadShown(page);
    expect(name).toBe(`${ID}-当前显示.csv`);
    const rows = rowsOf(text);
    const national = series.values.filter((v) => v.regionCode === '100000');
    expect(rows.filter((r) => r.region_code === '100000').map((r) => Number(r.year))).toEqual(national.map((v) => v.year));
    const provinces = rows.filter((r) => r.region_code !== '100000');
    expect(provinces).toHaveLength(31);
    expect(new Set(provinces.map((r) => Number(r.year)))).toEqual(new Set([provincialYear]));
    const beijing = series.values.find((v) => v.regionCode === '110000' && v.year === provincialYear)!;
    expect(provinces.find((r) => r.region_code === '110000')).toMatchObject({
      region: '北京市',
      value: String(beijing.value),
      status: beijing.status,
    });
    await page.context().close();
  });

  it('follows the view when the page changes what is shown', async () => {
    const page = await newPage();
    await page.goto(site.url(`/indicators/${ID}/`));
    await page.evaluate(() => {
      document.getElementById('data-shown')!.dataset.shown = JSON.stringify([{ regions: ['100000', '440000'], from: 2015, to: 2019 }]);
    });
    const rows = rowsOf((await downloadShown(page)).text);
    expect(rows.map((r) => `${r.region_code} ${r.year}`)).toEqual([
      ...[2015, 2016, 2017, 2018, 2019].map((y) => `100000 ${y}`),
      ...[2015, 2016, 2017, 2018, 2019].map((y) => `440000 ${y}`),
    ]);
    await page.context().close();
  });

  it('without JavaScript the link gives the same default view, built at build time', async () => {
    const withJs = await newPage();
    await withJs.goto(site.url(`/indicators/${ID}/`));
    const fromScript = (await downloadShown(withJs)).text;
    await withJs.context().close();
    const page = await newPage(false);
    await page.goto(site.url(`/indicators/${ID}/`));
    const { text } = await downloadShown(page);
    expect(text).toBe(fromScript);
    await page.context().close();
  });
});

describe('citation', () => {
  it('fills in the access date and the site address, and the copy button copies the citation', async () => {
    const page = await newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url('') });
    await page.goto(site.url(`/indicators/${ID}/`));
    const zh = page.locator(`#cite-zh-${ID}`);
    const text = (await zh.textContent())!;
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    expect(text).toContain(`[DS/OL]. 数据版本 `);
    expect(text).toContain(`[${today}]. ${site.url(`/indicators/${ID}/`)}.`);
    await page.locator(`button[data-copy="cite-zh-${ID}"]`).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(await page.locator('.code-snippets pre').first().textContent()).toContain(`pd.read_csv(\n    "${site.url(`/data/${ID}.csv`)}"`);
    await page.context().close();
  });

  it('without JavaScript shows placeholders the reader fills in, and no dead copy buttons', async () => {
    const page = await newPage(false);
    await page.goto(site.url(`/indicators/${ID}/`));
    expect(await page.locator(`#cite-zh-${ID}`).textContent()).toContain('[引用日期]. <网站地址>/indicators/birth-rate/.');
    expect(await page.locator('button.copy').first().isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('downloads and data-quality pages', () => {
  it('the downloads page lists every indicator file with size and rows, and every link works', async () => {
    const page = await newPage();
    await page.goto(site.url('/downloads/'));
    const index = readDownloadsIndex(ROOT);
    const links = await page.locator('main a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(new Set(links)).toEqual(new Set(index.files.map((f) => `/data/${f.path}`)));
    for (const href of links) {
      const response = await page.request.get(site.url(href));
      expect(response.status(), href).toBe(200);
      expect((await response.body()).length, href).toBe(index.files.find((f) => `/data/${f.path}` === href)!.bytes);
    }
    const rows = page.locator('.downloads-table tbody tr');
    expect(await rows.count()).toBe(readCatalog(ROOT).length);
    expect(await rows.first().textContent()).toMatch(/\d+(\.\d)? KB，\d+行|\d+字节，\d+行/);
    expect(await page.textContent('main')).toContain('BOM');
    await page.context().close();
  });

  it('the data-quality page reconciles the counts and lists the revisions', async () => {
    const page = await newPage();
    await page.goto(site.url('/quality/'));
    const summary = await page.locator('#summary-heading + p').textContent();
    expect(summary).toMatch(/^输入数据单元格\d+个 = 写出\d+个 \+ 空白\d+个 \+ 拒绝\d+个。数目相符。$/);
    expect(await page.getByRole('link', { name: /人口出生率：\d+个/ }).count()).toBe(1);
    await page.context().close();
  });

  for (const pathname of ['/downloads/', '/quality/']) {
    it(`${pathname} has no axe violations`, async () => {
      const page = await newPage();
      await page.goto(site.url(pathname));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10);
      await page.context().close();
    });
  }
});
