// Draws the national chart again in the browser when the reader compares provinces, switches to change since a
// base year or narrows the years; the server-drawn chart comes back for the default view.
import type { ExploreData } from '../../explore/data.ts';
import type { ExploreView } from '../../shared/explore/view-state.ts';
import { compareLineChart, type CompareSeries } from '../../shared/charts/compare-lines.ts';
import { seriesPalette } from '../../shared/charts/colors.ts';
import { isTentative, shortRegionName } from '../../shared/charts/points.ts';
import type { PublishedValue } from '../../pipeline/publication.ts';
import { difference, formatChange } from '../../shared/format/change.ts';
import { formatValue, formatYear } from '../../shared/format/number.ts';
import type { ProvincialValue } from '../../shared/explore/provincial-html.ts';
import { escapeXml } from '../../shared/format/markup.ts';
import { zh } from '../../shared/i18n/zh.ts';
import { regionSeries } from './series.ts';
import { NATIONAL_CODE } from '../../shared/national-code.ts';

const originals = new WeakMap<HTMLElement, { wide: string; narrow: string; label: string }>();

interface Drawn extends CompareSeries {
  values: ProvincialValue[];
}

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
  const colors = JSON.parse(root.dataset.colors ?? '{}') as { line: string; break: string; text: string };
  const codes = [NATIONAL_CODE, ...view.regions];
  const all: Drawn[] = codes.map((code, i) => {
    const values = regionSeries(data, code);
    return {
      name: code === NATIONAL_CODE ? zh.indicator.national : shortRegionName(data.regions[code] ?? code),
      color: seriesPalette[i % seriesPalette.length]!, // the nation first, in the site's blue
      national: code === NATIONAL_CODE,
      values,
      points: values.map((v) => ({ year: v.year, value: v.value, tentative: isTentative(v as PublishedValue) })),
    };
  });
  const change = view.mode === 'change';
  const baseOf = (s: Drawn) => s.values.find((v) => v.year === view.base);
  // Change mode draws only series with a value in the base year, and says which were left out.
  const series = change ? all.filter(baseOf) : all;
  const missing = all.filter((s) => !series.includes(s)).map((s) => s.name);
  if (change) {
    for (const s of series) {
      const base = baseOf(s)!;
      s.points = s.values.map((v) => ({ year: v.year, value: difference(v, base).value, tentative: isTentative(v as PublishedValue) }));
    }
  }
  const unit = data.unit;
  const yearTips = new Map<number, string>();
  for (let year = view.from; year <= view.to; year++) {
    const parts = series.flatMap((s) => {
      const v = s.values.find((p) => p.year === year);
      if (!v) return [];
      return [zh.explore.seriesValue(s.name, change ? formatChange(v, baseOf(s)!, unit) : formatValue(v.value, v.decimals, unit))];
    });
    if (parts.length > 0) yearTips.set(year, zh.explore.yearTip(formatYear(year), parts.join(zh.explore.tipSeparator)));
  }
  const names = series.map((s) => s.name).join(zh.listSeparator);
  const provinces = series
    .slice(1)
    .map((s) => s.name)
    .join(zh.listSeparator);
  const title = change
    ? zh.explore.changeTitle(data.name, formatYear(view.base))
    : provinces
      ? zh.explore.compareTitle(data.name, provinces)
      : zh.chart.lineTitle(data.name); // only the years narrowed: the national chart's own title
  const description = zh.explore.compareDescription(formatYear(view.from), formatYear(view.to), names);
  const yLabel = change ? zh.explore.changeAxis(formatYear(view.base), zh.change.pointUnits[unit] ?? unit) : zh.chart.unitAxis(unit);
  const sizes = JSON.parse(root.dataset.sizes ?? '[[720,360],[340,240]]') as [number, number][];
  [wide, narrow].forEach((container, i) => {
    const [width, height] = sizes[i]!;
    container.innerHTML = compareLineChart({
      title,
      description,
      idPrefix: `compare-${data.id}-${i}`,
      width,
      height,
      from: view.from,
      to: view.to,
      series,
      breaks: data.breaks,
      breakLabel: zh.chart.breakLabel,
      yLabel,
      yearTips,
      zeroLine: change,
      colors,
    });
  });
  frame.setAttribute('aria-label', title + zh.chart.focusHint);
  if (legend) {
    legend.innerHTML = series
      .map(
        (s) =>
          `<li><svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true"><line x1="1" x2="21" y1="6" y2="6" stroke="${s.color}" stroke-width="3"/></svg>${escapeXml(s.name)}</li>`,
      )
      .join('');
    legend.hidden = false;
  }
  // Series left out for want of a base-year value are named below; this is for a range with nothing in it.
  const empty = series.length > 0 && !series.some((s) => s.values.some((v) => v.year >= view.from && v.year <= view.to));
  const notes = [
    ...(empty ? [zh.explore.emptyRange(formatYear(view.from), formatYear(view.to))] : []),
    ...(missing.length > 0 ? [zh.explore.missingBase(missing.join(zh.listSeparator), formatYear(view.base))] : []),
    ...(change
      ? data.breaks
          .filter((b) => b > view.from && b <= view.to)
          .slice(0, 1)
          .map((b) => zh.explore.breakWarning(formatYear(b)))
      : []),
  ];
  if (note) note.textContent = notes.join('');
}
