// Report-ready pictures: a chart drawn at build time framed with its title, unit and years, legend, source and
// the site's address, as one standalone SVG; png.ts draws it as PNG at twice its size with the bundled Noto Sans SC.
import path from 'node:path';
import { CHART_FONT, chartColors, legendSymbol, type LegendKind } from './render.ts';
import { escapeXml } from '../shared/format/markup.ts';

/** Noto Sans SC first: the font the PNG is drawn with, and a common one where the SVG is opened. */
export const PICTURE_FONT = `"Noto Sans SC",${CHART_FONT}`;
const FONT_DIR = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc');
export const PICTURE_FONT_FILES = [
  path.join(FONT_DIR, '400Regular/NotoSansSC_400Regular.ttf'),
  path.join(FONT_DIR, '700Bold/NotoSansSC_700Bold.ttf'),
];
export const PNG_SCALE = 2;

export interface PictureInput {
  /** The picture's language: English lines break between words (default Chinese: between any characters). */
  lang?: 'zh' | 'en';
  title: string;
  subtitle: string;
  /** A chart from renderPlot: an <svg> with width and height attributes. */
  chart: string;
  legend: { kind: LegendKind; text: string }[];
  /** The key to the chart's numbered event markers (as under the indicator page's chart): heading and items. */
  eventKey?: { heading: string; items: { number: number; text: string }[] };
  sourceLine: string;
  siteLine: string;
}

export interface Picture {
  svg: string;
  width: number;
  height: number;
}

const PAD = 24;
const MUTED = '#555555';

/** Width of a line of text: CJK and full-width forms take 1 em, the rest about 0.6 em (a safe upper bound). */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.6;
  return ems * fontSize;
}

/**
 * Breaks text into lines no wider than `width`; closing punctuation never starts a line. Chinese breaks between any
 * two characters; with `betweenWords` (English) a line breaks at its last space instead of inside a word.
 */
export function wrapText(text: string, width: number, fontSize: number, betweenWords = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, fontSize) > width && !/[，。；、：）》」’”,.;:)]/.test(ch)) {
      const space = betweenWords && ch !== ' ' ? line.lastIndexOf(' ') : -1;
      if (space > 0) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(betweenWords ? line.trimEnd() : line);
        line = '';
      }
      if (betweenWords && ch === ' ' && line === '') continue;
    }
    line += ch;
  }
  return line ? [...lines, line] : lines;
}

/** The chart with its words around it, as one SVG document. */
export function composePicture(input: PictureInput): Picture {
  const chartWidth = Number(input.chart.match(/^<svg[^>]*\swidth="([\d.]+)"/)?.[1]);
  const chartHeight = Number(input.chart.match(/^<svg[^>]*\sheight="([\d.]+)"/)?.[1]);
  if (!chartWidth || !chartHeight) throw new Error('composePicture: the chart needs width and height attributes');
  const width = chartWidth + 2 * PAD;
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  const block = (text: string, size: number, attrs: string) => {
    for (const line of wrapText(text, inner, size, input.lang === 'en')) {
      parts.push(`<text x="${PAD}" y="${y + Math.round(size * 0.88)}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`);
      y += Math.round(size * 1.45);
    }
  };
  block(input.title, 20, `font-weight="700" fill="${chartColors.text}"`);
  block(input.subtitle, 13, `fill="${MUTED}"`);
  y += 8;
  // The chart keeps its own stack but with Noto Sans SC first, so resvg (which knows only that font) finds it.
  const chart = input.chart.replace(escapeXml(CHART_FONT), escapeXml(PICTURE_FONT)).replace(/^<svg/, `<svg x="${PAD}" y="${y}"`);
  parts.push(chart);
  y += chartHeight + 10;
  // Legend items flow left to right and wrap like words.
  let x = PAD;
  for (const { kind, text } of input.legend) {
    const itemWidth = 26 + textWidth(text, 12);
    if (x > PAD && x + itemWidth > width - PAD) [x, y] = [PAD, y + 20];
    parts.push(
      legendSymbol(kind, `transform="translate(${x},${y + 2})"`),
      `<text x="${x + 26}" y="${y + 12}" font-size="12" fill="${MUTED}">${escapeXml(text)}</text>`,
    );
    x += itemWidth + 18;
  }
  if (input.legend.length) y += 28;
  if (input.eventKey?.items.length) {
    block(input.eventKey.heading, 12, `fill="${MUTED}"`);
    for (const item of input.eventKey.items) block(`${item.number}. ${item.text}`, 12, `fill="${MUTED}"`);
    y += 6;
  }
  block(input.sourceLine, 12, `fill="${MUTED}"`);
  block(input.siteLine, 12, `fill="${chartColors.text}"`);
  const height = Math.ceil(y + PAD - 6);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="picture-title" font-family="${escapeXml(PICTURE_FONT)}">` +
    `<title id="picture-title">${escapeXml(input.title)}</title>` +
    `<rect width="${width}" height="${height}" fill="white"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}
