// The embed page's script: applies the address's options (theme, regions, years, language, marks to hide) to the
// chart drawn at build time, and tells a host page running our loader how tall the page is. With script off the
// default shows (a page built without some marks, /hide-…/, shows without them). A redraw keeps the page's target
// and event marks: they travel in the page data's line spec.
import { EMBED_DATA_ID, type EmbedPageData } from '../../shared/embed/page-data.ts';
import { fillTemplate } from '../../shared/i18n/template.ts';
import { MARK_LAYERS, parseEmbedOptions, showsDefaultChart, type EmbedOptions } from '../../shared/embed/options.ts';
import type { LineChartSpec } from '../../shared/charts/embed-line.ts';
import { heightMessage, isHelloMessage } from '../../shared/embed/messages.ts';
import { escapeXml } from '../../shared/format/markup.ts';

const root = document.documentElement;
const dataElement = document.getElementById(EMBED_DATA_ID);
const data = dataElement ? (JSON.parse(dataElement.textContent ?? '{}') as EmbedPageData) : null;

function setText(selector: string, text: string): void {
  const el = document.querySelector(selector);
  if (el) el.textContent = text;
}

/**
 * Line chart for other regions, years or marks: drawn here, at the frame's width, and redrawn when that changes.
 * The renderer (with the target and event marks) loads only then: the build-time chart needs no script.
 */
async function showCustomLine(page: EmbedPageData, options: EmbedOptions): Promise<void> {
  const spec: LineChartSpec | undefined = page.line;
  const frame = document.querySelector<HTMLElement>('[data-chart]');
  if (!spec || !frame) return;
  const { drawLineChart, selectSeries } = await import('../../shared/charts/embed-line.ts');
  const w = page.words;
  const hide = MARK_LAYERS.filter((l) => options.hide.includes(l) || page.hidden.includes(l));
  const selection = { codes: options.regions, from: options.from, to: options.to, hide };
  const series = selectSeries(spec, selection);
  const years = series.flatMap((s) => s.points.map(([year]) => year));
  if (years.length === 0) return; // nothing to draw for this choice: keep the default chart
  const names = series.map((s) => s.name).join(w.listSeparator);
  const yearText = fillTemplate(w.yearRange, { from: Math.min(...years), to: Math.max(...years) });
  const title = fillTemplate(w.regionsTitle, { name: page.name, regions: names });
  setText('[data-embed-title]', title);
  setText('[data-embed-subtitle]', fillTemplate(w.subtitle, { years: yearText }));
  frame.setAttribute('aria-label', title + w.focusHint);
  const source = document.querySelector('[data-embed-source]');
  // Our own build-time HTML (escaped there, Chinese titles marked lang="zh-CN"), not the address's.
  if (source && page.sourceLineAll && series.some((s) => s.code !== page.offer.defaultRegions[0])) source.innerHTML = page.sourceLineAll;
  for (const variant of frame.querySelectorAll<HTMLElement>('[data-embed-variant]')) variant.hidden = true;
  const custom = document.createElement('div');
  custom.className = 'embed-custom';
  frame.prepend(custom);
  let drawnWidth = 0;
  const draw = () => {
    const width = Math.max(280, Math.min(720, Math.floor(frame.clientWidth) || 720));
    if (width === drawnWidth) return;
    drawnWidth = width;
    custom.innerHTML = drawLineChart(spec, selection, width, {
      id: 'custom',
      title,
      description: fillTemplate(w.customDescription, { regions: names, years: yearText }),
    });
  };
  draw();
  window.addEventListener('resize', () => requestAnimationFrame(draw));
  const legend = document.querySelector('[data-embed-series]');
  if (legend && series.length > 1) {
    legend.innerHTML = series
      .map(
        (s) =>
          `<li><svg width="22" height="12" aria-hidden="true"><path d="M2,6H20" stroke="${s.color}" stroke-width="2"/><circle cx="11" cy="6" r="3" fill="${s.color}"/></svg>${escapeXml(s.name)}</li>`,
      )
      .join('');
    (legend as HTMLElement).hidden = false;
  }
}

/** Ranking: the chosen provinces stay as drawn, the others fade. */
function highlightRegions(page: EmbedPageData, regions: string[]): void {
  if (regions.length === 0) return;
  for (const el of document.querySelectorAll<SVGElement>('[data-region]')) {
    el.classList.add(regions.includes(el.dataset.region ?? '') ? 'embed-picked' : 'embed-muted');
  }
  const names = regions.map((code) => page.regionNames[code] ?? code).join(page.words.listSeparator);
  const note = document.querySelector<HTMLElement>('[data-embed-note]');
  if (note) {
    note.textContent = fillTemplate(page.words.highlightNote, { regions: names });
    note.hidden = false;
  }
}

function applyOptions(page: EmbedPageData): void {
  const options = parseEmbedOptions(location.search, page.offer);
  const elsewhere = page.langPages[options.lang];
  if (options.lang !== page.lang && elsewhere) {
    location.replace(elsewhere + location.search);
    return;
  }
  root.dataset.theme = options.theme;
  // The key under the chart (and legend items' layers) follow the marks asked away.
  for (const layer of options.hide) root.classList.add(`hide-${layer}`);
  // data-embed-ready says the options are applied (the redraw's renderer loads lazily, after the page's load
  // event): tests and screenshot tools wait for it rather than for a guessed time.
  const ready = () => (root.dataset.embedReady = '');
  if (page.view === 'ranking') highlightRegions(page, options.regions);
  else if (!showsDefaultChart(options, page.offer, page.hidden)) return void showCustomLine(page, options).finally(ready);
  ready();
}

/**
 * Height for the host page. Anyone may embed us, so a hello is accepted from any origin, but only from our parent
 * window and only in the exact shape; heights then go to that origin alone, never to '*'.
 */
function answerHosts(): void {
  if (window.parent === window) return;
  let hostOrigin = '';
  let sent = 0;
  const report = (force: boolean) => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (!hostOrigin || (!force && height === sent)) return;
    sent = height;
    window.parent.postMessage(heightMessage(height), hostOrigin);
  };
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isHelloMessage(event.data) || event.origin === 'null') return;
    hostOrigin = event.origin;
    report(true);
  });
  new ResizeObserver(() => report(false)).observe(document.body);
}

if (data) applyOptions(data);
answerHosts();
