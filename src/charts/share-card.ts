// Share cards: the 1200×630 picture sharing sites show for a page (og:image, twitter:image, oEmbed thumbnail).
// Drawn at build time like the report pictures (src/charts/picture.ts: bundled Noto Sans SC, resvg), but laid
// out for the card's fixed frame: sites crop other shapes to about 1.91:1 and cut off a picture's title or
// source, so the card is that shape and every line is measured (an upper bound) to stay inside its margins.
import { PICTURE_FONT, textWidth, wrapText } from './picture.ts';
import { chartColors } from './render.ts';
import { escapeXml } from '../shared/format/markup.ts';

export const SHARE_CARD = { width: 1200, height: 630 } as const;
/** Empty margin on every side: nothing is drawn there (the card test checks the rendered pixels). */
export const SHARE_CARD_MARGIN = 56;
const INNER = SHARE_CARD.width - 2 * SHARE_CARD_MARGIN;
const MUTED = '#555555';
const ACCENT = '#1f5f8b';

export interface ShareCardInput {
  /** The site's name, top left. */
  site: string;
  title: string;
  /** The big line: a latest value ("10.63‰", "95%以上"), or the site's tagline. */
  headline: string;
  /** Beside or under the headline: its year and verification status. */
  detail: string;
  /** Who published the figures. */
  sourceLine: string;
  /** The page's address, or the site's name when no address is configured. */
  footer: string;
  /** English lines break between words (default Chinese). */
  lang?: 'zh' | 'en';
}

interface Line {
  text: string;
  size: number;
  attrs: string;
}

/** textWidth, with … as a full em: Noto Sans SC draws it that wide (textWidth's 0.6 em let it reach the margin). */
function measure(text: string, size: number): number {
  return textWidth(text.replace(/…/g, '一'), size);
}

/** Cuts a line with … until it is no wider than the card's inner width. */
function cut(text: string, size: number): string {
  let chars = [...text];
  while (chars.length && measure(`${chars.join('')}…`, size) > INNER) chars = chars.slice(0, -1);
  return `${chars.join('')}…`;
}

/**
 * The largest size from `sizes` at which text wraps into at most `maxLines`, each within the inner width (wrapText
 * lets closing punctuation hang past it); at the smallest size, what does not fit is cut with ….
 */
function fit(text: string, sizes: number[], maxLines: number, attrs: string, betweenWords = false): Line[] {
  const fits = (lines: string[], size: number) => lines.length <= maxLines && lines.every((l) => measure(l, size) <= INNER);
  for (const size of sizes) {
    const lines = wrapText(text, INNER, size, betweenWords);
    if (fits(lines, size)) return lines.map((t) => ({ text: t, size, attrs }));
  }
  const size = sizes[sizes.length - 1]!;
  const all = wrapText(text, INNER, size, betweenWords);
  const lines = all.slice(0, maxLines).map((l, i) => (measure(l, size) > INNER || (i === maxLines - 1 && all.length > maxLines) ? cut(l, size) : l));
  return lines.map((t) => ({ text: t, size, attrs }));
}

/** The card as one SVG document of exactly SHARE_CARD's size. Throws if its lines cannot fit (a layout bug). */
export function composeShareCard(input: ShareCardInput): string {
  const { width, height } = SHARE_CARD;
  const m = SHARE_CARD_MARGIN;
  const bold = `font-weight="700" fill="${chartColors.text}"`;
  const words = input.lang === 'en';
  const top: Line[][] = [
    fit(input.site, [28], 1, `font-weight="700" fill="${ACCENT}"`, words),
    fit(input.title, [60, 52, 44], 2, bold, words),
    fit(input.headline, [96, 80, 64, 52], 1, bold, words),
    fit(input.detail, [30], 1, `fill="${MUTED}"`, words),
  ];
  const bottom: Line[][] = [fit(input.sourceLine, [24, 22], 2, `fill="${MUTED}"`, words), fit(input.footer, [24], 1, `fill="${chartColors.text}"`)];
  const parts: string[] = [];
  const draw = (line: Line, baseline: number) =>
    parts.push(`<text x="${m}" y="${baseline}" font-size="${line.size}" ${line.attrs}>${escapeXml(line.text)}</text>`);
  // Top blocks flow down from the top margin; a gap after the site name and after the title.
  let y = m;
  top.forEach((block, i) => {
    if (i === 2 || i === 1) y += 20;
    for (const line of block) {
      draw(line, y + Math.round(line.size * 0.88));
      y += Math.round(line.size * 1.3);
    }
  });
  const topEnd = y;
  // Bottom blocks stack up from the bottom margin, so the source and address always sit in the same place.
  const bottomLines = bottom.flat();
  let by = height - m;
  const placed: [Line, number][] = [];
  for (const line of [...bottomLines].reverse()) {
    placed.push([line, by - Math.ceil(line.size * 0.22)]);
    by -= Math.round(line.size * 1.4);
  }
  if (by < topEnd + 12) throw new Error(`share card for ${input.title}: the text does not fit (${topEnd} > ${by})`);
  for (const [line, baseline] of placed.reverse()) draw(line, baseline);
  const rule = `<rect x="${m}" y="${by}" width="${INNER}" height="2" fill="#dddddd"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="card-title" font-family="${escapeXml(PICTURE_FONT)}">` +
    `<title id="card-title">${escapeXml(input.title)}</title>` +
    `<rect width="${width}" height="${height}" fill="white"/><rect width="12" height="${height}" fill="${ACCENT}"/>${rule}${parts.join('')}</svg>`
  );
}

/** Every line's box, by the same upper-bound measure the layout uses: for tests and for the size check. */
export function shareCardTextBoxes(svg: string): { text: string; x: number; right: number; top: number; bottom: number }[] {
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map(([, x, y, size, text]) => {
    const s = Number(size);
    const plain = text!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    return { text: plain, x: Number(x), right: Number(x) + measure(plain, s), top: Number(y) - s * 0.88, bottom: Number(y) + s * 0.22 };
  });
}
