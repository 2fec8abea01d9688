// Where the target labels of a line chart go, with a guarantee the old greedy search lacked: no two labels
// intersect and every label lies inside the plot area it is given (which already leaves room for the event
// discs on the x-axis and the chart's edges).
//
// 1. Side: each label goes right of its mark, or left when the right would cross the plot edge (or hit fewer
//    data points on the left); labels wider than the plot are clamped to it.
// 2. Columns: labels whose horizontal extents overlap, directly or through others, form one column; labels in
//    different columns cannot intersect.
// 3. In each column a 1-D pass: sorted by the mark's y, each label is centred on its mark, pushed down below the
//    one before, then pushed back up from the bottom edge. A column that does not fit the plot's height, even
//    packed, keeps only the labels that fit (those nearest their marks first) and reports the rest as
//    unlabelled (the mark keeps its tooltip; the targets view lists every target).
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

/** Step 1: the label's horizontal extent and anchor. */
function side(r: LabelRequest, area: PlotArea, obstacles: LabelBox[]): { x1: number; x2: number; anchor: 'start' | 'end' } {
  const width = Math.min(r.w, area.right - area.left);
  const right = { x1: r.x + OFFSET, x2: r.x + OFFSET + width, anchor: 'start' as const };
  const left = { x1: r.x - OFFSET - width, x2: r.x - OFFSET, anchor: 'end' as const };
  const fitsRight = right.x2 <= area.right;
  const fitsLeft = left.x1 >= area.left;
  const hits = (s: { x1: number; x2: number }) =>
    obstacles.filter((o) => intersects({ x1: s.x1, x2: s.x2, y1: r.y - r.h / 2, y2: r.y + r.h / 2 }, o)).length;
  let chosen = fitsRight && (!fitsLeft || hits(right) <= hits(left)) ? right : fitsLeft ? left : right;
  if (chosen.x2 > area.right) chosen = { ...chosen, x1: area.right - width, x2: area.right };
  if (chosen.x1 < area.left) chosen = { ...chosen, x1: area.left, x2: area.left + width };
  return chosen;
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
 * A place for each label, or null for a label that cannot fit (see 3). `obstacles` (data points, marks) only
 * steer the choice of side; labels never overlap each other or leave `area`.
 */
export function placeLabels(requests: LabelRequest[], area: PlotArea, obstacles: LabelBox[] = []): Array<LabelPlace | null> {
  const extents = requests.map((r) => side(r, area, obstacles));
  const out: Array<LabelPlace | null> = requests.map(() => null);
  for (const column of columns(extents)) {
    // Keep the labels nearest their marks' natural order; drop from the end of the list (by y) until they fit.
    let kept = [...column].sort((a, b) => requests[a]!.y - requests[b]!.y || a - b);
    const room = area.bottom - area.top;
    while (kept.length && kept.reduce((s, i) => s + requests[i]!.h, 0) + GAP * (kept.length - 1) > room) {
      // Drop the label whose mark is furthest from the plot's middle: the crowd's outermost.
      const mid = (area.top + area.bottom) / 2;
      const worst = kept.reduce((w, i) => (Math.abs(requests[i]!.y - mid) > Math.abs(requests[w]!.y - mid) ? i : w), kept[0]!);
      kept = kept.filter((i) => i !== worst);
    }
    const tops = stack(
      kept.map((i) => requests[i]!.y),
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
