// Share cards (og:image): exactly 1200×630, every line inside the margins by the layout's own measure, and the
// rendered PNG (resvg, bundled font) has nothing drawn in the margins, so no site's crop cuts off a word.
import { describe, expect, it } from 'vitest';
import { renderPng } from '../../src/charts/png.ts';
import { composeShareCard, SHARE_CARD, SHARE_CARD_MARGIN, shareCardTextBoxes } from '../../src/charts/share-card.ts';
import { SITE_CARD, shareCards, shareCardSvg } from '../../src/embed/share.ts';
import { readCatalog } from '../../src/site-data/read.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';
import { CJK } from '../helpers/cjk.ts';
import { sitePaths } from '../../src/site.ts';

const ORIGIN = 'https://example.org';
const { width: W, height: H } = SHARE_CARD;
const M = SHARE_CARD_MARGIN;
/** The accent bar at the left edge is the one thing drawn in a margin, on purpose. */
const ACCENT_BAR = 12;

const render = (svg: string) => renderPng(svg, 1);

/** Pixels in the margins that are not white (outside the accent bar). */
function inkInMargins({ width, height, pixels }: Awaited<ReturnType<typeof render>>): number {
  let ink = 0;
  for (let y = 0; y < height; y++)
    for (let x = ACCENT_BAR; x < width; x++) {
      if (x >= M && x < width - M && y >= M && y < height - M) continue;
      const i = (y * width + x) * 4;
      if (pixels[i]! < 250 || pixels[i + 1]! < 250 || pixels[i + 2]! < 250) ink++;
    }
  return ink;
}

/** Every text box of a card lies inside its margins. */
function expectInsideMargins(boxes: ReturnType<typeof shareCardTextBoxes>): void {
  for (const b of boxes) {
    expect(b.x, b.text).toBeGreaterThanOrEqual(M);
    expect(b.right, b.text).toBeLessThanOrEqual(W - M);
    expect(b.top, b.text).toBeGreaterThanOrEqual(M);
    expect(b.bottom, b.text).toBeLessThanOrEqual(H - M);
  }
}

describe('share cards', () => {
  it('one per indicator and one for the site', () => {
    expect(shareCards()).toEqual([...readCatalog().map((e) => e.indicator.id), SITE_CARD]);
  });

  it.each(shareCards())('%s: every text line lies inside the margins', (card) => {
    const svg = shareCardSvg(card, ORIGIN);
    expect(svg).toMatch(new RegExp(`^<svg[^>]* width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"`));
    const boxes = shareCardTextBoxes(svg);
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    expectInsideMargins(boxes);
    // Lines never overlap one another.
    const sorted = [...boxes].sort((a, b) => a.top - b.top);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.top, sorted[i]!.text).toBeGreaterThanOrEqual(sorted[i - 1]!.bottom - 1);
  });

  it('birth-rate: title, latest value with year and status, source, address; snapshot', () => {
    const svg = shareCardSvg('birth-rate', ORIGIN);
    const text = shareCardTextBoxes(svg).map((b) => b.text);
    const entry = readCatalog().find((e) => e.indicator.id === 'birth-rate')!;
    expect(text).toContain('人口出生率');
    expect(text.some((t) => t.startsWith(`${entry.latest!.year}年 · `))).toBe(true);
    expect(text.some((t) => t.startsWith('来源：国家统计局'))).toBe(true);
    expect(text).toContain('https://example.org/indicators/birth-rate/');
    matchSnapshotFile(svg.replace(/></g, '>\n<') + '\n', 'share-card-birth-rate.svg');
  });

  it('without an address the footer is the site name, never a bare path', () => {
    const text = shareCardTextBoxes(shareCardSvg('birth-rate', undefined)).map((b) => b.text);
    expect(text.at(-1)).toBe('医改数据');
    expect(text.join('')).not.toContain('/indicators/');
  });

  // The longest title, the longest headline and the site: the renderer itself draws nothing in the margins.
  const catalog = readCatalog();
  const longestTitle = [...catalog].sort((a, b) => b.indicator.name_zh.length - a.indicator.name_zh.length)[0]!.indicator.id;
  it.each(['birth-rate', longestTitle, SITE_CARD])('%s renders to a 1200×630 PNG with empty margins', async (card) => {
    const image = await render(shareCardSvg(card, ORIGIN));
    expect([image.width, image.height]).toEqual([W, H]);
    expect([...image.png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(inkInMargins(image)).toBe(0);
  });

  it('the measure is a real bound: an overlong line is shrunk, then cut, never drawn past the margin', async () => {
    const svg = composeShareCard({
      site: '医改数据',
      title: '很长的指标名称'.repeat(12),
      headline: '1234567890'.repeat(5),
      detail: '2024年 · 单一来源',
      sourceLine: '来源：'.repeat(80),
      footer: 'https://example.org/indicators/a-very-long-address-that-goes-on/',
    });
    const boxes = shareCardTextBoxes(svg);
    for (const b of boxes) expect(b.right, b.text).toBeLessThanOrEqual(W - M);
    expect(boxes.filter((b) => b.text.endsWith('…')).length).toBeGreaterThanOrEqual(2);
    expect(inkInMargins(await render(svg))).toBe(0);
  });
});

describe('English share cards', () => {
  it.each(shareCards())('%s: every line inside the margins, and no CJK but Chinese titles beside ours', (card) => {
    const svg = shareCardSvg(card, ORIGIN, 'en');
    const boxes = shareCardTextBoxes(svg);
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    expectInsideMargins(boxes);
    // Only the source line (last but one block) may carry a Chinese title, after "our translation of".
    const lines = boxes.map((b) => b.text);
    const source = lines.slice(0, -1).filter((t) => CJK.test(t));
    for (const t of source) expect(lines.join(' ')).toMatch(/our translation of/);
    expect(lines.slice(0, 4).filter((t) => CJK.test(t))).toEqual([]);
  });

  it('birth-rate: English name, value and status, English address', () => {
    const text = shareCardTextBoxes(shareCardSvg('birth-rate', ORIGIN, 'en')).map((b) => b.text);
    const entry = readCatalog().find((e) => e.indicator.id === 'birth-rate')!;
    expect(text).toContain(entry.indicator.name_en);
    expect(text.some((t) => t.startsWith(`${entry.latest!.year} · `))).toBe(true);
    expect(text.some((t) => t.startsWith('Source: National Bureau of Statistics of China'))).toBe(true);
    expect(text.at(-1)).toBe(`https://example.org${sitePaths.indicator('birth-rate', 'en')}`);
  });

  it.each(['birth-rate', SITE_CARD])('%s renders with empty margins', async (card) => {
    const image = await render(shareCardSvg(card, ORIGIN, 'en'));
    expect([image.width, image.height]).toEqual([W, H]);
    expect(inkInMargins(image)).toBe(0);
  });
});
