// The site as published at a test address (npm run build:site-test: SITE_URL=https://example.org/yigai/ into
// build/site-test/, part of npm test): every page's title, description, canonical and sharing tags, the share
// cards they name, the embed pages' canonical links and every oEmbed answer against the oEmbed 1.0 spec
// (type rich). Read from the files: no browser needed, a second server neither.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ROOT } from './harness.ts';

const SITE = 'https://example.org/yigai/';
const DIST = path.join(ROOT, 'build/site-test/dist');
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npm run build:site-test\` first (npm test does).`);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const files = walk(DIST).map((f) => path.relative(DIST, f).split(path.sep).join('/'));
// Embeds and oEmbed answers of both editions (/embed/…, /en/embed/…).
const isEmbed = (f: string) => /^(en\/)?embed\//.test(f);
const pages = files.filter((f) => f.endsWith('.html') && !isEmbed(f) && !f.startsWith('pagefind/'));
const embeds = files.filter((f) => isEmbed(f) && f.endsWith('.html'));
const oembeds = files.filter((f) => /^(en\/)?oembed\//.test(f) && f.endsWith('.json'));

/** The public address of a file in dist/: /yigai/ + its folder for index.html. */
const addressOf = (file: string) => SITE + file.replace(/(^|\/)index\.html$/, '$1');
/** The file an absolute address of the site points to, or undefined when it is not ours or not built. */
function fileAt(url: string): string | undefined {
  if (!url.startsWith(SITE)) return undefined;
  const rel = decodeURI(url.slice(SITE.length).split(/[?#]/)[0]!);
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
  return candidates.find((c) => files.includes(c));
}
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(path.join(DIST, file));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}
const head = (file: string) => parseHTML(fs.readFileSync(path.join(DIST, file), 'utf8')).document;
const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"]`)?.getAttribute('content') ?? doc.querySelector(`meta[name="${key}"]`)?.getAttribute('content');

describe('every page at the test address', () => {
  it('covers every kind of page', () => {
    for (const p of [
      'index.html',
      '404.html',
      'about/index.html',
      'downloads/index.html',
      'quality/index.html',
      'search/index.html',
      'regions/index.html',
    ])
      expect(pages).toContain(p);
    expect(pages.some((p) => p.startsWith('indicators/'))).toBe(true);
    expect(pages.some((p) => /^regions\/\d{6}\//.test(p))).toBe(true);
  });

  it.each(pages)('%s: title, description, canonical, Open Graph and Twitter card', (file) => {
    const doc = head(file);
    const english = file.startsWith('en/');
    expect(doc.querySelector('title')?.textContent?.trim()).toMatch(english ? /China Health Reform Data/ : /医改数据/);
    expect((meta(doc, 'description') ?? '').length).toBeGreaterThan(10);
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
    if (file === '404.html' || file === 'en/404/index.html') {
      expect(canonical).toBeUndefined();
      expect(meta(doc, 'robots')).toBe('noindex');
    } else {
      expect(canonical).toBe(addressOf(file));
      expect(meta(doc, 'og:url')).toBe(canonical);
    }
    expect(meta(doc, 'og:type')).toBe(file === 'index.html' || file === 'en/index.html' ? 'website' : 'article');
    expect(meta(doc, 'og:site_name')).toBe(english ? 'China Health Reform Data' : '医改数据');
    expect(meta(doc, 'og:locale')).toBe(english ? 'en' : 'zh_CN');
    // hreflang twins are absolute at the site's address (none on the 404 pages and on pages without an English edition).
    for (const link of doc.querySelectorAll('link[rel="alternate"][hreflang]'))
      expect(link.getAttribute('href')).toMatch(/^https:\/\/example\.org\/yigai\//);
    expect(meta(doc, 'og:title')).toBe(doc.querySelector('title')?.textContent);
    expect(meta(doc, 'og:description')).toBe(meta(doc, 'description'));
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    const image = meta(doc, 'og:image')!;
    // Each edition's card, in its language (/en/pictures/share/… on English pages).
    expect(image).toMatch(new RegExp(`^${SITE}${english ? 'en/' : ''}pictures/share/[a-z0-9-]+\\.png$`));
    expect(meta(doc, 'twitter:image')).toBe(image);
    const card = fileAt(image);
    expect(card, image).toBeDefined();
    expect(pngSize(card!)).toEqual([1200, 630]);
    expect([meta(doc, 'og:image:width'), meta(doc, 'og:image:height')]).toEqual(['1200', '630']);
    expect((meta(doc, 'og:image:alt') ?? '').length).toBeGreaterThan(2);
    // Every link of the page's own head leads to a file of the site (no relative path left over).
    for (const link of doc.querySelectorAll('link[rel="alternate"]'))
      expect(fileAt(link.getAttribute('href')!), link.getAttribute('href')!).toBeDefined();
  });

  it('an indicator page has its own card and its oEmbed link; other pages the site card', () => {
    const doc = head('indicators/birth-rate/index.html');
    expect(meta(doc, 'og:image')).toBe(`${SITE}pictures/share/birth-rate.png`);
    expect(doc.querySelector('link[type="application/json+oembed"]')?.getAttribute('href')).toBe(`${SITE}oembed/birth-rate.json`);
    expect(meta(head('downloads/index.html'), 'og:image')).toBe(`${SITE}pictures/share/site.png`);
    // Links inside the page carry the base too.
    expect(doc.querySelector('a.site-name')?.getAttribute('href')).toBe('/yigai/');
  });
});

describe('embed pages', () => {
  it.each(embeds)('%s: canonical is its indicator page, or its plan on the scorecard', (file) => {
    const parts = file.split('/');
    const canonical = head(file).querySelector('link[rel="canonical"]')?.getAttribute('href');
    // embed/targets/<plan>/index.html embeds one plan's scorecard; embed/<indicator>/<view>/index.html a chart;
    // an English embed's canonical is the English page.
    // A line embed built without some marks (embed/<indicator>/line/hide-targets/index.html) is one folder deeper.
    const edition = file.startsWith('en/') ? 'en/' : '';
    if (parts.at(-3) === 'targets') expect(canonical).toBe(`${SITE}${edition}targets/#plan-${parts.at(-2)}`);
    else expect(canonical).toBe(`${SITE}${edition}indicators/${parts.at(parts.at(-2)!.startsWith('hide-') ? -4 : -3)}/`);
  });
});

describe('oEmbed 1.0 answers (type rich)', () => {
  it('one per indicator with a chart', () => expect(oembeds.length).toBeGreaterThan(40));

  it.each(oembeds)('%s', (file) => {
    const o = JSON.parse(fs.readFileSync(path.join(DIST, file), 'utf8'));
    // An English answer (/en/oembed/…) names the English home as provider and frames the English embed.
    const edition = file.startsWith('en/') ? 'en/' : '';
    // Required for every type, then for rich (oEmbed 1.0, sections 2.3.4 and 2.3.4.4).
    expect(o.version).toBe('1.0');
    expect(o.type).toBe('rich');
    for (const key of ['html', 'width', 'height']) expect(o, key).toHaveProperty(key);
    expect(Number.isInteger(o.width) && o.width > 0).toBe(true);
    expect(Number.isInteger(o.height) && o.height > 0).toBe(true);
    // The thumbnail's three fields come together, and its size is the file's.
    const thumbnail = fileAt(o.thumbnail_url);
    expect(thumbnail, o.thumbnail_url).toBeDefined();
    expect(pngSize(thumbnail!)).toEqual([o.thumbnail_width, o.thumbnail_height]);
    expect(o.provider_url).toBe(`${SITE}${edition}`);
    expect(typeof o.title).toBe('string');
    expect(Number.isInteger(o.cache_age)).toBe(true);
    // The HTML works on someone else's page: every address in it is absolute and is a file of the site.
    const { document } = parseHTML(`<!doctype html><html><body>${o.html}</body></html>`);
    const frame = document.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toMatch(new RegExp(`^${SITE}${edition}embed/`));
    expect(fileAt(frame.getAttribute('src')!)).toBeDefined();
    expect(frame.getAttribute('style')).toContain('width:100%');
    expect(frame.getAttribute('style')).toContain(`height:${o.height}px`);
    expect(fileAt(document.querySelector('script')!.getAttribute('src')!)).toBeDefined();
  });
});

describe('the address in the data', () => {
  it('citations, the package homepage and the search index use the address with its path once', () => {
    const json = JSON.parse(fs.readFileSync(path.join(DIST, 'data/birth-rate.json'), 'utf8'));
    expect(JSON.stringify(json)).toContain(`${SITE}indicators/birth-rate/`);
    expect(JSON.stringify(json)).not.toContain('yigai/yigai');
    expect(JSON.parse(fs.readFileSync(path.join(DIST, 'data/datapackage.json'), 'utf8')).homepage).toBe(SITE);
    const names = JSON.parse(fs.readFileSync(path.join(DIST, 'search/names.json'), 'utf8'));
    expect(names[0].url).toMatch(/^\/yigai\/indicators\//);
    const page = fs.readFileSync(path.join(DIST, 'indicators/birth-rate/index.html'), 'utf8');
    expect(page).toContain(`${SITE}indicators/birth-rate/`);
    expect(page).not.toContain('yigai/yigai');
  });
});

describe('the host headers file', () => {
  // dist/_headers (Netlify, Cloudflare Pages): each rule under the site's path, and each pattern matches files
  // the build wrote, so a renamed folder cannot leave a rule that applies to nothing.
  const text = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const rules = text.split(/\n(?=\S)/).map((block) => {
    const [pattern, ...lines] = block.trim().split('\n');
    return { pattern: pattern!, lines: lines.map((l) => l.trim()) };
  });

  it('names the content types, CORS and caching the README asks for, under /yigai/', () => {
    const at = (p: string) => rules.find((r) => r.pattern === p)?.lines ?? [];
    expect(at('/yigai/_astro/*')).toEqual(['Cache-Control: public, max-age=31536000, immutable']);
    expect(at('/yigai/data/*.csv')).toEqual(['Content-Type: text/csv; charset=utf-8']);
    expect(at('/yigai/data/*')).toEqual(['Access-Control-Allow-Origin: *']);
    expect(at('/yigai/oembed/*')).toContain('Content-Type: application/json; charset=utf-8');
    for (const r of rules) for (const l of r.lines) expect(l, r.pattern).toMatch(/^[A-Za-z-]+: \S/);
  });

  it('every pattern matches a file of the site', () => {
    for (const { pattern } of rules) {
      expect(pattern.startsWith('/yigai/'), pattern).toBe(true);
      const re = new RegExp(`^${pattern.slice('/yigai/'.length).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
      expect(
        files.some((f) => re.test(f)),
        pattern,
      ).toBe(true);
    }
  });
});
