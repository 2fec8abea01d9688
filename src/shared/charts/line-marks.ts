// The marks a line chart may carry beyond its series: plan targets (a diamond at the target year with its value,
// plan and status, a dashed path from the baseline) and reform events (a numbered disc on the x-axis; the key
// under the chart names them). A layer of its own (line-chart.ts draws it through LineLayer), so a chart that
// draws none does not load it; the indicator page, its embeds (and their browser redraw) and pictures draw it.
import { escapeXml } from '../format/markup.ts';
import { chartColors } from './colors.ts';
import type { ChartFrame, LineLayer } from './line-chart.ts';
import { placeLabels, type LabelPlace } from './label-placement.ts';

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

/** Colours of the marks (the dark theme maps them in theme.ts and global.css). */
export const TARGET_COLOR = '#7a4a00';
export const EVENT_COLOR = chartColors.break;

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

/** Width of a label: CJK characters 1 em, the rest about 0.55 em. */
function labelWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.55;
  return ems * size;
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

/** Targets and events as a layer under the series; the targets' years and values widen the axes. */
export function lineMarks(targets: LineTarget[], events: LineEvent[]): LineLayer {
  return {
    years: targets.flatMap((t) => [t.year, ...(t.baseline ? [t.baseline.year] : [])]),
    values: targets.flatMap((t) => [t.value, ...(t.baseline ? [t.baseline.value] : [])]),
    under: (frame) => drawMarks(frame, targets, events),
  };
}

function drawMarks(frame: ChartFrame, targets: LineTarget[], events: LineEvent[]): string {
  const { x, y, inYears, width, height, top, bottom, left, right, narrow } = frame;
  const out: string[] = [];
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
    // On a narrow chart only the value is written (the targets view lists plans and statuses). Placement
    // (label-placement.ts) keeps labels apart and inside the plot, above the event discs; data points and
    // marks, the series' lines and the targets' paths steer which spot a label takes. A label moved off its
    // mark's row gets a leader line.
    const obstacles: Box[] = [
      ...frame.points.map((p) => box(x(p.year) - 4, y(p.value) - 4, 8, 8)),
      ...shownTargets.map((t) => box(x(t.year) - 6, y(t.value) - 6, 12, 12)),
    ];
    const lineSets = shownTargets.map((t) => (narrow ? [t.valueLabel] : [t.label, t.status]));
    const places = placeLabels(
      shownTargets.map((t, k) => ({
        x: x(t.year),
        y: y(t.value),
        w: Math.max(...lineSets[k]!.map((l, i) => labelWidth(l, i ? 11 : 12))),
        h: lineSets[k]!.length * 13,
      })),
      { left, right: width - right, top: top - 10, bottom: height - bottom - 18 },
      obstacles,
      [
        ...frame.segments,
        ...shownTargets.flatMap((t) =>
          t.baseline && inYears(t.baseline.year) ? [{ x1: x(t.baseline.year), y1: y(t.baseline.value), x2: x(t.year), y2: y(t.value) }] : [],
        ),
      ],
    );
    shownTargets.forEach((t, k) => {
      const [tx, ty] = [x(t.year), y(t.value)];
      const path =
        t.baseline && inYears(t.baseline.year)
          ? `<path d="M${r2(x(t.baseline.year))},${r2(y(t.baseline.value))}L${r2(tx)},${r2(ty)}" fill="none" stroke="${TARGET_COLOR}" stroke-width="1.5" stroke-dasharray="6,4"/>`
          : '';
      out.push(
        `<g class="lc-target target-${escapeXml(t.statusId)}"><title>${escapeXml(t.tip)}</title>${path}` +
          `<path d="M${r2(tx)},${r2(ty - 6)}l6,6l-6,6l-6,-6z" fill="${TARGET_COLOR}"/>${targetLabel(places[k] ?? null, lineSets[k]!, tx, ty)}</g>`,
      );
    });
    out.push('</g>');
  }
  return out.join('');
}

/** A placed label: its lines, and a leader line from the mark when the label was moved off the mark's row. */
function targetLabel(place: LabelPlace | null, lines: string[], tx: number, ty: number): string {
  if (!place) return '';
  const { box: b, anchor } = place;
  const anchorX = anchor === 'start' ? b.x1 : b.x2;
  const leader = place.moved
    ? `<line class="lc-leader" x1="${r2(tx)}" y1="${r2(ty)}" x2="${r2(anchorX + (anchor === 'start' ? -2 : 2))}" y2="${r2(ty < b.y1 ? b.y1 : b.y2)}" stroke="${TARGET_COLOR}" stroke-width="0.75"/>`
    : '';
  return (
    leader +
    lines
      .map(
        (l, i) =>
          `<text x="${r2(anchorX)}" y="${r2(b.y1 + 10 + i * 13)}" text-anchor="${anchor}" fill="${TARGET_COLOR}"${i ? ' font-size="11"' : ' font-weight="700"'}>${escapeXml(l)}</text>`,
      )
      .join('')
  );
}
