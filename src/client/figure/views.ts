// The indicator figure's one view control: without script its links lead to the views stacked one after the
// other; with it they become tabs (role=tablist, arrow keys, Home/End), one view shown at a time. The view a
// link asks for wins: a #fragment inside a view, or the explorer's address (?year=/view= for the provinces,
// ?regions=/mode=/from=/to= for the chart). A tab the reader picks goes into the address as its view's #fragment
// (replaced, not pushed: the back button steps through views of the data, not tabs), so a shared link and the
// language switch, which carries the query and hash to the twin page, open the same tab.
import { fragmentId } from '../../shared/fragment.ts';

const root = document.querySelector<HTMLElement>('[data-figure]');

function start(figure: HTMLElement): void {
  const list = figure.querySelector<HTMLElement>('[data-figure-tabs]');
  const tabs = [...figure.querySelectorAll<HTMLAnchorElement>('[data-figure-tab]')];
  const panels = tabs.map((tab) => document.getElementById(tab.hash.slice(1)));
  if (!list || tabs.length < 2 || panels.some((p) => !p)) return;
  list.setAttribute('role', 'tablist');
  tabs.forEach((tab, i) => {
    tab.setAttribute('role', 'tab');
    tab.id ||= `tab-${tab.dataset.figureTab}`;
    tab.setAttribute('aria-controls', panels[i]!.id);
    panels[i]!.setAttribute('role', 'tabpanel');
    panels[i]!.setAttribute('aria-labelledby', tab.id);
  });
  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panels[i]!.hidden = !on;
    });
    figure.dataset.view = tabs[index]!.dataset.figureTab;
    if (focus) tabs[index]!.focus();
  };
  /** The view holding the #fragment, or -1. */
  const byHash = (): number => {
    const id = fragmentId(location.hash);
    const target = id ? document.getElementById(id) : null;
    return target ? panels.findIndex((p) => p!.contains(target)) : -1;
  };
  const wanted = (): number => {
    if (byHash() >= 0) return byHash();
    const query = new URLSearchParams(location.search);
    const map = tabs.findIndex((t) => t.dataset.figureTab === 'map');
    if (map >= 0 && (query.has('year') || query.has('view'))) return map;
    return 0;
  };
  select(wanted(), false);
  const remember = (index: number) => history.replaceState(history.state, '', location.pathname + location.search + '#' + panels[index]!.id);
  list.addEventListener('click', (event) => {
    const tab = (event.target as Element).closest<HTMLAnchorElement>('[data-figure-tab]');
    if (!tab) return;
    event.preventDefault();
    select(tabs.indexOf(tab), false);
    remember(tabs.indexOf(tab));
  });
  list.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select((next + tabs.length) % tabs.length, true);
    remember((next + tabs.length) % tabs.length);
  });
  // A link to something inside a view (a region page's 查看地图) opens that view; other links leave it as it is.
  addEventListener('hashchange', () => {
    if (byHash() >= 0) select(byHash(), false);
  });
}

if (root) start(root);

// Targets and events on the chart: shown by default (and always without script, as the note says); a checkbox
// hides each layer, in the build-time chart and in any redraw alike (a class on the figure, no redraw).
for (const box of document.querySelectorAll<HTMLInputElement>('[data-mark-toggle]')) {
  const scope = box.closest<HTMLElement>('[data-explore-national]') ?? document.body;
  const apply = () => scope.classList.toggle(`hide-${box.dataset.markToggle}`, !box.checked);
  box.addEventListener('change', apply);
  apply();
}
for (const el of document.querySelectorAll<HTMLElement>('[data-mark-toggles]')) el.hidden = false;
for (const el of document.querySelectorAll<HTMLElement>('[data-marks-note]')) el.hidden = true;
