// The indicator page's view as a URL query (?regions=110000,310000&mode=change&base=2015&year=2021&view=ranking),
// read back with every unknown value replaced by its default; and the "data shown" element for downloads.
import type { DataShownBlock } from '../../explore/data.ts';

export type ProvincialView = 'map' | 'ranking' | 'table';
export const PROVINCIAL_VIEWS: readonly ProvincialView[] = ['map', 'ranking', 'table'];
export const MAX_COMPARED = 6;

export interface ExploreView {
  /** Provinces drawn beside the national line, in the order picked. */
  regions: string[];
  mode: 'absolute' | 'change';
  /** Base year of change mode. */
  base: number;
  /** Year range of the national chart. */
  from: number;
  to: number;
  /** Year of the map, ranking and table; null when the indicator has no provincial data. */
  year: number | null;
  view: ProvincialView;
}

/** What the page offers: the values a URL may hold. */
export interface ViewBounds {
  regionCodes: string[];
  chartYears: number[];
  defaultFrom: number;
  defaultTo: number;
  provincialYears: number[];
}

export function defaultView(bounds: ViewBounds): ExploreView {
  return {
    regions: [],
    mode: 'absolute',
    base: bounds.defaultFrom,
    from: bounds.defaultFrom,
    to: bounds.defaultTo,
    year: bounds.provincialYears.at(-1) ?? null,
    view: 'map',
  };
}

function yearIn(text: string | null, years: number[]): number | undefined {
  if (text === null || !/^\d{4}$/.test(text)) return undefined;
  const year = Number(text);
  return years.includes(year) ? year : undefined;
}

export function parseView(search: string, bounds: ViewBounds): ExploreView {
  const q = new URLSearchParams(search);
  const fallback = defaultView(bounds);
  const regions = [...new Set((q.get('regions') ?? '').split(','))].filter((code) => bounds.regionCodes.includes(code)).slice(0, MAX_COMPARED);
  let from = yearIn(q.get('from'), bounds.chartYears) ?? fallback.from;
  let to = yearIn(q.get('to'), bounds.chartYears) ?? fallback.to;
  if (from >= to) [from, to] = [fallback.from, fallback.to];
  const mode = q.get('mode') === 'change' ? 'change' : 'absolute';
  const base =
    yearIn(
      q.get('base'),
      bounds.chartYears.filter((y) => y >= from && y <= to),
    ) ?? from;
  const year = yearIn(q.get('year'), bounds.provincialYears) ?? fallback.year;
  const requested = q.get('view') as ProvincialView | null;
  const view = requested && PROVINCIAL_VIEWS.includes(requested) && year !== null ? requested : fallback.view;
  return { regions, mode, base, from, to, year, view };
}

/** The query for a view, naming only what differs from the default ('' for the default view). */
export function viewQuery(view: ExploreView, bounds: ViewBounds): string {
  const d = defaultView(bounds);
  const q = new URLSearchParams();
  if (view.regions.length > 0) q.set('regions', view.regions.join(','));
  if (view.mode === 'change') q.set('mode', 'change');
  if (view.mode === 'change' && view.base !== view.from) q.set('base', String(view.base));
  if (view.from !== d.from) q.set('from', String(view.from));
  if (view.to !== d.to) q.set('to', String(view.to));
  if (view.year !== d.year && view.year !== null) q.set('year', String(view.year));
  if (view.view !== d.view) q.set('view', view.view);
  const text = q.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** Keeps a view consistent after one control changed: base year inside the range, range at least two years. */
export function settleView(view: ExploreView, bounds: ViewBounds): ExploreView {
  return parseView(viewQuery(view, bounds), bounds);
}

/** Tells the download action what is on screen: one block per chart or table shown. */
export function setDataShown(blocks: DataShownBlock[]): void {
  let element = document.getElementById('data-shown');
  if (!element) {
    element = document.createElement('div');
    element.id = 'data-shown';
    element.hidden = true;
    (document.querySelector('main') ?? document.body).append(element);
  }
  element.setAttribute('data-shown', JSON.stringify(blocks));
  document.dispatchEvent(new CustomEvent('yigai:view-change'));
}
