// Where the target labels of a line chart go, with a guarantee the old greedy search lacked: no two labels
// intersect and every label lies inside the plot area it is given (which already leaves room for the event
// discs on the x-axis and the chart's edges).
//
// 1. Spot: each label is tried right and left of its mark, on the mark's row, just above it and just below it;
//    it takes the spot that crosses the fewest data points, marks and drawn lines (the series and the targets'
//    paths), preferring the mark's row, then the right. Labels wider than the plot are clamped to it.
// 2. Columns: labels whose horizontal extents overlap, directly or through others, form one column; labels in
//    different columns cannot intersect.
// 3. In each column a 1-D pass: sorted by their wanted y, labels are pushed down below the one before, then
//    pushed back up from the bottom edge. A column that does not fit the plot's height, even packed, keeps only
//    the labels that fit (those nearest their marks first) and reports the rest as unlabelled (the mark keeps
//    its tooltip; the targets view lists every target).
// 4. A label moved off its mark's row is drawn with a leader line (`moved`).

export interface LabelRequest {
  /** The mark's centre. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelPlace {
  box: LabelBox;
  anchor: 'start' | 'end';
  /** True when the label no longer sits on its mark's row: draw a leader line. */
  moved: boolean;
}

/** A line drawn on the chart (a series' segment, a target's path), which a label should not cross. */
export interface LabelSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Distance between a mark and its label, and between two stacked labels. */
const OFFSET = 9;
const GAP = 2;

const intersects = (a: LabelBox, b: LabelBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Whether a segment crosses a box: an end inside it, or the segment meeting one of its edges. */
function crosses(b: LabelBox, s: LabelSegment): boolean {
  const inside = (x: number, y: number) => x > b.x1 && x < b.x2 && y > b.y1 && y < b.y2;
  if (inside(s.x1, s.y1) || inside(s.x2, s.y2)) return true;
  if (Math.max(s.x1, s.x2) <= b.x1 || Math.min(s.x1, s.x2) >= b.x2 || Math.max(s.y1, s.y2) <= b.y1 || Math.min(s.y1, s.y2) >= b.y2) return false;
  // The segment's bounding box overlaps the box: it crosses unless all four corners lie on one side of its line.
  const side = (x: number, y: number) => Math.sign((s.x2 - s.x1) * (y - s.y1) - (s.y2 - s.y1) * (x - s.x1));
  const corners = [side(b.x1, b.y1), side(b.x2, b.y1), side(b.x1, b.y2), side(b.x2, b.y2)];
  return !(corners.every((c) => c > 0) || corners.every((c) => c < 0));
}

/** Step 1: the label's horizontal extent, anchor and wanted centre (y). */
function spot(
  r: LabelRequest,
  area: PlotArea,
  obstacles: LabelBox[],
  lines: LabelSegment[],
): { x1: number; x2: number; anchor: 'start' | 'end'; cy: number } {
  const width = Math.min(r.w, area.right - area.left);
  const clamp = (x1: number) => Math.min(Math.max(x1, area.left), area.right - width);
  const sides = [
    { x1: r.x + OFFSET, anchor: 'start' as const },
    { x1: r.x - OFFSET - width, anchor: 'end' as const },
  ];
  // On the mark's row, then just above the mark and just below it (clear of the diamond's 6 px).
  const rows = [r.y, r.y - r.h / 2 - 7, r.y + r.h / 2 + 7];
  let best: { x1: number; x2: number; anchor: 'start' | 'end'; cy: number } | undefined;
  let bestScore = Infinity;
  for (const cy of rows) {
    for (const c of sides) {
      // A side that would cross the plot's edge (clamped back inside) loses to any side that fits.
      const fits = c.x1 >= area.left && c.x1 + width <= area.right;
      const x1 = clamp(c.x1);
      const b = { x1, x2: x1 + width, y1: cy - r.h / 2, y2: cy + r.h / 2 };
      if (b.y1 < area.top || b.y2 > area.bottom) continue;
      const score =
        obstacles.filter((o) => intersects(b, o)).length + lines.filter((l) => crosses(b, l)).length + (fits ? 0 : 100) + (cy === r.y ? 0 : 0.25);
      if (score < bestScore) [best, bestScore] = [{ x1, x2: x1 + width, anchor: c.anchor, cy }, score];
    }
  }
  if (best) return best;
  const x1 = clamp(sides[0]!.x1);
  return { x1, x2: x1 + width, anchor: sides[0]!.anchor, cy: r.y };
}

/** Step 2: indexes grouped into columns of transitively overlapping horizontal extents. */
function columns(extents: Array<{ x1: number; x2: number }>): number[][] {
  const order = extents.map((_, i) => i).sort((a, b) => extents[a]!.x1 - extents[b]!.x1);
  const out: number[][] = [];
  let end = -Infinity;
  for (const i of order) {
    if (extents[i]!.x1 < end) out.at(-1)!.push(i);
    else out.push([i]);
    end = Math.max(end, extents[i]!.x2);
  }
  return out;
}

/** Step 3: tops for labels of heights `h`, wanted centred on `want`, stacked without overlap inside [top, bottom]. */
function stack(want: number[], h: number[], top: number, bottom: number): number[] {
  const tops = want.map((c, i) => c - h[i]! / 2);
  for (let i = 0; i < tops.length; i++) {
    tops[i] = Math.max(tops[i]!, top, i ? tops[i - 1]! + h[i - 1]! + GAP : top);
  }
  for (let i = tops.length - 1; i >= 0; i--) {
    const limit = i === tops.length - 1 ? bottom : tops[i + 1]! - GAP;
    tops[i] = Math.min(tops[i]!, limit - h[i]!);
  }
  return tops;
}

/**
 * A place for each label, or null for a label that cannot fit (see 3). `obstacles` (data points, marks) and
 * `lines` (segments drawn) only steer the choice of spot; labels never overlap each other or leave `area`.
 */
export function placeLabels(
  requests: LabelRequest[],
  area: PlotArea,
  obstacles: LabelBox[] = [],
  lines: LabelSegment[] = [],
): Array<LabelPlace | null> {
  const extents = requests.map((r) => spot(r, area, obstacles, lines));
  const out: Array<LabelPlace | null> = requests.map(() => null);
  for (const column of columns(extents)) {
    // Keep the labels nearest their marks' natural order; drop from the end of the list (by y) until they fit.
    let kept = [...column].sort((a, b) => extents[a]!.cy - extents[b]!.cy || a - b);
    const room = area.bottom - area.top;
    while (kept.length && kept.reduce((s, i) => s + requests[i]!.h, 0) + GAP * (kept.length - 1) > room) {
      // Drop the label whose mark is furthest from the plot's middle: the crowd's outermost.
      const mid = (area.top + area.bottom) / 2;
      const worst = kept.reduce((w, i) => (Math.abs(requests[i]!.y - mid) > Math.abs(requests[w]!.y - mid) ? i : w), kept[0]!);
      kept = kept.filter((i) => i !== worst);
    }
    const tops = stack(
      kept.map((i) => extents[i]!.cy),
      kept.map((i) => requests[i]!.h),
      area.top,
      area.bottom,
    );
    kept.forEach((i, k) => {
      const r = requests[i]!;
      const { x1, x2, anchor } = extents[i]!;
      const box = { x1, x2, y1: tops[k]!, y2: tops[k]! + r.h };
      out[i] = { box, anchor, moved: r.y < box.y1 || r.y > box.y2 };
    });
  }
  return out;
}
