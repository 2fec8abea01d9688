// Draws the national chart again in the browser when the reader compares provinces, switches to change since a
// base year or narrows the years; the server-drawn chart comes back for the default view.
import type { ExploreData } from '../../explore/data.ts';
import type { ExploreView } from '../../shared/explore/view-state.ts';
import { compareChart, type CompareMarks } from '../../shared/charts/compare-chart.ts';
import { escapeXml } from '../../shared/format/markup.ts';
import { langOf, wordsFor } from '../../shared/i18n/lang.ts';

const originals = new WeakMap<HTMLElement, { wide: string; narrow: string; label: string }>();

export function drawNational(root: HTMLElement, data: ExploreData, view: ExploreView, isDefault: boolean): void {
  const frame = root.querySelector<HTMLElement>('[data-chart]');
  const wide = root.querySelector<HTMLElement>('.chart-wide');
  const narrow = root.querySelector<HTMLElement>('.chart-narrow');
  const legend = root.querySelector<HTMLElement>('[data-compare-legend]');
  const note = root.querySelector<HTMLElement>('[data-compare-note]');
  if (!frame || !wide || !narrow) return;
  if (!originals.has(root)) originals.set(root, { wide: wide.innerHTML, narrow: narrow.innerHTML, label: frame.getAttribute('aria-label') ?? '' });
  if (isDefault) {
    const saved = originals.get(root)!;
    wide.innerHTML = saved.wide;
    narrow.innerHTML = saved.narrow;
    frame.setAttribute('aria-label', saved.label);
    if (legend) legend.hidden = true;
    if (note) note.textContent = '';
    return;
  }
  const sizes = JSON.parse(root.dataset.sizes ?? '[[720,360],[340,240]]') as [number, number][];
  const marks = JSON.parse(root.dataset.marks ?? '{"targets":[],"events":[]}') as CompareMarks;
  // The page's edition (data-lang), so a redraw on an English page speaks English as the build-time chart does.
  const lang = langOf(root.dataset.lang);
  const chart = compareChart(data, view, sizes, marks, lang);
  [wide, narrow].forEach((container, i) => (container.innerHTML = chart.svgs[i]!));
  frame.setAttribute('aria-label', chart.title + wordsFor(lang).chart.focusHint);
  if (legend) {
    legend.innerHTML = chart.series
      .map(
        (s) =>
          `<li><svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true"><line x1="1" x2="21" y1="6" y2="6" stroke="${s.color}" stroke-width="3"/></svg>${escapeXml(s.name)}</li>`,
      )
      .join('');
    legend.hidden = false;
  }
  if (note) note.textContent = chart.notes.join('');
}
