// Page weight of every kind of page in a built site: HTML, CSS and JavaScript, raw and gzipped, and the
// requests a first load makes (the page and every same-site resource it references). Kinds come from the
// path; a path no known kind matches lands in "other (/<first folder>/)", so new kinds show up by themselves.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { resolveFile } from '../static-server.ts';

export const PAGE_KINDS: { kind: string; pattern: RegExp }[] = [
  { kind: 'home', pattern: /^\/$/ },
  { kind: '404', pattern: /^\/404(\.html|\/)?$/ },
  { kind: 'indicator', pattern: /^\/indicators\/[^/]+\/$/ },
  { kind: 'indicators index', pattern: /^\/indicators\/$/ },
  { kind: 'about', pattern: /^\/about\/$/ },
  { kind: 'downloads', pattern: /^\/downloads\// },
  { kind: 'quality', pattern: /^\/quality\// },
  { kind: 'region', pattern: /^\/regions\/[^/]+\/$/ },
  { kind: 'regions index', pattern: /^\/regions\/$/ },
  { kind: 'embed', pattern: /^\/embed\// },
  { kind: 'map', pattern: /^\/maps?\// },
  { kind: 'explore', pattern: /^\/explore\// },
  { kind: 'search', pattern: /^\/search\// },
  { kind: 'targets', pattern: /^\/(en\/)?targets\/$/ },
  { kind: 'timeline', pattern: /^\/(en\/)?timeline\/$/ },
];

export function pageKind(urlPath: string): string {
  return PAGE_KINDS.find((k) => k.pattern.test(urlPath))?.kind ?? `other (/${urlPath.split('/')[1] ?? ''}/)`;
}

export interface Bytes {
  raw: number;
  gzip: number;
}
export interface PageWeight {
  url: string;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  /** The whole first load: the HTML and every resource it references (inline CSS and JS are in the HTML). */
  transfer: Bytes;
  requests: number;
  /** JavaScript loaded later (dynamic import), not part of the first load. */
  lazyJs: Bytes;
  missing: string[];
}
export interface KindWeight extends PageWeight {
  kind: string;
  pages: number;
}

const gz = (bytes: Uint8Array | string) => gzipSync(bytes).length;
const size = (text: string): Bytes => ({ raw: Buffer.byteLength(text), gzip: text ? gz(text) : 0 });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Bytes = { raw: 0, gzip: 0 };
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^'"`();]*?\bfrom\s*)?["'](\.{0,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*[`'"](\.{0,2}\/[^`'"$]+)[`'"]\s*\)/g;
const CSS_URL = /url\(\s*["']?([^"')]+)["']?\s*\)/g;

/** Same-site URL path of a reference, or undefined for other sites, data: URLs and in-page fragments. */
function sameSite(ref: string, base: string): string | undefined {
  if (!ref || ref.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return undefined;
  return new URL(ref, `http://site${base}`).pathname;
}

export function measurePage(dist: string, url: string): PageWeight {
  const root = path.resolve(dist);
  const htmlText = readFileSync(resolveFile(root, url)!, 'utf8');
  const { document } = parseHTML(htmlText);
  const resources = new Map<string, 'css' | 'js' | 'other'>();
  const lazy = new Set<string>();
  const refer = (ref: string | null, base: string, type: 'css' | 'js' | 'other') => {
    const target = sameSite(ref ?? '', base);
    if (target && !resources.has(target)) resources.set(target, type);
  };
  let inlineCss = '';
  let inlineJs = '';
  for (const el of document.querySelectorAll('style')) inlineCss += el.textContent ?? '';
  for (const el of document.querySelectorAll('script')) {
    if (el.getAttribute('src')) refer(el.getAttribute('src'), url, 'js');
    else if (EXECUTABLE.has((el.getAttribute('type') ?? '').toLowerCase())) inlineJs += el.textContent ?? '';
  }
  for (const el of document.querySelectorAll('link[rel][href]')) {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const as = el.getAttribute('as');
    if (rel.includes('stylesheet')) refer(el.getAttribute('href'), url, 'css');
    else if (rel.includes('modulepreload')) refer(el.getAttribute('href'), url, 'js');
    else if (rel.includes('preload')) refer(el.getAttribute('href'), url, as === 'script' ? 'js' : as === 'style' ? 'css' : 'other');
    else if (rel.some((r) => r.includes('icon'))) refer(el.getAttribute('href'), url, 'other');
  }
  for (const el of document.querySelectorAll('img[src], iframe[src]')) refer(el.getAttribute('src'), url, 'other');
  for (const [, ref] of inlineCss.matchAll(CSS_URL)) refer(ref ?? '', url, 'other');

  const missing: string[] = [];
  let css = size(inlineCss);
  let js = size(inlineJs);
  let transfer = size(htmlText);
  let lazyJs = ZERO;
  // Resources may reference more (CSS url(), JS static imports): follow them until none is new.
  for (const [target, type] of resources) {
    const file = resolveFile(root, target);
    if (!file) {
      missing.push(target);
      continue;
    }
    const bytes = readFileSync(file);
    const weight = { raw: bytes.length, gzip: gz(bytes) };
    transfer = add(transfer, weight);
    if (type === 'css') {
      css = add(css, weight);
      for (const [, ref] of bytes.toString('utf8').matchAll(CSS_URL)) refer(ref ?? '', target, 'other');
    } else if (type === 'js') {
      js = add(js, weight);
      const text = bytes.toString('utf8');
      for (const [, ref] of text.matchAll(STATIC_IMPORT)) refer(ref ?? '', target, 'js');
      for (const [, ref] of text.matchAll(DYNAMIC_IMPORT)) {
        const t = sameSite(ref ?? '', target);
        if (t) lazy.add(t);
      }
    }
  }
  for (const target of lazy) {
    const file = resources.has(target) ? undefined : resolveFile(root, target);
    if (file) {
      const bytes = readFileSync(file);
      lazyJs = add(lazyJs, { raw: bytes.length, gzip: gz(bytes) });
    }
  }
  return { url, html: size(htmlText), css, js, transfer, requests: 1 + resources.size, lazyJs, missing };
}

/** URL path of each HTML file in a built site (index.html files as their folder). */
export function sitePages(dist: string): string[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => `/${f.split(path.sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'));
}

/** The biggest page (most gzipped transfer) of each kind, with how many pages the kind has. */
export function weighSite(dist: string): KindWeight[] {
  const byKind = new Map<string, KindWeight>();
  for (const url of sitePages(dist)) {
    const kind = pageKind(url);
    const weight = measurePage(dist, url);
    const current = byKind.get(kind);
    const pages = (current?.pages ?? 0) + 1;
    if (!current || weight.transfer.gzip > current.transfer.gzip) byKind.set(kind, { kind, pages, ...weight });
    else current.pages = pages;
  }
  const order = (k: string) => {
    const i = PAGE_KINDS.findIndex((p) => p.kind === k);
    return i === -1 ? PAGE_KINDS.length : i;
  };
  return [...byKind.values()].sort((a, b) => order(a.kind) - order(b.kind) || a.kind.localeCompare(b.kind));
}
