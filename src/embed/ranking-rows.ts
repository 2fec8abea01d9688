// Marks each row of a build-time ranking chart with its region code (data-region on the bar, its value label and
// its name on the axis), so the embed script can highlight provinces without redrawing. Plot draws a row's bar,
// label and axis name at the same band position; that shared y is how they are matched.
import { parseHTML } from 'linkedom';

const translateY = (transform: string | null) => transform?.match(/translate\([^,]+,\s*([-\d.]+)\)/)?.[1];

/** `codes` are the regions in the order the bars were drawn (the ranking's row order). */
export function tagRankingRows(svg: string, codes: string[]): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) return svg;
  const bars = [...root.querySelectorAll('.tip-points > rect')];
  if (bars.length !== codes.length) throw new Error(`tagRankingRows: ${bars.length} bars for ${codes.length} regions`);
  const byY = new Map<string, string>();
  bars.forEach((bar, i) => {
    bar.setAttribute('data-region', codes[i]!);
    byY.set(bar.getAttribute('y') ?? '', codes[i]!);
  });
  for (const text of root.querySelectorAll('text')) {
    const code = byY.get(translateY(text.getAttribute('transform')) ?? '');
    if (code) text.setAttribute('data-region', code);
  }
  return root.outerHTML;
}
