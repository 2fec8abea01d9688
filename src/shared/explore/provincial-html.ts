// The ranking list and the provincial table rows as HTML strings: the page renders them at build time and the
// browser re-renders them for another year, from the same function, so both always look alike.
import type { Status } from '../../catalog/schema.ts';
import type { PublishedValue } from '../../pipeline/publication.ts';
import { formatNumber, formatValue } from '../format/number.ts';
import { zh, type Words } from '../i18n/zh.ts';
import { shortRegionName, TENTATIVE_STATUSES } from '../charts/points.ts';
import { escapeXml } from '../format/markup.ts';

/** What the ranking and the table show of a value (the browser's /explore/<id>.json carries just these fields). */
export type ProvincialValue = Pick<PublishedValue, 'regionCode' | 'region' | 'year' | 'value' | 'decimals' | 'status' | 'source'>;

/** Bar geometry in percent of the bar cell: zero at `zero`, so negative values extend left of it. */
function barScale(values: number[]): (v: number) => number {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return (v) => (hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * 1000) / 10);
}

/**
 * `<li>` items of the ranked list, highest first; the national value is a row of its own at its place and a
 * dashed mark across every bar. `regionHref` links each province to its region page.
 */
export function rankingItemsHtml(
  values: ProvincialValue[],
  national: ProvincialValue | undefined,
  unit: string,
  regionHref: (code: string) => string,
  words: Words = zh,
): string {
  const x = barScale([...values.map((v) => v.value), ...(national ? [national.value] : [])]);
  const zero = x(0);
  const mark = national ? `<span class="rank-national-mark" style="left:${x(national.value)}%"></span>` : '';
  const bar = (v: ProvincialValue) => {
    const end = x(v.value);
    return `<span class="rank-bar-cell" aria-hidden="true"><span class="rank-bar${TENTATIVE_STATUSES.includes(v.status) ? ' tentative' : ''}" style="left:${Math.min(zero, end)}%;width:${Math.abs(end - zero)}%"></span>${mark}</span>`;
  };
  const rows: string[] = [];
  let nationalPlaced = !national;
  values.forEach((v, i) => {
    if (!nationalPlaced && national!.value > v.value) {
      rows.push(nationalRow(national!, unit, bar, words));
      nationalPlaced = true;
    }
    const rank = values.filter((o) => o.value > v.value).length + 1;
    rows.push(
      `<li data-code="${escapeXml(v.regionCode)}"><span class="rank-number">${rank}</span><a class="rank-name" href="${escapeXml(regionHref(v.regionCode))}">${escapeXml(shortRegionName(v.region))}</a>` +
        `${bar(v)}<span class="rank-value">${escapeXml(formatValue(v.value, v.decimals, unit))}</span></li>`,
    );
    if (i === values.length - 1 && !nationalPlaced) rows.push(nationalRow(national!, unit, bar, words));
  });
  return rows.join('');
}

function nationalRow(national: ProvincialValue, unit: string, bar: (v: ProvincialValue) => string, words: Words): string {
  return `<li class="rank-national" data-code="${escapeXml(national.regionCode)}"><span class="rank-number"></span><span class="rank-name">${words.explore.rankingNational}</span>${bar(national)}<span class="rank-value">${escapeXml(formatValue(national.value, national.decimals, unit))}</span></li>`;
}

function statusBadge(status: Status, words: Words): string {
  return `<span class="status status-${status}">${words.statusName(status)}</span>`;
}

/** `<tr>` rows of the provincial table (rank, province, value, status, source) and the national footer row. */
export function provincialTableHtml(
  values: ProvincialValue[],
  national: ProvincialValue | undefined,
  sources: Record<string, string>,
  words: Words = zh,
): { body: string; foot: string } {
  const source = (id: string) => `<td class="source"><a href="#source-${escapeXml(id)}">${escapeXml(sources[id] ?? id)}</a></td>`;
  const body = values
    .map(
      (v) =>
        `<tr><td class="num">${values.filter((o) => o.value > v.value).length + 1}</td><th scope="row" class="nowrap">${escapeXml(v.region)}</th>` +
        `<td class="num">${formatNumber(v.value, v.decimals)}</td><td>${statusBadge(v.status, words)}</td>${source(v.source)}</tr>`,
    )
    .join('');
  const foot = national
    ? `<tr><td></td><th scope="row">${words.indicator.national}</th><td class="num">${formatNumber(national.value, national.decimals)}</td><td>${statusBadge(national.status, words)}</td>${source(national.source)}</tr>`
    : '';
  return { body, foot };
}
