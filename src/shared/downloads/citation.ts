// How to cite an indicator or the whole dataset: GB/T 7714-2015 style in Chinese ([DS/OL], the standard's
// type code for a data set) and an APA-like English line, both with the data version and the access date.
import type { IndicatorSpec, ReleaseSpec, SourceSpec } from '../../catalog/schema.ts';

/** What part of the dataset is cited: which regions and years the values cover. */
export interface Coverage {
  national: boolean;
  provincial: boolean;
  from: number;
  to: number;
}

export interface CitationParts {
  release: ReleaseSpec;
  /** Absolute address of the cited page, or a placeholder when the site has no address yet. */
  url: string;
  /** YYYY-MM-DD; readers' own access date (the page fills in today's date). */
  accessed: string;
}

/** Placeholders shown where the page cannot know the value (no JavaScript, or no configured site address). */
export const ACCESS_DATE_PLACEHOLDER = '引用日期';
export const SITE_URL_PLACEHOLDER = '<网站地址>';
/** The same placeholder in the English edition's citations. */
export const SITE_URL_PLACEHOLDER_EN = '<site address>';

function scopeZh(c: Coverage): string {
  const regions = c.national && c.provincial ? '全国及分省' : c.provincial ? '分省' : '全国';
  return c.from === c.to ? `${regions}，${c.from}年` : `${regions}，${c.from}—${c.to}年`;
}

function scopeEn(c: Coverage): string {
  const regions = c.national && c.provincial ? 'national and provincial' : c.provincial ? 'provincial' : 'national';
  return c.from === c.to ? `${regions}, ${c.from}` : `${regions}, ${c.from}–${c.to}`;
}

/** 医改数据. 人口出生率（全国及分省，2001—2025年）[DS/OL]. 数据版本 2026.11.22. (2026-11-22)[2026-11-23]. https://…. */
export function indicatorCitationZh(indicator: IndicatorSpec, coverage: Coverage, p: CitationParts): string {
  return `${p.release.compiler}. ${indicator.name_zh}（${scopeZh(coverage)}）[DS/OL]. 数据版本 ${p.release.version}. (${p.release.date})[${p.accessed}]. ${p.url}.`;
}

export function indicatorCitationEn(indicator: IndicatorSpec, coverage: Coverage, publishers: string[], p: CitationParts): string {
  const year = p.release.date.slice(0, 4);
  const from = publishers.length > 0 ? ` Compiled from official publications of ${publishers.join('; ')}.` : '';
  return `${p.release.compiler_en} (${year}). ${indicator.name_en}, ${scopeEn(coverage)} [Data set]. Version ${p.release.version}.${from} Retrieved ${p.accessed}, from ${p.url}`;
}

export function datasetCitationZh(p: CitationParts): string {
  return `${p.release.compiler}. ${p.release.title}[DS/OL]. 数据版本 ${p.release.version}. (${p.release.date})[${p.accessed}]. ${p.url}.`;
}

export function datasetCitationEn(p: CitationParts): string {
  return `${p.release.compiler_en} (${p.release.date.slice(0, 4)}). ${p.release.title_en} [Data set]. Version ${p.release.version}. Retrieved ${p.accessed}, from ${p.url}`;
}

/** A source whose publisher could not be identified is cited in the value's own row, never as a publisher. */
export const UNIDENTIFIED_PUBLISHER = '未能确认';

/** Publishers in English where the source records one, else in Chinese; each once, in first-seen order. */
export function publishersEn(sources: SourceSpec[]): string[] {
  const known = sources.filter((s) => s.publisher !== UNIDENTIFIED_PUBLISHER);
  return [...new Set(known.map((s) => s.publisher_en))];
}

/** The original publication a value comes from, as the CSVs and tables name it. */
export function sourceCitation(source: SourceSpec): string {
  return `${source.publisher}：${source.title}（${source.year}）`;
}
