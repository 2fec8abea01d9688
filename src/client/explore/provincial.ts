// Loaded on demand by explore.ts (another year, a comparison): redraws the provincial panel in place (map fills
// and tips, ranking, table) and re-exports the national chart drawing and the data loader.
import type { ExploreData } from '../../explore/data.ts';
import { valuesOfYear } from './series.ts';
import type { PublishedValue } from '../../pipeline/publication.ts';
import { classColor, type MapClasses } from '../../shared/charts/map-classes.ts';
import { regionTip, shortRegionName } from '../../shared/charts/points.ts';
import { provincialTableHtml, rankingItemsHtml } from '../../shared/explore/provincial-html.ts';
import { formatYear } from '../../shared/format/number.ts';
import { zh } from '../../shared/i18n/zh.ts';

export { drawNational } from './national.ts';
export { loadData } from './series.ts';
export function drawProvincial(root: HTMLElement, data: ExploreData, year: number): void {
  const { provinces, national } = valuesOfYear(data, year);
  const byCode = new Map(provinces.map((v) => [v.regionCode, v]));
  const yearText = formatYear(year);
  const svg = root.querySelector<SVGSVGElement>('svg.province-map');
  if (svg) {
    const classes: MapClasses = { thresholds: JSON.parse(svg.dataset.thresholds ?? '[]'), colors: JSON.parse(svg.dataset.colors ?? '[]') };
    for (const path of svg.querySelectorAll<SVGPathElement>('path.province')) {
      const value = byCode.get(path.dataset.code ?? '');
      path.setAttribute('fill', value ? classColor(value.value, classes) : (svg.dataset.noData ?? '#eee'));
      if (value) path.dataset.value = String(value.value);
      else delete path.dataset.value;
      path.dataset.tip = value ? regionTip(value as PublishedValue, data.unit) : zh.map.noDataTip(shortRegionName(path.dataset.name ?? ''));
    }
    const title = zh.map.title(data.name, yearText);
    svg.querySelector('title')!.textContent = title;
    root.querySelector('[data-map]')?.setAttribute('aria-label', title + zh.map.focusHint);
  }
  const text = (selector: string, value: string) => root.querySelectorAll(selector).forEach((el) => (el.textContent = value));
  text('[data-map-title]', zh.map.title(data.name, yearText));
  text('[data-ranking-caption]', zh.explore.rankingCaption(data.name, yearText, data.unit));
  text('[data-table-caption]', zh.indicator.provincialTableCaption(data.name, yearText, data.unit));
  const base = root.dataset.base ?? '/';
  const list = root.querySelector('[data-ranking-list]');
  if (list) list.innerHTML = rankingItemsHtml(provinces, national, data.unit, (code) => `${base}regions/${code}/`);
  const table = provincialTableHtml(provinces, national, data.sources);
  const body = root.querySelector('[data-table-body]');
  const foot = root.querySelector('[data-table-foot]');
  if (body) body.innerHTML = table.body;
  if (foot) foot.innerHTML = table.foot;
}
