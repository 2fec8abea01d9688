// Loaded on demand by explore.ts (another year, a comparison): redraws the provincial panel in place (map fills
// and tips, ranking, table) and re-exports the national chart drawing and the data loader.
import type { ExploreData } from '../../explore/data.ts';
import { valuesOfYear } from './series.ts';
import type { PublishedValue } from '../../pipeline/publication.ts';
import { classColor, type MapClasses } from '../../shared/charts/map-classes.ts';
import { regionTip, shortRegionName } from '../../shared/charts/points.ts';
import { provincialTableHtml, rankingItemsHtml } from '../../shared/explore/provincial-html.ts';
import { formatYear } from '../../shared/format/number.ts';
import { langOf, pathFor, wordsFor } from '../../shared/i18n/lang.ts';

export { drawNational } from './national.ts';
export { loadData } from './series.ts';
export function drawProvincial(root: HTMLElement, data: ExploreData, year: number): void {
  // The page's edition (data-lang): English names, units and source titles come with the page and the data.
  const lang = langOf(root.dataset.lang);
  const zh = wordsFor(lang);
  const en = lang === 'en';
  const name = en ? (data.name_en ?? data.name) : data.name;
  const units = { unit: data.unit, unit_en: data.unit_en ?? data.unit };
  const unitText = en ? units.unit_en : data.unit;
  const sources = root.dataset.sources ? (JSON.parse(root.dataset.sources) as Record<string, string>) : data.sources;
  const all = valuesOfYear(data, year);
  const named = <V extends { regionCode: string; region: string }>(v: V): V =>
    en ? { ...v, region: data.regionsEn?.[v.regionCode] ?? v.regionCode } : v;
  const provinces = all.provinces.map(named);
  const national = all.national && named(all.national);
  const byCode = new Map(provinces.map((v) => [v.regionCode, v]));
  const yearText = formatYear(year, zh);
  const svg = root.querySelector<SVGSVGElement>('svg.province-map');
  if (svg) {
    const classes: MapClasses = { thresholds: JSON.parse(svg.dataset.thresholds ?? '[]'), colors: JSON.parse(svg.dataset.colors ?? '[]') };
    for (const path of svg.querySelectorAll<SVGPathElement>('path.province')) {
      const value = byCode.get(path.dataset.code ?? '');
      path.setAttribute('fill', value ? classColor(value.value, classes) : (svg.dataset.noData ?? '#eee'));
      if (value) path.dataset.value = String(value.value);
      else delete path.dataset.value;
      path.dataset.tip = value
        ? regionTip(value as PublishedValue, en ? units : data.unit, zh, shortRegionName(value.region))
        : zh.map.noDataTip(shortRegionName(path.dataset.name ?? ''));
    }
    const title = zh.map.title(name, yearText);
    svg.querySelector('title')!.textContent = title;
    root.querySelector('[data-map]')?.setAttribute('aria-label', title + zh.map.focusHint);
  }
  const text = (selector: string, value: string) => root.querySelectorAll(selector).forEach((el) => (el.textContent = value));
  text('[data-map-title]', zh.map.title(name, yearText));
  text('[data-ranking-caption]', zh.explore.rankingCaption(name, yearText, unitText));
  text('[data-table-caption]', zh.indicator.provincialTableCaption(name, yearText, unitText));
  const base = root.dataset.base ?? '/';
  const list = root.querySelector('[data-ranking-list]');
  if (list) list.innerHTML = rankingItemsHtml(provinces, national, data.unit, (code) => pathFor(lang, `regions/${code}/`, base), zh);
  const table = provincialTableHtml(provinces, national, sources, zh);
  const body = root.querySelector('[data-table-body]');
  const foot = root.querySelector('[data-table-foot]');
  if (body) body.innerHTML = table.body;
  if (foot) foot.innerHTML = table.foot;
}
