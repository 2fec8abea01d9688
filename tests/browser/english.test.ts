// The English edition (/en/) in Chromium: <html lang>, hreflang twins both ways, no CJK characters in the interface
// except the Chinese originals marked lang="zh-CN" beside their English titles (and the switch to 中文), axe, the
// language switch keeping the view, and search answering English names. Run `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

async function newPage(javaScriptEnabled = true, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled, colorScheme, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** The page kinds in English so far, each with its Chinese twin. */
const TWINS = [
  ['/', '/en/'],
  ['/about/', '/en/about/'],
  ['/downloads/', '/en/downloads/'],
  ['/quality/', '/en/quality/'],
  ['/search/', '/en/search/'],
  ['/targets/', '/en/targets/'],
  ['/timeline/', '/en/timeline/'],
  // en-pages: indicator pages (provincial data; 万人 restated, targets; the procurement batches) and region pages.
  ['/indicators/birth-rate/', '/en/indicators/birth-rate/'],
  ['/indicators/basic-medical-insurance-participants/', '/en/indicators/basic-medical-insurance-participants/'],
  ['/indicators/vbp-cumulative-drugs/', '/en/indicators/vbp-cumulative-drugs/'],
  ['/indicators/oop-share/', '/en/indicators/oop-share/'],
  ['/regions/', '/en/regions/'],
  ['/regions/150000/', '/en/regions/150000/'],
] as const;
const ENGLISH_PAGES = [...TWINS.map(([, en]) => en), '/en/404/'];

/** Chinese, Japanese and Korean characters, and the full-width punctuation Chinese text uses. */
const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Every text a reader meets (body text, title, description, alt/title/aria-label/placeholder), outside lang="zh-CN". */
async function interfaceText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll('[lang="zh-CN"], script, style')) el.remove();
    const texts = [document.title, document.querySelector('meta[name="description"]')?.getAttribute('content') ?? ''];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) texts.push(n.textContent.trim());
    for (const el of body.querySelectorAll('[alt], [title], [aria-label], [placeholder]'))
      for (const a of ['alt', 'title', 'aria-label', 'placeholder']) if (el.getAttribute(a)) texts.push(el.getAttribute(a)!);
    return texts;
  });
}

describe('English pages', () => {
  for (const pathname of ENGLISH_PAGES) {
    it(`${pathname}: <html lang="en"> and no CJK characters outside the marked Chinese originals`, async () => {
      const page = await newPage(false);
      const response = await page.goto(site.url(pathname));
      expect(response?.status()).toBeLessThan(400);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const cjk = (await interfaceText(page)).filter((t) => CJK.test(t));
      expect(cjk).toEqual([]);
      await page.context().close();
    });
  }

  it('English indicator and region pages link to English indicator and region pages, never to the Chinese ones', async () => {
    for (const pathname of ['/en/', '/en/indicators/birth-rate/', '/en/regions/', '/en/regions/150000/', '/en/search/']) {
      const page = await newPage(false);
      await page.goto(site.url(pathname));
      const hrefs = await page.$$eval('main a[href], header a[href]:not([data-lang-switch])', (links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.filter((h) => /^\/(indicators|regions)\//.test(h))).toEqual([]);
      expect(hrefs.filter((h) => /^\/en\/(indicators|regions)\//.test(h)).length).toBeGreaterThan(0);
      await page.context().close();
    }
  });

  it('an English indicator page states values in English: 万 restated exactly, thousands separators, English units and names', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/en/indicators/basic-medical-insurance-participants/'));
    expect(await page.textContent('h1')).toBe('Basic medical insurance participants');
    expect(await page.textContent('.latest .value')).toMatch(/^(more than |about )?\d{1,3}(,\d{3})*(\.\d+)?( or more)? million people$/);
    const cells = await page.$$eval('#view-table td.num', (tds) => tds.map((td) => td.textContent!.trim()));
    expect(cells.length).toBeGreaterThan(5);
    // 136131万人 is 1,361.31 (million people, as the caption says); "more than 1,300.00" keeps the source's 万 precision.
    expect(cells).toContain('1,361.31');
    for (const cell of cells) expect(cell).toMatch(/^(more than |about )?\d{1,3}(,\d{3})*(\.\d+)?( or more)?$/);
    expect(await page.textContent('#view-table caption')).toContain('million people');
    await page.goto(site.url('/en/regions/150000/'));
    expect(await page.textContent('h1')).toBe('Inner Mongolia');
    await page.context().close();
  });

  // notes-en: notes and series breaks are English now, not exempt as Chinese; only cited 《》 titles stay Chinese.
  it('an English indicator page gives its notes and series breaks in English, cited Chinese titles marked lang="zh-CN"', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/en/indicators/basic-medical-insurance-participants/'));
    const section = page.locator('section[aria-labelledby="definition-heading"]');
    const items = await section.locator('li').allTextContents();
    expect(items.length).toBe(6); // 5 notes and 1 break
    expect(items).toContainEqual(expect.stringMatching(/^2017: The New Rural Cooperative Medical Scheme \(NCMS\) was gradually merged/));
    expect(await section.textContent()).not.toContain('Not yet translated');
    expect(await section.locator('[lang="zh-CN"]').allTextContents()).toEqual(['《医疗保障蓝皮书（2020）》']);
    await page.context().close();
  });

  // notes-en: the text from the data (where a source's figures were read, its notes, a value's note) in English.
  it("an English indicator page gives its sources' via and notes and its earlier releases' notes in English", async () => {
    const page = await newPage(false);
    await page.goto(site.url('/en/indicators/birth-rate/'));
    const source = page.locator('#source-nbs-database-annual-2016 .meta');
    expect(await source.textContent()).toContain('Read via: NBS data.stats.gov.cn API scrape (2015/16 vintage)');
    expect(await source.textContent()).toContain('Scraped through the National Data interface around 2015/16, data up to 2014;');
    expect(await source.locator('[lang="zh-CN"]').allTextContents()).toContain('人口/人口出生率、死亡率和自然增长率.csv');
    // The earlier releases' notes, in the table the Chinese page shows them in Chinese.
    expect(await page.locator('table').filter({ hasText: 'replaced by the revised figure 13.27' }).count()).toBe(1);
    await page.context().close();
  });

  it('no built English page says a text is "Not yet translated" (every text from the data has its English twin)', () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.html')) pages.push(full);
      }
    };
    walk(join(DIST, 'en'));
    expect(pages.length).toBeGreaterThan(100);
    const untranslated = pages.filter((p) => /Not yet translated|in Chinese:/.test(readFileSync(p, 'utf8')));
    expect(untranslated.map((p) => relative(DIST, p))).toEqual([]);
  });

  it('English text is set in a Latin font (an apostrophe is narrow); Chinese titles beside it keep a Chinese font', async () => {
    // A CJK font draws ’ full-width, so "the site’s address" read "site ’ s" when English pages used the CJK stack.
    const widths = async (pathname: string) => {
      const page = await newPage(false);
      await page.goto(site.url(pathname));
      const w = await page.evaluate(() => {
        const measure = (parent: HTMLElement, lang?: string) => {
          const span = document.createElement('span');
          if (lang) span.lang = lang;
          span.textContent = '’';
          parent.append(span);
          const width = span.getBoundingClientRect().width / parseFloat(getComputedStyle(span).fontSize);
          span.remove();
          return width;
        };
        const main = document.querySelector('main') as HTMLElement;
        return { text: measure(main), zhTitle: measure(main, 'zh-CN') };
      });
      await page.context().close();
      return w;
    };
    const en = await widths('/en/indicators/oop-share/');
    expect(en.text).toBeLessThan(0.5); // em: about 0.22 in Liberation Sans or Arial
    expect(en.zhTitle).toBeGreaterThan(0.8); // em: full width in a CJK font, as Chinese punctuation should be
    expect((await widths('/indicators/oop-share/')).text).toBeGreaterThan(0.8); // the Chinese edition keeps its CJK font
  });

  it('the test can fail: the Chinese about page is full of CJK text', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/about/'));
    expect((await interfaceText(page)).filter((t) => CJK.test(t)).length).toBeGreaterThan(5);
    await page.context().close();
  });

  for (const [zhPath, enPath] of TWINS) {
    it(`${zhPath} and ${enPath} name each other (hreflang zh-CN, en, x-default) and switch to each other`, async () => {
      for (const [path, lang, twin] of [
        [zhPath, 'zh-CN', enPath],
        [enPath, 'en', zhPath],
      ] as const) {
        const page = await newPage(false);
        await page.goto(site.url(path));
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (links) =>
          links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
        );
        expect(alternates).toEqual([
          ['zh-CN', zhPath],
          ['en', enPath],
          ['x-default', zhPath],
        ]);
        expect(await page.getAttribute('a[data-lang-switch]', 'href')).toBe(twin);
        await page.context().close();
      }
    });
  }
});

describe('accessibility of the English pages (axe)', () => {
  // en-pages: the indicator and region pages in both colour schemes, as figure.test.ts checks the Chinese ones.
  for (const scheme of ['light', 'dark'] as const) {
    for (const pathname of ['/en/indicators/birth-rate/', '/en/indicators/basic-medical-insurance-participants/', '/en/regions/150000/']) {
      it(`${pathname} has no violations in the ${scheme} scheme`, async () => {
        const page = await newPage(true, scheme);
        await page.goto(site.url(pathname));
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`);
        expect(summary).toEqual([]);
        expect(results.passes.length).toBeGreaterThan(10);
        await page.context().close();
      });
    }
  }
  for (const pathname of ['/en/about/', '/en/downloads/', '/en/targets/', '/en/timeline/', '/en/search/']) {
    it(`${pathname} has no violations`, async () => {
      const page = await newPage();
      await page.goto(site.url(pathname));
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`);
      expect(summary).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10);
      await page.context().close();
    });
  }
});

describe('an English indicator page redrawn in the browser stays English', () => {
  it('a compared province and another year are drawn with English names, units and captions', async () => {
    const page = await newPage();
    await page.goto(site.url('/en/indicators/birth-rate/?regions=150000'));
    await page.waitForFunction(() => !document.querySelector('[data-compare-legend]')?.hasAttribute('hidden'));
    expect(await page.textContent('[data-compare-legend]')).toContain('Inner Mongolia');
    await page.click('[data-figure-tab="map"]');
    await page.click('[data-view="table"]');
    await page.selectOption('[data-year-select]', '2019');
    await page.waitForFunction(() => document.querySelector('[data-table-caption]')?.textContent?.includes('2019'));
    const texts = await interfaceText(page);
    expect(texts.filter((t) => CJK.test(t))).toEqual([]);
    expect(await page.textContent('[data-table-caption]')).toContain('Crude birth rate');
    await page.context().close();
  });
});

describe('the language switch keeps the view', () => {
  it('an indicator page keeps the chosen province and the figure tab, to English and back', async () => {
    const page = await newPage();
    await page.goto(site.url('/indicators/birth-rate/'));
    await page.click('[data-compare-summary]');
    await page.check('input[name="compare"][value="150000"]');
    await page.waitForURL((url) => url.search === '?regions=150000');
    await page.click('[data-figure-tab="map"]');
    expect(new URL(page.url()).hash).toBe('#view-map');
    await page.click('a[data-lang-switch]');
    await page.waitForURL((url) => url.pathname === '/en/indicators/birth-rate/');
    expect(new URL(page.url()).search).toBe('?regions=150000');
    expect(await page.getAttribute('[data-figure-tab="map"]', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#view-map')).toBe(true);
    expect(await page.isChecked('input[name="compare"][value="150000"]')).toBe(true);
    // The English figure's tabs are in English, and a tab picked here goes back to Chinese too.
    expect(await page.textContent('[data-figure-tab="map"]')).toBe('By province');
    await page.click('[data-figure-tab="table"]');
    await page.click('a[data-lang-switch]');
    await page.waitForURL((url) => url.pathname === '/indicators/birth-rate/');
    expect(new URL(page.url()).search).toBe('?regions=150000');
    expect(new URL(page.url()).hash).toBe('#view-table');
    expect(await page.getAttribute('[data-figure-tab="table"]', 'aria-selected')).toBe('true');
    expect(await page.isChecked('input[name="compare"][value="150000"]')).toBe(true);
    await page.context().close();
  });

  it('a shared link with a tab opens that tab', async () => {
    const page = await newPage();
    await page.goto(site.url('/en/indicators/birth-rate/#view-table'));
    expect(await page.getAttribute('[data-figure-tab="table"]', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#view-chart')).toBe(false);
    await page.context().close();
  });

  it('a filtered timeline opens the English timeline with the same filter', async () => {
    const page = await newPage();
    await page.goto(site.url('/timeline/'));
    await page.selectOption('select[data-filter="area"]', 'insurance');
    await page.click('a[data-lang-switch]');
    await page.waitForURL(/\/en\/timeline\//);
    expect(new URL(page.url()).search).toBe('?area=insurance');
    expect(await page.inputValue('select[data-filter="area"]')).toBe('insurance');
    await page.context().close();
  });

  it("the scorecard's filters and a plan's anchor go along, and back from English to Chinese", async () => {
    const page = await newPage();
    await page.goto(site.url('/en/targets/?group=area#by-area-heading'));
    expect(await page.getAttribute('a[data-lang-switch]', 'href')).toBe('/targets/?group=area#by-area-heading');
    await page.click('a[data-lang-switch]');
    await page.waitForURL((url) => url.pathname === '/targets/');
    expect(new URL(page.url()).search).toBe('?group=area');
    expect(new URL(page.url()).hash).toBe('#by-area-heading');
    expect(await page.isChecked('input[name="group"][value="area"]')).toBe(true);
    await page.context().close();
  });
});

describe('search on English pages', () => {
  it('finds indicators and provinces by their English names and links to the English pages', async () => {
    const page = await newPage();
    await page.goto(site.url('/en/about/'));
    await page.fill('#site-search-q', 'birth rate');
    await page.waitForSelector('[data-search-results] li a');
    const first = page.locator('[data-search-results] li a').first();
    expect(await first.textContent()).toBe('Crude birth rate');
    expect(await first.getAttribute('href')).toBe('/en/indicators/birth-rate/');
    await page.fill('#site-search-q', 'Inner Mongolia');
    await page.waitForFunction(() => document.querySelector('[data-search-results] li a')?.textContent === 'Inner Mongolia');
    expect(await page.locator('[data-search-results] li a').first().getAttribute('href')).toBe('/en/regions/150000/');
    expect(CJK.test((await page.locator('[data-search-results]').textContent()) ?? '')).toBe(false);
    await page.context().close();
  });
});
