// The indicator page's explorer: controls for the national chart (provinces to compare, values or change, year
// range) and the provincial panel (map / ranking / table, year), one view kept in the URL with pushState and
// restored on popstate. Drawing code and data load on demand (explore-render.ts), when a view needs them.
import {
  MAX_COMPARED,
  PROVINCIAL_VIEWS,
  parseView,
  setDataShown,
  settleView,
  viewQuery,
  type ExploreView,
  type ViewBounds,
} from '../../shared/explore/view-state.ts';
import { setupMapTips } from './map-tips.ts';
import { NATIONAL_CODE } from '../../shared/national-code.ts';
import { fillTemplate } from '../../shared/i18n/template.ts';

const national = document.querySelector<HTMLElement>('[data-explore-national]');
const provincial = document.querySelector<HTMLElement>('[data-explore-provincial]');

function json<T>(element: HTMLElement | null, name: string, fallback: T): T {
  const text = element?.dataset[name];
  return text ? (JSON.parse(text) as T) : fallback;
}

const nationalKey = (v: ExploreView) => JSON.stringify([v.regions, v.mode, v.base, v.from, v.to]);

function start(root: HTMLElement): void {
  const bounds: ViewBounds = {
    regionCodes: json(national, 'regions', []),
    chartYears: json(national, 'years', []),
    defaultFrom: Number(national?.dataset.defaultFrom ?? 0),
    defaultTo: Number(national?.dataset.defaultTo ?? 0),
    provincialYears: json(provincial, 'years', []),
  };
  const provincialCodes: string[] = json(provincial, 'codes', []);
  const nationalYears: number[] = json(provincial, 'nationalYears', []);
  const initial = parseView('', bounds);
  let view = parseView(location.search, bounds);
  let drawn = { national: nationalKey(initial), year: initial.year };
  let token = 0;

  for (const element of document.querySelectorAll<HTMLElement>('[data-explore-controls]')) element.hidden = false;
  const mapFrame = provincial?.querySelector<HTMLElement>('[data-map]');
  if (mapFrame) setupMapTips(mapFrame);

  const change = (patch: Partial<ExploreView>): void => {
    const next = settleView({ ...view, ...patch }, bounds);
    if (viewQuery(next, bounds) === viewQuery(view, bounds)) return;
    view = next;
    history.pushState(null, '', location.pathname + viewQuery(view, bounds) + location.hash);
    void apply();
  };

  /** Loading and failure notes, under the controls of the sections being redrawn. */
  const say = (text: string, sections: (HTMLElement | null | false)[]) => {
    for (const section of sections) if (section) section.querySelector<HTMLElement>('[data-explore-status]')!.textContent = text;
  };

  async function apply(): Promise<void> {
    const mine = ++token;
    syncControls(view);
    const needNational = national !== null && nationalKey(view) !== drawn.national;
    const needYear = provincial !== null && view.year !== drawn.year;
    if (needNational || needYear) {
      const sections = [needNational && national, needYear && provincial];
      say(root.dataset.loading ?? '', sections);
      try {
        const render = await import('./provincial.ts');
        const data = await render.loadData(root.dataset.dataUrl!);
        if (mine !== token) return;
        if (needNational) render.drawNational(national!, data, view, nationalKey(view) === nationalKey(initial));
        if (needYear && view.year !== null) render.drawProvincial(provincial!, data, view.year);
        drawn = { national: nationalKey(view), year: view.year };
        say('', sections);
      } catch {
        if (mine === token) say(root.dataset.failed ?? '', sections);
        return;
      }
    }
    const blocks = [];
    if (national) blocks.push({ regions: [NATIONAL_CODE, ...view.regions], from: view.from, to: view.to });
    if (provincial && view.year !== null) {
      const withNational = view.view !== 'map' && nationalYears.includes(view.year);
      blocks.push({ regions: withNational ? [NATIONAL_CODE, ...provincialCodes] : provincialCodes, from: view.year, to: view.year });
    }
    setDataShown(blocks);
  }

  function syncControls(v: ExploreView): void {
    if (national) {
      for (const box of national.querySelectorAll<HTMLInputElement>('input[name="compare"]')) {
        box.checked = v.regions.includes(box.value);
        box.disabled = !box.checked && v.regions.length >= MAX_COMPARED;
      }
      const summary = national.querySelector<HTMLElement>('[data-compare-summary]');
      if (summary)
        summary.textContent = v.regions.length === 0 ? summary.dataset.none! : fillTemplate(summary.dataset.picked!, { count: v.regions.length });
      for (const radio of national.querySelectorAll<HTMLInputElement>('input[data-mode]')) radio.checked = radio.value === v.mode;
      const base = national.querySelector<HTMLSelectElement>('[data-base-year]');
      if (base) {
        base.value = String(v.base);
        base.disabled = v.mode !== 'change';
        for (const o of base.options) o.disabled = Number(o.value) < v.from || Number(o.value) > v.to;
      }
      const from = national.querySelector<HTMLSelectElement>('[data-range-from]');
      const to = national.querySelector<HTMLSelectElement>('[data-range-to]');
      if (from && to) {
        from.value = String(v.from);
        to.value = String(v.to);
        for (const o of from.options) o.disabled = Number(o.value) >= v.to;
        for (const o of to.options) o.disabled = Number(o.value) <= v.from;
      }
    }
    if (provincial) {
      for (const button of provincial.querySelectorAll<HTMLButtonElement>('button[data-view]'))
        button.setAttribute('aria-pressed', String(button.dataset.view === v.view));
      for (const panel of provincial.querySelectorAll<HTMLElement>('[data-panel]')) panel.hidden = panel.dataset.panel !== v.view;
      const select = provincial.querySelector<HTMLSelectElement>('[data-year-select]');
      if (select && v.year !== null) select.value = String(v.year);
      const at = bounds.provincialYears.indexOf(v.year ?? -1);
      for (const step of provincial.querySelectorAll<HTMLButtonElement>('button[data-year-step]')) {
        const target = bounds.provincialYears[at + Number(step.dataset.yearStep)];
        // A disabled button drops keyboard focus to <body>: hand it to the year list first.
        if (target === undefined && document.activeElement === step) select?.focus();
        step.disabled = target === undefined;
      }
    }
  }

  national?.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'compare') {
      const box = target as HTMLInputElement;
      change({ regions: box.checked ? [...view.regions, box.value] : view.regions.filter((c) => c !== box.value) });
    } else if (target.hasAttribute('data-mode')) change({ mode: target.value === 'change' ? 'change' : 'absolute' });
    else if (target.hasAttribute('data-base-year')) change({ base: Number(target.value) });
    else if (target.hasAttribute('data-range-from')) change({ from: Number(target.value) });
    else if (target.hasAttribute('data-range-to')) change({ to: Number(target.value) });
  });
  national?.querySelector('[data-compare-clear]')?.addEventListener('click', () => change({ regions: [] }));
  provincial?.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-view], button[data-year-step]');
    if (!button) return;
    const requested = button.dataset.view as ExploreView['view'] | undefined;
    if (requested && PROVINCIAL_VIEWS.includes(requested)) change({ view: requested });
    const step = Number(button.dataset.yearStep);
    const at = bounds.provincialYears.indexOf(view.year ?? -1);
    if (step) change({ year: bounds.provincialYears[at + step] ?? view.year });
  });
  provincial
    ?.querySelector('[data-year-select]')
    ?.addEventListener('change', (event) => change({ year: Number((event.target as HTMLSelectElement).value) }));

  addEventListener('popstate', () => {
    view = parseView(location.search, bounds);
    void apply();
  });
  // A link with unknown values is rewritten to the view actually shown.
  const canonical = viewQuery(view, bounds);
  if (canonical !== location.search) history.replaceState(null, '', location.pathname + canonical + location.hash);
  void apply();
}

if (national || provincial) start((national ?? provincial)!);
