// Embedding in Chromium against the built site: embed pages with script off and on (options, dark theme), the
// host-page loader (height follows the chart; wrong shapes and origins ignored), axe, script weight, the embed
// box, sharing tags and oEmbed, print, and every picture (PNG size from IHDR, SVG parses). Build first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import { openSite, DIST, type Site, embedReady } from './harness.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { allChartViews } from '../../src/embed/views.ts';
import { PNG_SCALE } from '../../src/charts/picture.ts';
import { darkPage } from '../../src/charts/theme.ts';
import { HEIGHT } from '../../src/shared/embed/messages.ts';

let site: Site;
/** A host page's server: another port, so another origin than the site, on the same loopback address. */
let host: StaticServer;
const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigai-host-'));
beforeAll(async () => {
  site = await openSite();
  host = await startStaticServer(hostDir);
});
afterAll(async () => {
  await site?.close();
  await host?.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

const views = allChartViews();
const LINE = '/embed/birth-rate/line/';
const RANKING = '/embed/birth-rate/ranking/';
const lineView = views.find((v) => v.id === 'birth-rate' && v.view.kind === 'line')!.view;

async function newPage(options: { javaScriptEnabled?: boolean; width?: number; height?: number } = {}): Promise<Page> {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 760, height: options.height ?? 900 },
  });
  return context.newPage();
}

const bodyHeight = (target: Page | Frame) => target.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

describe('embed page without JavaScript', () => {
  it('shows its chart, title, unit, source and a link back to the indicator page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(site.url(LINE));
    expect(await page.textContent('h1')).toBe('人口出生率（全国）');
    expect(await page.textContent('.embed-subtitle')).toMatch(/^单位：‰；\d{4}—\d{4}年$/);
    expect(await page.textContent('.embed-source')).toMatch(/^来源：国家统计局/);
    const back = page.locator('.embed-back a');
    expect(await back.getAttribute('href')).toBe('/indicators/birth-rate/');
    expect(await back.getAttribute('target')).toBe('_blank');
    const visible = page.locator('.embed-variant svg[role="img"]').filter({ visible: true });
    expect(await visible.count()).toBe(1);
    expect(await page.locator('header, nav, footer.site-footer').count()).toBe(0); // no site chrome
    // Crawlable, described, and no relative canonical (this build has no site origin configured).
    expect(await page.getAttribute('meta[name="description"]', 'content')).toMatch(/^人口出生率（全国）（单位：‰/);
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    expect(await page.locator('link[rel="canonical"]').count()).toBe(0);
    await page.context().close();
  });

  it('every embed page fits its no-script frame height at every width from 300 px, without sideways scrolling', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const misfits: string[] = [];
    for (const { id, view } of views) {
      await page.goto(site.url(`/embed/${id}/${view.kind}/`));
      for (const width of [300, 360, 420, 503, 504, 600, 743, 744, 1000, 1400]) {
        await page.setViewportSize({ width, height: 600 });
        const height = await bodyHeight(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (height > view.fallbackHeight || overflow > 0)
          misfits.push(`${id}/${view.kind} at ${width}px: ${height} > ${view.fallbackHeight} or overflow ${overflow}`);
      }
    }
    expect(misfits).toEqual([]);
    await page.context().close();
  });
});

describe('embed options', () => {
  it('theme=dark repaints page and chart; an unknown theme falls back to the system setting (auto)', async () => {
    const page = await newPage();
    await page.goto(site.url(`${LINE}?theme=dark`));
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const [background, svgColor, lineStroke] = await page.evaluate(() => {
      const svg = [...document.querySelectorAll('.embed-variant svg')].find((s) => s.getClientRects().length > 0)!;
      const line = svg.querySelector('.lc-series path')!;
      return [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(svg).color, getComputedStyle(line).stroke];
    });
    expect(background).toBe('rgb(22, 25, 29)'); // darkPage.background
    expect(svgColor).toBe('rgb(232, 232, 232)'); // darkPage.text
    expect(lineStroke).not.toBe('rgb(29, 90, 150)'); // not the light theme's blue
    expect(darkPage.background).toBe('#16191d');
    await page.goto(site.url(`${LINE}?theme=purple`));
    expect(await page.getAttribute('html', 'data-theme')).toBe('auto');
    await page.context().close();
  });

  it('regions and years redraw the line chart; unknown values keep the default chart', async () => {
    const page = await newPage();
    await page.goto(site.url(`${LINE}?regions=100000,110000,310000&from=2012&to=2019`));
    await embedReady(page);
    expect(await page.textContent('h1')).toBe('人口出生率：全国、北京、上海');
    expect(await page.textContent('.embed-subtitle')).toBe('单位：‰；2012—2019年');
    const custom = page.locator('.embed-custom svg');
    expect(await custom.isVisible()).toBe(true);
    expect(await custom.locator('.tip-points circle').count()).toBe(3 * 8);
    expect(await page.locator('[data-embed-series] li').allTextContents()).toEqual(['全国', '北京', '上海']);
    // Hover shows a tooltip from the redrawn points.
    const box = (await custom.boundingBox())!;
    await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
    expect(await page.locator('.chart-tip').textContent()).toMatch(/^(全国|北京|上海) 20\d\d年：/);

    for (const query of ['?regions=999999', '?from=2019&to=2012', '?from=abc', '?lang=fr', '?regions=']) {
      await page.goto(site.url(LINE + query));
      expect(await page.locator('.embed-custom').count(), query).toBe(0);
      expect(await page.textContent('h1'), query).toBe('人口出生率（全国）');
      expect(new URL(page.url()).pathname, query).toBe(LINE); // lang=fr: a language we do not have, no redirect
    }
    await page.context().close();
  });

  it('regions on the ranking highlight the chosen provinces', async () => {
    const page = await newPage();
    await page.goto(site.url(`${RANKING}?regions=110000,310000`));
    await embedReady(page);
    const variant = page.locator('.embed-variant').filter({ visible: true });
    expect(await variant.locator('rect.embed-picked').count()).toBe(2);
    expect(await variant.locator('rect.embed-muted').count()).toBe(29);
    expect(await variant.locator('text.embed-picked').allTextContents()).toEqual(expect.arrayContaining(['北京', '上海']));
    expect(await page.textContent('[data-embed-note]')).toBe('突出显示：北京、上海');
    await page.context().close();
  });
});

/** A host page on another origin with our iframe (fixed height as in the snippet) and, optionally, our loader. */
async function hostPage(options: { loader: boolean; src?: string }) {
  const page = await newPage({ width: 900 });
  const src = site.url(options.src ?? LINE);
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title></head><body style="margin:0">
<iframe id="ours" src="${src}" title="chart" style="width:600px;height:${lineView.fallbackHeight}px;border:0" data-yigai-embed></iframe>
<iframe id="other" src="${site.url('/embed/death-rate/line/')}" title="not ours to size" style="width:600px;height:300px;border:0"></iframe>
${options.loader ? `<script src="${site.url('/embed.js')}" async></script>` : ''}</body></html>`;
  const name = `article-${options.loader ? 'loader' : 'plain'}.html`;
  fs.writeFileSync(path.join(hostDir, name), html);
  await page.goto(`${host.url}/${name}`);
  const frame = page.frames().find((f) => f.url().startsWith(src))!;
  await frame.waitForSelector('h1');
  return { page, frame, frameHeight: () => page.evaluate(() => document.getElementById('ours')!.getBoundingClientRect().height) };
}

describe('host page', () => {
  it('with the loader, the iframe takes the chart page height and follows it when the width changes', async () => {
    const { page, frame, frameHeight } = await hostPage({ loader: true });
    await expect.poll(async () => Math.abs((await frameHeight()) - (await bodyHeight(frame)))).toBeLessThanOrEqual(1);
    const wide = await frameHeight();
    expect(wide).toBeLessThan(lineView.fallbackHeight);
    await page.evaluate(() => (document.getElementById('ours')!.style.width = '320px'));
    await expect.poll(frameHeight).not.toBe(wide);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await bodyHeight(frame)))).toBeLessThanOrEqual(1);
    await page.context().close();
  });

  it('a frame the host page adds after load, with its own copy of the snippet, is sized too', async () => {
    const { page } = await hostPage({ loader: true });
    const src = site.url('/embed/birth-rate/ranking/');
    await page.evaluate(
      ({ src, loader }) => {
        const frame = Object.assign(document.createElement('iframe'), { id: 'late', src, title: 'late chart' });
        frame.setAttribute('data-yigai-embed', '');
        frame.style.cssText = 'width:600px;height:200px;border:0';
        document.body.append(frame, Object.assign(document.createElement('script'), { src: loader, async: true }));
      },
      { src, loader: site.url('/embed.js') },
    );
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(src))).toBe(true);
    const late = page.frames().find((f) => f.url().startsWith(src))!;
    await late.waitForSelector('h1');
    const lateHeight = () => page.evaluate(() => document.getElementById('late')!.getBoundingClientRect().height);
    await expect.poll(async () => Math.abs((await lateHeight()) - (await bodyHeight(late)))).toBeLessThanOrEqual(1);
    expect(await lateHeight()).toBeGreaterThan(200);
    await page.context().close();
  });

  it('ignores messages of the wrong shape, origin or window', async () => {
    const { page, frame, frameHeight } = await hostPage({ loader: true });
    await expect.poll(async () => Math.abs((await frameHeight()) - (await bodyHeight(frame)))).toBeLessThanOrEqual(1);
    const settled = await frameHeight();
    // Wrong shapes, from the right origin and the right window.
    for (const message of [
      { type: HEIGHT, version: 1, height: '77' },
      { type: HEIGHT, version: 1, height: 1e9 },
      { type: HEIGHT, version: 1, height: -5 },
      { type: HEIGHT, version: 2, height: 77 },
      { type: HEIGHT, version: 1, height: 77, extra: true },
      { type: 'other', version: 1, height: 77 },
      [HEIGHT, 1, 77],
      `${HEIGHT}:77`,
    ]) {
      await frame.evaluate((m) => window.parent.postMessage(m, '*'), message);
    }
    // The right shape from the host's own origin (any script on the host page).
    await page.evaluate((type) => window.postMessage({ type, version: 1, height: 77 }, '*'), HEIGHT);
    // The right shape and origin, but from another of our frames that the host did not mark as ours.
    const other = page.frames().find((f) => f.url().includes('/embed/death-rate/'))!;
    await other.evaluate((type) => window.parent.postMessage({ type, version: 1, height: 77 }, '*'), HEIGHT);
    await page.waitForTimeout(300);
    expect(await frameHeight()).toBe(settled);
    // A well-formed message from our frame is applied (the checks above were not vacuous).
    await frame.evaluate((type) => window.parent.postMessage({ type, version: 1, height: 401 }, '*'), HEIGHT);
    await expect.poll(frameHeight).toBe(401);
    // The same frame window, navigated to a page of another origin: its messages are not ours.
    fs.writeFileSync(path.join(hostDir, 'elsewhere.html'), '<!doctype html><title>elsewhere</title>');
    await frame.goto(`${host.url}/elsewhere.html`);
    await frame.evaluate((type) => window.parent.postMessage({ type, version: 1, height: 222 }, '*'), HEIGHT);
    await page.waitForTimeout(300);
    expect(await frameHeight()).toBe(401);
    await page.context().close();
  });

  it('without the loader, the iframe keeps its fixed height and shows the whole chart', async () => {
    const { page, frame, frameHeight } = await hostPage({ loader: false });
    await page.waitForTimeout(300);
    expect(await frameHeight()).toBe(lineView.fallbackHeight);
    expect(await bodyHeight(frame)).toBeLessThanOrEqual(lineView.fallbackHeight);
    await page.context().close();
  });
});

describe('accessibility (axe)', () => {
  for (const pathname of [
    LINE,
    `${RANKING}?theme=dark&regions=110000`,
    `${LINE}?regions=100000,110000&from=2005`,
    '/embed/health-expenditure/line/?theme=dark',
  ]) {
    it(`${pathname} has no violations`, async () => {
      const page = await newPage();
      await page.goto(site.url(pathname));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10);
      await page.context().close();
    });
  }
});

/** Every script a page runs: inline module code, external files and the chunks they import, recursively. */
function pageScripts(html: string): string[] {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const code = fs.readFileSync(path.join(DIST, file), 'utf8');
    seen.set(file, code);
    for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) visit(path.posix.join(path.posix.dirname(file), m[1]!));
  };
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  for (const m of html.matchAll(/<script\b[^>]*src="\/([^"]+)"/g)) visit(m[1]!);
  return [...inline, ...seen.values()];
}

describe('script weight', () => {
  it('an embed page loads at most 5 KB of gzipped JavaScript, and no Plot or d3', () => {
    const html = fs.readFileSync(path.join(DIST, 'embed/birth-rate/line/index.html'), 'utf8');
    const js = pageScripts(html).join('\n');
    const gzipped = zlib.gzipSync(js, { level: 9 }).length;
    console.log(`embed page JavaScript: ${js.length} B, ${gzipped} B gzipped`);
    expect(gzipped).toBeLessThanOrEqual(5 * 1024);
    expect(js).not.toMatch(/observablehq|d3-(scale|selection|shape)/);
    const loader = fs.readFileSync(path.join(DIST, 'embed.js'));
    console.log(`embed.js: ${loader.length} B, ${zlib.gzipSync(loader).length} B gzipped`);
    expect(zlib.gzipSync(loader).length).toBeLessThan(1024);
  });
});

describe('indicator page', () => {
  it('has an embed box whose code follows the options, and copies it', async () => {
    const page = await newPage({ width: 1100 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    await page.goto(site.url('/indicators/birth-rate/'));
    // The box's script loads as the box nears the screen.
    await page.locator('[data-embed-box]').scrollIntoViewIfNeeded();
    await page.locator('[data-embed-controls]').waitFor({ state: 'visible' });
    const code = page.locator('[data-embed-code]');
    let snippet = await code.inputValue();
    expect(snippet).toContain(`<iframe src="${site.server.url}/embed/birth-rate/line/"`);
    expect(snippet).toMatch(/ title="[^"]+" loading="lazy" /);
    expect(snippet).toContain(`<script src="${site.server.url}/embed.js" async></script>`);
    await page.selectOption('select[name="theme"]', 'dark');
    await page.selectOption('select[name="from"]', '2015');
    expect(await code.inputValue()).toContain('/embed/birth-rate/line/?from=2015&amp;theme=dark');
    await page.selectOption('select[name="view"]', 'ranking');
    await page.locator('details[data-for-view="ranking"] summary').click();
    await page.getByRole('checkbox', { name: /北京/ }).filter({ visible: true }).check();
    await page.getByRole('checkbox', { name: /加上自动调整高度的脚本/ }).uncheck();
    snippet = await code.inputValue();
    expect(snippet).toContain('/embed/birth-rate/ranking/?regions=110000&amp;theme=dark');
    expect(snippet).not.toContain('embed.js');
    await page.getByRole('button', { name: '复制代码' }).click();
    await expect.poll(() => page.textContent('[data-embed-status]')).toBe('已复制。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await page.context().close();
  });

  it('has sharing tags, an oEmbed file and 下载图片 links that serve pictures', async () => {
    const page = await newPage();
    await page.goto(site.url('/indicators/birth-rate/'));
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    expect(await meta('meta[property="og:image"]')).toBe('/pictures/share/birth-rate.png');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[property="og:title"]')).toContain('人口出生率');
    const oembedHref = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
    const oembed = await (await page.request.get(site.url(oembedHref!))).json();
    expect(oembed).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: '医改数据',
      thumbnail_url: '/pictures/share/birth-rate.png',
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(oembed.html).toContain('<iframe src="/embed/birth-rate/line/"');
    const links = page.getByRole('link', { name: /^下载图片/ });
    expect(await links.count()).toBe(4); // line and ranking, PNG and SVG each
    for (const link of await links.all()) {
      const response = await page.request.get(site.url((await link.getAttribute('href'))!));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\/(png|svg\+xml)/);
    }
    await page.context().close();
  });

  it('prints on A4 with chart, tables and sources, without navigation or the embed box', async () => {
    const page = await newPage();
    await page.goto(site.url('/indicators/birth-rate/'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('section.share').isVisible()).toBe(false);
    for (const screenOnly of ['.explore-toolbar', '.explore-controls', '.data-downloads', '.code-snippets']) {
      expect(await page.locator(screenOnly).first().isVisible(), screenOnly).toBe(false);
    }
    expect(await page.locator('.citation').isVisible()).toBe(true);
    expect(await page.locator('table').first().isVisible()).toBe(true);
    expect(await page.locator('#sources-heading').isVisible()).toBe(true);
    expect(await page.locator('main svg[role="img"]').filter({ visible: true }).count()).toBeGreaterThan(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.mkdirSync(path.join(os.tmpdir(), 'yigai-screenshots'), { recursive: true });
    fs.writeFileSync(path.join(os.tmpdir(), 'yigai-screenshots', 'birth-rate-print.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });
});

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('pictures', () => {
  it('every chart view has an SVG that parses and a PNG at twice its size', async () => {
    const page = await newPage();
    await page.goto(site.url(LINE));
    for (const { id, view } of views) {
      const svgFile = path.join(DIST, 'pictures', `${id}-${view.kind}.svg`);
      const svg = fs.readFileSync(svgFile, 'utf8');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          name: root.nodeName,
          width: Number(root.getAttribute('width')),
          height: Number(root.getAttribute('height')),
          text: root.textContent ?? '',
        };
      }, svg);
      expect(parsed.error, svgFile).toBeNull();
      expect(parsed.name).toBe('svg');
      expect(parsed.text).toContain(view.title);
      expect(parsed.text).toContain('来源：');
      expect(pngSize(path.join(DIST, 'pictures', `${id}-${view.kind}.png`)), id).toEqual({
        width: parsed.width * PNG_SCALE,
        height: parsed.height * PNG_SCALE,
      });
    }
    await page.context().close();
  });
});

describe('screenshots', () => {
  const dir = path.join(os.tmpdir(), 'yigai-screenshots');
  for (const [name, pathname, width] of [
    ['embed-line-360', LINE, 360],
    ['embed-line-custom-dark', `${LINE}?regions=100000,440000,540000&theme=dark`, 760],
    ['embed-ranking-highlight', `${RANKING}?regions=110000,310000`, 600],
  ] as const) {
    it(name, async () => {
      fs.mkdirSync(dir, { recursive: true });
      const page = await newPage({ width, height: 400 });
      await page.goto(site.url(pathname));
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
      await page.context().close();
    });
  }
});
