// The one line-chart renderer: plain SVG markup from plain data, no Plot and no d3, so the build (indicator page,
// region pages, embeds, report pictures) and the browser (the comparison redraw, the embed's custom view) draw
// every line the same way, by the one gap rule (lineRuns). Text, axes and grid use currentColor and the lines
// their palette colour as attributes, so a page's CSS repaints them for the dark theme (attribute selectors
// beat presentation attributes) while a saved SVG or a picture stays light on its own.
import { formatTick, niceTicks, yearTicks } from '../format/tick.ts';
import { escapeXml } from '../format/markup.ts';
import { lineRuns } from './line-runs.ts';
import { CHART_FONT, chartColors } from './colors.ts';

export interface LinePoint {
  year: number;
  value: number;
  /** Drawn hollow: a preliminary or single-source value, or a bound ('95%以上'). */
  tentative: boolean;
  /** The point's tooltip in words. */
  tip: string;
}

export interface LineSeries {
  /** Region code or another key, unique on the chart. */
  key: string;
  color: string;
  /**
   * main: the chart's own series (thick line, full dots); reference: the national line beside a province on a
   * region page (thin, dashed, small dots), drawn under the main series.
   */
  role: 'main' | 'reference';
  points: LinePoint[];
}

/** A plan's target, drawn at its target year with the path from its baseline. */
export interface LineTarget {
  year: number;
  value: number;
  baseline?: { year: number; value: number };
  /** Short label at the mark: '≥80 十四五'. */
  label: string;
  /** The value alone ('≥80'), the label of a narrow chart. */
  valueLabel: string;
  /** Second line of the label: the status in words. */
  status: string;
  /** Status id, as a class, so the page can tell met from not met. */
  statusId: string;
  tip: string;
}

/** A reform event of the indicator's area: a numbered marker on the x-axis; the key below the chart names it. */
export interface LineEvent {
  year: number;
  /** The marker's number (the key's numbering). */
  number: number;
  tip: string;
}

export interface LineChartInput {
  title: string;
  description: string;
  /** Unique on the page (title and desc ids derive from it). */
  idPrefix: string;
  width: number;
  height: number;
  /** Axis label, e.g. 单位：‰. */
  yLabel: string;
  series: LineSeries[];
  /** Years a series break falls in: no line crosses them; a dashed rule marks them. */
  breaks: number[];
  breakLabel: string;
  /** The years shown; default: the span of the values (and targets). */
  from?: number;
  to?: number;
  /** Change mode: draw the zero line and keep 0 on the axis. */
  zeroLine?: boolean;
  /**
   * Tooltips: 'points' gives each point a <title> (read without script, moved to data-tip by the tooltip
   * script); a map of year -> text instead draws one invisible column per year naming every series' value.
   */
  yearTips?: Map<number, string>;
  targets?: LineTarget[];
  events?: LineEvent[];
}

/** Height of a line chart at a width, for embeds and pictures: half the width, never under 240 px. */
export const lineHeight = (width: number) => Math.max(240, Math.round(width / 2));

/** Colours of the marks beyond the series' own. */
export const TARGET_COLOR = '#7a4a00';
export const EVENT_COLOR = chartColors.break;

/** Left margin wide enough for the longest tick label (CJK-free digits at 12px). */
export function marginForTicks(labels: string[], minimum = 36): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.max(minimum, Math.ceil(10 + longest * 7.2));
}

const r2 = (n: number) => String(Math.round(n * 100) / 100);

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
const box = (x: number, y: number, w: number, h: number): Box => ({
  x1: Math.round(x),
  y1: Math.round(y),
  x2: Math.round(x + w),
  y2: Math.round(y + h),
});
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Width of a label: CJK characters 1 em, the rest about 0.55 em. */
function labelWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.55;
  return ems * size;
}

/** The first place beside a mark where a label of w × h fits inside the frame and clear of `taken`. */
function placeLabel(
  mx: number,
  my: number,
  w: number,
  h: number,
  taken: Box[],
  frame: { left: number; right: number; top: number; bottom: number },
): Box {
  const inside = (b: Box) => b.x1 >= frame.left && b.x2 <= frame.right && b.y1 >= frame.top && b.y2 <= frame.bottom;
  const candidates: Box[] = [];
  for (const dy of [0, -14, 14, -28, 28, -42, 42, -56, 56, -70, 70, -84, 84]) {
    const y0 = my - h / 2 + dy;
    candidates.push(box(mx - 9 - w, y0, w, h), box(mx + 9, y0, w, h));
  }
  return candidates.find((c) => inside(c) && !taken.some((t) => overlaps(c, t))) ?? candidates.find(inside) ?? candidates[0]!;
}

/** The distinct years a list of labels sits at, pushed apart so that no two are closer than `gap`. */
function spread(positions: number[], gap: number, lo: number): number[] {
  const order = positions.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = [...positions];
  let last = -Infinity;
  for (const [p, i] of order) {
    const placed = Math.max(p, last + gap, lo);
    out[i] = placed;
    last = placed;
  }
  return out;
}

export function lineChart(input: LineChartInput): string {
  const { width, height, series, breaks } = input;
  const targets = input.targets ?? [];
  const events = input.events ?? [];
  const narrow = width < 480;
  const shownSeries = series.map((s) => ({
    ...s,
    points: s.points.filter((p) => (input.from === undefined || p.year >= input.from) && (input.to === undefined || p.year <= input.to)),
  }));
  const dataYears = shownSeries.flatMap((s) => s.points.map((p) => p.year));
  const targetYears = targets.flatMap((t) => [t.year, ...(t.baseline ? [t.baseline.year] : [])]);
  const allYears = [...dataYears, ...targetYears];
  const from = input.from ?? (allYears.length ? Math.min(...allYears) : 0);
  const to = input.to ?? (allYears.length ? Math.max(...allYears) : 1);
  const values = [
    ...shownSeries.flatMap((s) => s.points.map((p) => p.value)),
    ...targets.flatMap((t) => [t.value, ...(t.baseline ? [t.baseline.value] : [])]),
    ...(input.zeroLine ? [0] : []),
  ];
  const ticks = values.length ? niceTicks(Math.min(...values), Math.max(...values), 5) : [0, 1];
  const [lo, hi] = [ticks[0]!, ticks.at(-1)!];
  const labels = ticks.map(formatTick);
  const top = 28;
  const bottom = 30;
  const right = narrow ? 14 : 24;
  const left = marginForTicks(labels);
  const inset = narrow ? 8 : 12;
  const x = (year: number) =>
    to === from ? (left + width - right) / 2 : left + inset + ((year - from) / (to - from)) * (width - right - left - 2 * inset);
  const y = (value: number) => height - bottom - ((value - lo) / (hi - lo || 1)) * (height - bottom - top);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="line-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"` +
      ` aria-labelledby="${input.idPrefix}-title" aria-describedby="${input.idPrefix}-desc" font-family="${escapeXml(CHART_FONT)}" font-size="12" fill="currentColor">`,
    `<title id="${input.idPrefix}-title">${escapeXml(input.title)}</title><desc id="${input.idPrefix}-desc">${escapeXml(input.description)}</desc>`,
  );
  // Axes: grid and tick labels in the text colour, so they follow the page's theme.
  out.push(`<g class="lc-axis" aria-hidden="true">`);
  out.push(
    `<g stroke="currentColor" stroke-opacity="0.1">${ticks.map((t) => `<line x1="${left}" x2="${width - right}" y1="${r2(y(t))}" y2="${r2(y(t))}"/>`).join('')}</g>`,
  );
  out.push(
    `<g text-anchor="end" font-variant="tabular-nums">${ticks.map((t, i) => `<text x="${left - 6}" y="${r2(y(t))}" dy="0.32em">${labels[i]}</text>`).join('')}</g>`,
  );
  out.push(`<text x="0" y="${top - 17}">${escapeXml(input.yLabel)}</text>`);
  const xTicks = yearTicks(from, to, narrow ? 5 : 9);
  out.push(`<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="currentColor" stroke-opacity="0.4"/>`);
  out.push(
    `<g stroke="currentColor">${xTicks.map((t) => `<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${height - bottom}" y2="${height - bottom + 6}"/>`).join('')}</g>`,
  );
  out.push(
    `<g text-anchor="middle" font-variant="tabular-nums">${xTicks.map((t) => `<text x="${r2(x(t))}" y="${height - bottom + 9}" dy="0.71em">${t}</text>`).join('')}</g>`,
  );
  out.push('</g>');
  for (const b of breaks.filter((year) => year > from && year <= to)) {
    const bx = r2(x(b - 0.5));
    out.push(
      `<g class="lc-break" aria-hidden="true"><line x1="${bx}" x2="${bx}" y1="${top}" y2="${height - bottom}" stroke="${chartColors.break}" stroke-dasharray="5,4"/>` +
        `<text x="${bx}" y="${top}" dx="4" dy="-2" fill="${chartColors.break}">${escapeXml(input.breakLabel)}</text></g>`,
    );
  }
  if (input.zeroLine)
    out.push(`<line x1="${left}" x2="${width - right}" y1="${r2(y(0))}" y2="${r2(y(0))}" stroke="currentColor" aria-hidden="true"/>`);
  const inYears = (year: number) => year >= from && year <= to;
  // Events: a thin rule and a numbered disc on the x-axis; the key under the chart names them.
  const shownEvents = events.filter((e) => inYears(e.year));
  if (shownEvents.length) {
    out.push(`<g class="lc-events" data-layer="events">`);
    const discs = spread(
      shownEvents.map((e) => x(e.year)),
      15,
      0,
    );
    shownEvents.forEach((e, i) => {
      const ex = r2(x(e.year));
      const dx = r2(discs[i]!);
      const cy = height - bottom - 9;
      out.push(
        `<g class="lc-event"><title>${escapeXml(e.tip)}</title><line x1="${ex}" x2="${ex}" y1="${top}" y2="${height - bottom}" stroke="${EVENT_COLOR}" stroke-opacity="0.45" stroke-dasharray="1,3"/>` +
          `<circle cx="${dx}" cy="${cy}" r="7" fill="white" stroke="${EVENT_COLOR}"/><text x="${dx}" y="${cy}" dy="0.34em" text-anchor="middle" font-size="10" fill="${EVENT_COLOR}">${e.number}</text></g>`,
      );
    });
    out.push('</g>');
  }
  // Targets: the path from the baseline (dashed), a diamond at the target, its value, plan and status beside it.
  const shownTargets = targets.filter((t) => inYears(t.year));
  if (shownTargets.length) {
    out.push(`<g class="lc-targets" data-layer="targets">`);
    // On a narrow chart only the value is written (the targets view lists plans and statuses). Each label takes
    // the first free place around its mark (left, right, then further up or down), clear of the other labels,
    // marks and data points, so crowded target years stay legible.
    const taken: Box[] = [
      ...shownSeries.flatMap((s) => s.points.map((p) => box(x(p.year) - 4, y(p.value) - 4, 8, 8))),
      ...shownTargets.map((t) => box(x(t.year) - 6, y(t.value) - 6, 12, 12)),
    ];
    shownTargets.forEach((t) => {
      const [tx, ty] = [x(t.year), y(t.value)];
      const path =
        t.baseline && inYears(t.baseline.year)
          ? `<path d="M${r2(x(t.baseline.year))},${r2(y(t.baseline.value))}L${r2(tx)},${r2(ty)}" fill="none" stroke="${TARGET_COLOR}" stroke-width="1.5" stroke-dasharray="6,4"/>`
          : '';
      const lines = narrow ? [t.valueLabel] : [t.label, t.status];
      const w = Math.max(...lines.map((l, i) => labelWidth(l, i ? 11 : 12)));
      const h = lines.length * 13;
      const place = placeLabel(tx, ty, w, h, taken, { left: left, right: width - right, top: top - 10, bottom: height - bottom - 18 });
      taken.push(place);
      const anchorX = place.x1 === Math.round(tx) + 9 ? place.x1 : place.x2;
      const anchor = anchorX === place.x1 ? 'start' : 'end';
      const text = lines
        .map(
          (l, i) =>
            `<text x="${r2(anchorX)}" y="${r2(place.y1 + 10 + i * 13)}" text-anchor="${anchor}" fill="${TARGET_COLOR}"${i ? ' font-size="11"' : ' font-weight="700"'}>${escapeXml(l)}</text>`,
        )
        .join('');
      out.push(
        `<g class="lc-target target-${escapeXml(t.statusId)}"><title>${escapeXml(t.tip)}</title>${path}` +
          `<path d="M${r2(tx)},${r2(ty - 6)}l6,6l-6,6l-6,-6z" fill="${TARGET_COLOR}"/>${text}</g>`,
      );
    });
    out.push('</g>');
  }
  // Series: reference lines first, the main series last so they stay on top (the first main series, the
  // nation on the indicator page, is drawn last of all).
  const order = [...shownSeries].sort((a, b) => (a.role === b.role ? 0 : a.role === 'reference' ? -1 : 1));
  const mains = order.filter((s) => s.role === 'main');
  const layered = [...order.filter((s) => s.role === 'reference'), ...mains.slice(1).reverse(), ...mains.slice(0, 1)];
  const withTitles = !input.yearTips;
  for (const s of layered) {
    const main = s.role === 'main';
    // The one gap rule: a line joins two observations only in consecutive years with no break between them.
    const runs: LinePoint[][] = [];
    lineRuns(
      s.points.map((p) => p.year),
      breaks,
    ).forEach((run, i) => (runs[run] ??= []).push(s.points[i]!));
    const d = runs
      .filter((run) => run.length > 1)
      .map((run) => run.map((p, i) => `${i ? 'L' : 'M'}${r2(x(p.year))},${r2(y(p.value))}`).join(''))
      .join('');
    const dash = main ? '' : ' stroke-dasharray="5,3"';
    out.push(
      `<g class="lc-series" data-series="${escapeXml(s.key)}"><path d="${d}" fill="none" stroke="${s.color}" stroke-width="${main ? 2 : 1.5}"${dash} stroke-linejoin="round" stroke-linecap="round"/>`,
    );
    const r = main ? (narrow ? 3 : 3.5) : 2;
    const dot = (p: LinePoint) =>
      `<circle cx="${r2(x(p.year))}" cy="${r2(y(p.value))}" r="${r}">${withTitles ? `<title>${escapeXml(p.tip)}</title>` : ''}</circle>`;
    const tipClass = withTitles ? ' class="tip-points"' : '';
    const firm = s.points.filter((p) => !p.tentative || !main);
    const hollow = main ? s.points.filter((p) => p.tentative) : [];
    if (firm.length) out.push(`<g${tipClass} fill="${s.color}">${firm.map(dot).join('')}</g>`);
    if (hollow.length) out.push(`<g${tipClass} fill="white" stroke="${s.color}" stroke-width="1.5">${hollow.map(dot).join('')}</g>`);
    out.push('</g>');
  }
  if (input.yearTips) {
    // One invisible column per year carries the tooltip of every series (the tooltip script steps through them).
    const step = to === from ? width - left - right : x(from + 1) - x(from);
    const columns = [...input.yearTips].filter(([year]) => inYears(year)).sort(([a], [b]) => a - b);
    out.push(
      `<g class="tip-points lc-hits">${columns
        .map(
          ([year, tip]) =>
            `<rect x="${r2(x(year) - step / 2)}" y="${top}" width="${r2(step)}" height="${height - top - bottom}" fill="transparent" data-tip="${escapeXml(tip)}"/>`,
        )
        .join('')}</g>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}
