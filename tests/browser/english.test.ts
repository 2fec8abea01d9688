// The English edition (/en/) in Chromium: <html lang>, hreflang twins both ways, no CJK characters in the interface
// except the Chinese originals marked lang="zh-CN" beside their English titles (and the switch to 中文), axe, the
// language switch keeping the view, and search answering English names. Run `npm run build` first.
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

async function newPage(javaScriptEnabled = true): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
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

  it('a page with no English edition yet (an indicator page) names no twin and switches to the English home', async () => {
    const page = await newPage(false);
    await page.goto(site.url('/indicators/birth-rate/'));
    expect(await page.$$('link[rel="alternate"][hreflang]')).toHaveLength(0);
    expect(await page.getAttribute('a[data-lang-switch]', 'href')).toBe('/en/');
    await page.context().close();
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

describe('the language switch keeps the view', () => {
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
    // No English indicator and region pages yet: the English names lead to the Chinese pages.
    expect(await first.getAttribute('href')).toBe('/indicators/birth-rate/');
    await page.fill('#site-search-q', 'Inner Mongolia');
    await page.waitForFunction(() => document.querySelector('[data-search-results] li a')?.textContent === 'Inner Mongolia');
    expect(await page.locator('[data-search-results] li a').first().getAttribute('href')).toBe('/regions/150000/');
    expect(CJK.test((await page.locator('[data-search-results]').textContent()) ?? '')).toBe(false);
    await page.context().close();
  });
});
