// Observable Plot -> SVG markup on the server (linkedom), made accessible and deterministic:
// a <title> and <desc> the svg is labelled by, role="group" on Plot's labelled <g> (axe), rounded coordinates
// and renumbered ids so the same data always gives the same bytes (snapshots, stable builds).
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { escapeXml } from '../shared/format/markup.ts';
import { CHART_FONT, chartColors } from '../shared/charts/colors.ts';
import { EVENT_COLOR, TARGET_COLOR } from '../shared/charts/line-marks.ts';

export interface ChartText {
  /** Short title, e.g. 人口出生率（全国）. */
  title: string;
  /** What the chart shows, in words, for readers who cannot see it. */
  description: string;
}

/** Class on every mark whose elements carry a <title> tooltip; the browser script looks for it. */
export const TIP_CLASS = 'tip-points';

/**
 * The symbols a chart's legend explains: firm and tentative points, a series break, the national mark (a
 * dashed rule), a tentative bar; on region pages the province's line and the national one, the province's
 * dot among the others'.
 */
export type LegendKind =
  'firm' | 'tentative' | 'break' | 'national' | 'bar-tentative' | 'region-line' | 'national-line' | 'region-dot' | 'other-dot' | 'target' | 'event';

export { CHART_FONT, chartColors };

/** A legend symbol's shape in a 22×12 box; `attributes` (e.g. a transform) go on the shape. */
export function legendSymbol(kind: LegendKind, attributes = ''): string {
  const c = chartColors;
  const a = attributes ? ` ${attributes}` : '';
  switch (kind) {
    case 'firm':
      return `<circle${a} cx="11" cy="6" r="4" fill="${c.line}"/>`;
    case 'tentative':
      return `<circle${a} cx="11" cy="6" r="4" fill="white" stroke="${c.line}" stroke-width="1.5"/>`;
    case 'break':
      return `<line${a} x1="11" x2="11" y1="0" y2="12" stroke="${c.break}" stroke-dasharray="3,2" stroke-width="1.5"/>`;
    case 'national':
      return `<line${a} x1="11" x2="11" y1="0" y2="12" stroke="${c.national}" stroke-dasharray="4,2" stroke-width="2"/>`;
    case 'bar-tentative':
      return `<rect${a} x="2" y="2" width="18" height="8" fill="${c.tentativeBar}" stroke="${c.line}" stroke-width="0.75"/>`;
    case 'region-line':
      return `<line${a} x1="1" x2="21" y1="6" y2="6" stroke="${c.line}" stroke-width="2.5"/>`;
    case 'national-line':
      return `<line${a} x1="1" x2="21" y1="6" y2="6" stroke="${c.national}" stroke-width="1.5" stroke-dasharray="5,3"/>`;
    case 'region-dot':
      return `<circle${a} cx="11" cy="6" r="5" fill="${c.line}"/>`;
    case 'other-dot':
      return `<circle${a} cx="11" cy="6" r="4" fill="#9aa0a6"/>`;
    case 'target':
      return `<g${a}><line x1="0" x2="13" y1="9" y2="4" stroke="${TARGET_COLOR}" stroke-width="1.5" stroke-dasharray="3,2"/><path d="M16,1l5,5l-5,5l-5,-5z" fill="${TARGET_COLOR}"/></g>`;
    case 'event':
      return `<g${a}><circle cx="11" cy="6" r="5.5" fill="white" stroke="${EVENT_COLOR}"/><text x="11" y="6" dy="0.34em" text-anchor="middle" font-size="8" fill="${EVENT_COLOR}">1</text></g>`;
  }
}

/** Rounds every decimal number with more than 2 decimals in attribute values and path data to 2 decimals. */
export function roundCoordinates(svg: string): string {
  return svg.replace(/(\s[a-z][a-z0-9:-]*=")([^"]*)"/gi, (_all, head: string, value: string) => {
    if (!/\d\.\d{3,}/.test(value)) return `${head}${value}"`;
    return `${head}${value.replace(/-?\d+\.\d{3,}(e-?\d+)?/g, (n) => String(Number(Number(n).toFixed(2))))}"`;
  });
}

/** Plot numbers clip paths with a global counter (plot-clip-7): give them ids scoped to this chart. */
export function renumberIds(svg: string, idPrefix: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/plot-clip-\d+/g, (id) => {
    if (!seen.has(id)) seen.set(id, `${idPrefix}-clip-${seen.size + 1}`);
    return seen.get(id)!;
  });
}

/**
 * Renders Plot options to SVG markup. `idPrefix` must be unique on the page (title/desc ids derive from it).
 */
export function renderPlot(options: Plot.PlotOptions, text: ChartText, idPrefix: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    ...options,
    style: { fontFamily: CHART_FONT, fontSize: '12px', color: chartColors.text, ...(typeof options.style === 'object' ? options.style : {}) },
    document: document as unknown as Document,
  }) as unknown as Element;
  if (svg.tagName.toLowerCase() !== 'svg') throw new Error('renderPlot: expected Plot to return a bare <svg> (no legends or figure wrapper).');

  for (const g of svg.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');

  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', titleId);
  svg.setAttribute('aria-describedby', descId);
  svg.removeAttribute('aria-label');
  svg.removeAttribute('aria-description');
  const markup = svg.outerHTML.replace(
    /^<svg([^>]*)>/,
    `<svg$1${svg.hasAttribute('xmlns') ? '' : ' xmlns="http://www.w3.org/2000/svg"'}><title id="${titleId}">${escapeXml(text.title)}</title><desc id="${descId}">${escapeXml(text.description)}</desc>`,
  );
  return roundCoordinates(renumberIds(markup, idPrefix));
}
