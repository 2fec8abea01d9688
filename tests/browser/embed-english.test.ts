// English embeds (issue 17) in Chromium against the built site: /en/embed/… without script and with it, the
// interactive redraw (src/shared/charts/embed-line.ts) keeping English labels, tooltips and legend, the dark theme,
// ?lang= moving between the editions, the English scorecard embed, axe; the English pictures and oEmbed files.
// Build first.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openSite, DIST, type Site, embedReady } from './harness.ts';
import { allChartViews } from '../../src/embed/views.ts';
import { allScorecardViews } from '../../src/embed/scorecard.ts';
import { sitePaths } from '../../src/site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const LINE = '/en/embed/birth-rate/line/';
const RANKING = '/en/embed/birth-rate/ranking/';
/** As tests/browser/english.test.ts: CJK characters and full-width punctuation. */
const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

async function newPage(javaScriptEnabled = true): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 760, height: 900 } });
  return context.newPage();
}

/** Every text a reader meets outside lang="zh-CN" (Chinese titles beside ours), SVG titles and tooltips included. */
async function cjkTexts(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll('[lang="zh-CN"], script, style')) el.remove();
    const out = [document.title, document.querySelector('meta[name="description"]')?.getAttribute('content') ?? ''];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent.trim());
    for (const el of body.querySelectorAll('[aria-label], [data-tip], [title]'))
      for (const a of ['aria-label', 'data-tip', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    return out;
  });
  return texts.filter((t) => CJK.test(t));
}

describe('English embed page', () => {
  it('without script: English chart, title, unit, source and link, <html lang="en">, no CJK outside marked titles', async () => {
    const page = await newPage(false);
    const response = await page.goto(site.url(LINE));
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Crude birth rate (China)');
    expect(await page.textContent('.embed-subtitle')).toMatch(/^per 1,000 population; \d{4}–\d{4}$/);
    expect(await page.textContent('.embed-source')).toMatch(/^Source: National Bureau of Statistics of China/);
    expect(await page.getAttribute('.embed-back a', 'href')).toBe(sitePaths.indicator('birth-rate', 'en'));
    expect(await cjkTexts(page)).toEqual([]);
    await page.context().close();
  });

  it('the test can fail: the Chinese embed is full of CJK text', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/embed/birth-rate/line/'));
    expect((await cjkTexts(page)).length).toBeGreaterThan(5);
    await page.context().close();
  });

  it('redraws for other regions and years with English names, legend, axis and tooltips', async () => {
    const page = await newPage();
    await page.goto(site.url(`${LINE}?regions=100000,150000,450000&from=2012&to=2019`));
    await embedReady(page);
    expect(await page.textContent('h1')).toBe('Crude birth rate: China, Inner Mongolia, Guangxi');
    expect(await page.textContent('.embed-subtitle')).toBe('per 1,000 population; 2012–2019');
    const custom = page.locator('.embed-custom svg');
    expect(await custom.isVisible()).toBe(true);
    expect(await custom.locator('.tip-points circle').count()).toBe(3 * 8);
    expect(await page.locator('[data-embed-series] li').allTextContents()).toEqual(['China', 'Inner Mongolia', 'Guangxi']);
    expect(await custom.locator('text').allTextContents()).toContain('Unit: per 1,000 population');
    const box = (await custom.boundingBox())!;
    await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
    expect(await page.locator('.chart-tip').textContent()).toMatch(/^(China|Inner Mongolia|Guangxi) 20\d\d: [\d.]+ per 1,000 population \(/);
    // After the redraw the source names the provincial publication too, still in English or marked.
    expect(await page.textContent('.embed-source')).toMatch(/^Source: /);
    expect(await cjkTexts(page)).toEqual([]);
    // Redrawn at another width: still English.
    await page.setViewportSize({ width: 360, height: 900 });
    await page.waitForFunction(() => Number(document.querySelector('.embed-custom svg')?.getAttribute('width')) < 400);
    expect(await cjkTexts(page)).toEqual([]);
    await page.context().close();
  });

  it('highlights provinces on the ranking, named in English', async () => {
    const page = await newPage();
    await page.goto(site.url(`${RANKING}?regions=150000,650000`));
    await embedReady(page);
    expect(await page.textContent('[data-embed-note]')).toBe('Highlighted: Inner Mongolia, Xinjiang');
    expect(await cjkTexts(page)).toEqual([]);
    await page.context().close();
  });

  it('theme=dark repaints the English page and chart', async () => {
    const page = await newPage();
    await page.goto(site.url(`${LINE}?theme=dark&regions=100000,110000`));
    await embedReady(page);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const [background, svgColor] = await page.evaluate(() => {
      const svg = document.querySelector('.embed-custom svg')!;
      return [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(svg).color];
    });
    expect(background).toBe('rgb(22, 25, 29)');
    expect(svgColor).toBe('rgb(232, 232, 232)');
    await page.context().close();
  });

  it('?lang= moves between the editions, keeping the other options', async () => {
    const page = await newPage();
    await page.goto(site.url('/embed/birth-rate/line/?lang=en&regions=100000,110000'));
    await page.waitForURL(/\/en\/embed\/birth-rate\/line\//);
    await embedReady(page);
    expect(new URL(page.url()).search).toContain('regions=100000,110000');
    expect(await page.textContent('h1')).toBe('Crude birth rate: China, Beijing');
    await page.goto(site.url(`${LINE}?lang=zh`));
    await page.waitForURL((url) => url.pathname === '/embed/birth-rate/line/');
    await embedReady(page);
    expect(await page.textContent('h1')).toBe('人口出生率（全国）');
    await page.context().close();
  });

  it('every English embed page, scorecards included, has no CJK outside marked titles', async () => {
    const page = await newPage(false);
    const paths = [
      ...allChartViews('en').map(({ view }) => view.embedPath),
      ...allScorecardViews('en').map((v) => `/en/embed/targets/${v.plan.id}/`),
    ];
    const found: string[] = [];
    for (const p of paths) {
      const response = await page.goto(site.url(p));
      expect(response?.status(), p).toBe(200);
      for (const t of await cjkTexts(page)) found.push(`${p}: ${t.slice(0, 80)}`);
    }
    expect(found).toEqual([]);
    expect(paths.length).toBeGreaterThan(40);
    await page.context().close();
  });

  for (const pathname of [LINE, `${RANKING}?theme=dark&regions=110000`, `${LINE}?regions=100000,110000&from=2005&theme=dark`]) {
    it(`${pathname} has no axe violations`, async () => {
      const page = await newPage();
      await page.goto(site.url(pathname));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('English pictures and oEmbed', () => {
  it('every English chart view has its SVG and PNG, in English', () => {
    for (const { id, view } of allChartViews('en')) {
      const svg = fs.readFileSync(path.join(DIST, 'en', 'pictures', `${id}-${view.kind}.svg`), 'utf8');
      expect(svg).toContain(view.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
      expect(svg).toContain('Source: ');
      expect(fs.existsSync(path.join(DIST, 'en', 'pictures', `${id}-${view.kind}.png`))).toBe(true);
    }
    expect(fs.existsSync(path.join(DIST, 'en', 'pictures', 'share', 'site.png'))).toBe(true);
  });

  it('the English oEmbed answer names the English chart, author and embed page', () => {
    const o = JSON.parse(fs.readFileSync(path.join(DIST, 'en', 'oembed', 'birth-rate.json'), 'utf8'));
    expect(o).toMatchObject({ version: '1.0', type: 'rich', title: 'Crude birth rate (China)', author_name: 'China Health Reform Data' });
    expect(o.provider_name).toBe('China Health Reform Data');
    expect(o.html).toContain(`<iframe src="${LINE}"`);
    expect(o.thumbnail_url).toBe('/en/pictures/share/birth-rate.png');
    expect(CJK.test(JSON.stringify(o))).toBe(false);
  });
});
