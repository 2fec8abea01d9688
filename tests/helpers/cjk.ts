// The no-CJK rule of the English edition, for unit tests on charts and pictures (the browser tests have their own
// copy of the same range in tests/browser/english.test.ts).
import { parseHTML } from 'linkedom';

/** Chinese, Japanese and Korean characters and full-width punctuation. */
export const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Every text of an SVG a reader meets: text, titles, descriptions, and the attributes the page script shows. */
export function svgTexts(svg: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const texts = [...document.querySelectorAll('text, title, desc, tspan')].map((el) => el.textContent ?? '');
  for (const el of document.querySelectorAll('[data-tip], [data-name], [aria-label]'))
    for (const a of ['data-tip', 'data-name', 'aria-label']) if (el.getAttribute(a)) texts.push(el.getAttribute(a)!);
  return texts.filter((t) => t.trim());
}
