// /data/<id>.json: one indicator's values and everything needed to use them without the site: definition,
// unit, sources, earlier releases, data version and citations. Field names match the CSV columns.
import { valueNoteIn } from '../../shared/i18n/lang.ts';
import type { PublishedSeries, PublishedValue } from '../publication.ts';
import type { TargetView } from '../../shared/targets/types.ts';
import { csvComparator } from './targets.ts';
import { NATIONAL_CODE } from '../../shared/national-code.ts';
import { decimalText } from '../ingest/tidy-output.ts';
import { type CitationParts, type Coverage, indicatorCitationEn, indicatorCitationZh, publishersEn } from '../../shared/downloads/citation.ts';

export function coverage(series: PublishedSeries): Coverage {
  const years = series.values.map((v) => v.year);
  return {
    national: series.values.some((v) => v.regionCode === NATIONAL_CODE),
    provincial: series.values.some((v) => v.regionCode !== NATIONAL_CODE),
    from: years.length ? Math.min(...years) : 0,
    to: years.length ? Math.max(...years) : 0,
  };
}

function row(v: PublishedValue) {
  return {
    region_code: v.regionCode,
    region: v.region,
    year: v.year,
    value: v.value,
    // The value as published (decimals kept): 5.30 stays "5.30" where the number 5.3 would lose the zero.
    value_text: decimalText(v.value, v.decimals),
    ...(v.comparator ? { comparator: v.comparator } : {}),
    status: v.status,
    source_id: v.source,
    source_file: v.sourceFile,
    source_line: v.sourceLine,
    ...(v.note ? { note: v.note } : {}),
    // notes-en: the note as the English pages show it (the note itself when it is written in English).
    ...(v.note ? { note_en: valueNoteIn('en', v) } : {}),
  };
}

/** A plan target in the indicator's JSON: the same fields as targets.csv. */
function targetRow(t: TargetView) {
  return {
    target_id: t.id,
    plan_id: t.plan.id,
    plan: t.plan.title_zh,
    plan_en: t.plan.title_en,
    issuer: t.plan.issuer_zh,
    ...(t.plan.docNumber ? { doc_number: t.plan.docNumber } : {}),
    plan_date: t.plan.date,
    ...(t.baseline ? { baseline_year: t.baseline.year, baseline_value: t.baseline.value } : {}),
    target_year: t.targetYear,
    comparator: csvComparator(t.statedComparator),
    ...(t.value !== undefined ? { target_value: t.value } : {}),
    ...(t.direction ? { direction: t.direction } : {}),
    ...(t.tolerance !== undefined ? { tolerance: t.tolerance } : {}),
    ...(t.nature ? { nature: t.nature } : {}),
    verification: t.verification,
    wording: t.wording_zh,
    drawable: t.drawable,
    ...(t.notDrawnReason_zh ? { not_drawn_reason: t.notDrawnReason_zh } : {}),
    status: t.status,
    status_note: t.statusNote_zh,
    status_note_en: t.statusNote_en,
  };
}

export function seriesJson(series: PublishedSeries, parts: CitationParts, targets: TargetView[] = []): string {
  const { indicator } = series;
  const cover = coverage(series);
  const doc = {
    id: indicator.id,
    name_zh: indicator.name_zh,
    name_en: indicator.name_en,
    unit: indicator.unit,
    unit_en: indicator.unit_en,
    definition: indicator.definition,
    definition_en: indicator.definition_en,
    notes: indicator.notes,
    notes_en: indicator.notes_en,
    /** Each break with its note in Chinese and English (note_en). */
    breaks: indicator.breaks,
    data_version: parts.release.version,
    data_date: parts.release.date,
    licence: parts.release.licence,
    citation: {
      zh: indicatorCitationZh(indicator, cover, parts),
      en: indicatorCitationEn(indicator, cover, publishersEn(Object.values(series.sources)), parts),
    },
    sources: Object.values(series.sources),
    values: series.values.map(row),
    earlier_releases: series.earlierReleases.map(row),
    targets: targets.map(targetRow),
  };
  return JSON.stringify(doc, null, 1) + '\n';
}
