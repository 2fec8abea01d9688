// Data text shown literally wherever it goes: HTML strings the browser re-renders (ranking, provincial table) and
// the downloads' Markdown README. Each hostile text below runs or renders as markup when left raw.
import { parseHTML } from 'linkedom';
import { markdownToHtml } from 'satteri'; // Astro's own Markdown renderer (CommonMark + GFM), a dependency of astro
import { describe, expect, it } from 'vitest';
import type { ReleaseSpec } from '../../src/catalog/schema.ts';
import { bundleReadme, markdownText } from '../../src/pipeline/downloads/readme.ts';
import { provincialTableHtml, rankingItemsHtml, type ProvincialValue } from '../../src/shared/explore/provincial-html.ts';
import { escapeXml } from '../../src/shared/format/markup.ts';
import { svgToPng } from '../../src/charts/png.ts';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(1)</script>';
const ATTR = '" onmouseover="alert(1)';

/** Elements and attributes that would run: any <img>, <script>, on… attribute or javascript: link. */
function active(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    if (['IMG', 'SCRIPT', 'IFRAME'].includes(el.tagName)) found.push(el.tagName);
    for (const a of el.attributes) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) found.push(`${el.tagName}[${a.name}]`);
  }
  return found;
}

describe('ranking and provincial table', () => {
  const v = (region: string, value: number, source = 's'): ProvincialValue => ({
    regionCode: '110000',
    region,
    year: 2024,
    value,
    decimals: 1,
    status: 'single-source',
    source,
  });

  it('a unit, region and source holding markup show as text', () => {
    const unit = `‰${IMG}`;
    const ranking = rankingItemsHtml([v(`北京${ATTR}`, 2)], { ...v('全国', 1), regionCode: '100000' }, unit, (c) => `/regions/${c}/`);
    expect(active(ranking)).toEqual([]);
    const { document } = parseHTML(`<ol>${ranking}</ol>`);
    expect([...document.querySelectorAll('.rank-value')].map((e) => e.textContent)).toEqual([`2.0${unit}`, `1.0${unit}`]);
    expect(document.querySelector('.rank-name')?.textContent).toBe(`北京${ATTR}`);

    const table = provincialTableHtml([v(SCRIPT, 2, `s${ATTR}`)], v('全国', 1), { [`s${ATTR}`]: IMG, s: SCRIPT });
    expect(active(table.body + table.foot)).toEqual([]);
    const body = parseHTML(`<table><tbody>${table.body}</tbody></table>`).document;
    expect(body.querySelector('th')?.textContent).toBe(SCRIPT);
    expect(body.querySelector('.source a')?.textContent).toBe(IMG);
  });
});

describe('the downloads README', () => {
  const release: ReleaseSpec = {
    version: '2026.12.02',
    date: '2026-12-02',
    title: `医改数据 ${IMG} # x #`,
    title_en: '[click](javascript:alert(1)) *bold* `code` $x$',
    compiler: `编者 ${SCRIPT}`,
    compiler_en: 'A | B ~~c~~ &lt;',
    licence: {
      name: 'CC-BY-4.0',
      title: '<b>CC</b>',
      path: 'https://creativecommons.org/licenses/by/4.0/',
      note: '注\n\n# 标题\n- 列表',
      note_en: 'n',
    },
    site_url: 'https://example.org/a_b/',
  };
  const entries = [{ file: { path: 'birth-rate.csv', bytes: 10, sha256: '0', rows: 2 }, title: `出生率 | ${IMG} [x](javascript:alert(1))` }];
  const html = markdownToHtml(bundleReadme(release, entries, { values: 1, earlier: 0, indicators: 1 })).html;

  it('renders no element or link from data text', () => {
    expect(active(html)).toEqual([]);
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelector('h1')?.textContent).toBe(release.title);
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a_b/',
      'https://example.org/a_b/',
      'https://creativecommons.org/licenses/by/4.0/',
    ]);
    // The README's own text has no emphasis; its inline code spans are file names and commands, none of them data.
    expect(document.querySelectorAll('strong, em, del, b')).toHaveLength(0);
    for (const code of document.querySelectorAll('p code, li code')) expect(code.textContent).not.toMatch(/bold|code|alert/);
  });

  it('keeps the text itself: the file table has its four cells, names show literally', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const row = [...document.querySelectorAll('tbody tr')][0]!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['birth-rate.csv', entries[0]!.title, '2', '10']);
    expect(document.body.textContent).toContain(`编者 ${SCRIPT}`);
    expect(document.body.textContent).toContain(release.title_en);
    expect(document.body.textContent).toContain('注 # 标题 - 列表');
  });

  it('markdownText escapes only what opens markup', () => {
    expect(markdownText('人口出生率(‰) 2026.12.02 CC-BY-4.0')).toBe('人口出生率(‰) 2026.12.02 CC-BY-4.0');
    expect(markdownText('a|b<c>&d_e*f')).toBe('a\\|b\\<c\\>\\&d\\_e\\*f');
  });
});

// hostile24: a name holding a character XML forbids (an escape, a bell, U+FFFF) made every SVG drawing it
// ill-formed, and the PNG renderer (resvg) refused it, stopping the build.
describe('SVG text', () => {
  it('escapeXml drops the characters XML 1.0 forbids, keeps TAB, line breaks and the rest', () => {
    expect(escapeXml('a\u0001b\u001b[31mc\u0007\uffff\t\n<&>"')).toBe('ab[31mc\t\n&lt;&amp;&gt;&quot;');
  });

  it('an SVG drawn from such a name renders to PNG', async () => {
    const name = `人口出生率\u0001\u001b[31m\uffff${IMG}`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="20">${escapeXml(name)}</text></svg>`;
    expect((await svgToPng(svg)).length).toBeGreaterThan(0);
  });
});
