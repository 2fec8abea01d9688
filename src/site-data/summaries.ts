// Facts the indicator page states about a published series, computed once here rather than in templates:
// what each source provides, which statuses occur, what replaced an earlier release, the chart legend.
import type { SourceSpec, Status } from '../catalog/schema.ts';
import type { PublishedSeries, PublishedValue } from '../pipeline/publication.ts';
import { STATUSES } from '../catalog/schema.ts';
import { isTentative, TENTATIVE_STATUSES } from '../shared/charts/points.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';

export interface SourceContribution {
  id: string;
  national: PublishedValue[];
  /** Provincial values by year: how many provinces this source gives for each year. */
  provincialByYear: { year: number; count: number }[];
  earlier: PublishedValue[];
}

export function sourceContributions(series: PublishedSeries): SourceContribution[] {
  return Object.keys(series.sources).map((id) => {
    const own = series.values.filter((v) => v.source === id);
    const national = own.filter((v) => v.regionCode === NATIONAL_CODE).sort((a, b) => a.year - b.year);
    const counts = new Map<number, number>();
    for (const v of own) if (v.regionCode !== NATIONAL_CODE) counts.set(v.year, (counts.get(v.year) ?? 0) + 1);
    const provincialByYear = [...counts].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count }));
    const earlier = series.earlierReleases.filter((v) => v.source === id).sort((a, b) => a.year - b.year || a.regionCode.localeCompare(b.regionCode));
    return { id, national, provincialByYear, earlier };
  });
}

/** Statuses that occur in the series, in the schema's order, for the explanation list. */
export function statusesUsed(series: PublishedSeries): Status[] {
  const used = new Set([...series.values, ...series.earlierReleases].map((v) => v.status));
  return STATUSES.filter((s) => used.has(s));
}

/** The value now in force for the region and year of an earlier release. */
export function valueInForce(series: PublishedSeries, earlier: PublishedValue): PublishedValue | undefined {
  return series.values.find((v) => v.regionCode === earlier.regionCode && v.year === earlier.year);
}

export function lineLegend(values: PublishedValue[], breakYears: number[], words: Words = zh) {
  const items: { kind: 'firm' | 'tentative' | 'break'; text: string }[] = [];
  if (values.some((v) => !isTentative(v))) items.push({ kind: 'firm', text: words.chart.legendFirm });
  // A hollow dot is also a bound or a level ("95%以上"), which may well be cross-checked: the legend says which.
  const tentative = values.some((v) => TENTATIVE_STATUSES.includes(v.status));
  const bounded = values.some((v) => v.comparator !== undefined);
  const hollow = tentative && bounded ? words.chart.legendTentativeOrBound : bounded ? words.chart.legendBound : words.chart.legendTentative;
  if (values.some(isTentative)) items.push({ kind: 'tentative', text: hollow });
  if (breakYears.length > 0) items.push({ kind: 'break', text: words.chart.legendBreak });
  return items;
}

export function rankingLegend(values: PublishedValue[], hasNational: boolean, words: Words = zh) {
  const items: { kind: 'national' | 'bar-tentative'; text: string }[] = [];
  if (hasNational) items.push({ kind: 'national', text: words.chart.legendNational });
  if (values.some(isTentative)) items.push({ kind: 'bar-tentative', text: words.chart.legendBarTentative });
  return items;
}

/** 2001—2019年、2021年、2024年: consecutive years joined into ranges. */
export function yearRanges(years: number[], words: Words = zh): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? words.yearRange(sorted[i]!, sorted[j]!) : words.year(sorted[i]!));
    i = j + 1;
  }
  return parts.join(words.listSeparator);
}

/** '分省数值651个：2001—2019年、2021年、2024年，每年31个省份' */
export function provincialSummary(byYear: { year: number; count: number }[], words: Words = zh): string {
  const total = byYear.reduce((sum, y) => sum + y.count, 0);
  const counts = new Set(byYear.map((y) => y.count));
  const perYear = counts.size === 1 ? words.indicator.sourceProvincialPerYear(byYear[0]!.count) : '';
  return words.indicator.sourceProvincial(
    total,
    yearRanges(
      byYear.map((y) => y.year),
      words,
    ),
    perYear,
  );
}

/** A source's short name: its title, with the edition year added when another source has the same title. */
export function sourceLabel(id: string, sources: Record<string, SourceSpec>, words: Words = zh): string {
  const source = sources[id];
  if (!source) return id;
  const sameTitle = Object.values(sources).filter((s) => s.title === source.title);
  return sameTitle.length > 1 ? words.indicator.sourceEdition(source.title, source.year) : source.title;
}

/**
 * What the indicator page shows before the reader changes anything, as "download the data shown" blocks:
 * the national line over all its years, and the provinces in the latest provincial year.
 */
export function defaultShownBlocks(series: PublishedSeries): { regions: string[]; from: number; to: number }[] {
  const blocks: { regions: string[]; from: number; to: number }[] = [];
  const nationalYears = series.values.filter((v) => v.regionCode === NATIONAL_CODE).map((v) => v.year);
  if (nationalYears.length) blocks.push({ regions: [NATIONAL_CODE], from: Math.min(...nationalYears), to: Math.max(...nationalYears) });
  const provincial = series.values.filter((v) => v.regionCode !== NATIONAL_CODE);
  if (provincial.length) {
    const year = Math.max(...provincial.map((v) => v.year));
    const regions = [...new Set(provincial.filter((v) => v.year === year).map((v) => v.regionCode))].sort();
    blocks.push({ regions, from: year, to: year });
  }
  return blocks;
}
