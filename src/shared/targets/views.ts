// Plans and events as the site shows them: each target with its status (status.ts) and the sentences beside
// it; each event in the agreed EventView shape. Pure, so the build, the downloads and the tests share it.
import type { EventSpec, PlanSpec, TargetSpec } from '../../catalog/targets-schema.ts';
import type { ReformAreaId } from '../reform-areas.ts';
import { zh } from '../i18n/zh.ts';
import { en } from '../i18n/en.ts';
import { targetStatus, toleranceOf, type Actual } from './status.ts';
import { statusNoteEn, statusNoteZh } from './notes.ts';
import type { EventView, PlanView, TargetView } from './types.ts';

/** What a target needs to know about its indicator: published by the data pipeline. */
export interface IndicatorFacts {
  area: ReformAreaId;
  unit: string;
  unit_en: string;
  decimals: number;
  breakYears: number[];
  /** National actuals, any order. */
  actuals: Actual[];
}

export function planView(plan: PlanSpec): PlanView {
  return {
    id: plan.id,
    short_zh: plan.short_zh,
    short_en: plan.short_en,
    title_zh: plan.title_zh,
    title_en: plan.title_en,
    issuer_zh: plan.issuer_zh,
    issuer_en: plan.issuer_en,
    ...(plan.doc_number ? { docNumber: plan.doc_number } : {}),
    date: plan.date,
  };
}

const SHOWN: Record<TargetSpec['comparator'], TargetView['comparator']> = {
  '>=': '>=',
  '>': '>=',
  '<=': '<=',
  '<': '<=',
  '=': '=',
  '~': '~',
  relative: 'qualitative',
  qualitative: 'qualitative',
};

export function targetView(plan: PlanSpec, t: TargetSpec, facts: IndicatorFacts | undefined, asOfYear: number): TargetView {
  const decimals = facts?.decimals ?? 2;
  const result = targetStatus(
    {
      comparator: t.comparator,
      value: t.value,
      direction: t.direction,
      tolerance: t.tolerance,
      baseline: t.baseline,
      targetYear: t.target_year,
      issuedYear: Number(plan.date.slice(0, 4)),
      drawable: t.drawable,
      hasSeries: facts !== undefined,
      ...(t.change ? { change: t.change } : {}),
      ...(t.baseline_year !== undefined ? { baselineYear: t.baseline_year } : {}),
    },
    facts?.actuals ?? [],
    facts?.breakYears ?? [],
    asOfYear,
  );
  const context = { unit: facts?.unit ?? t.unit, unit_en: facts?.unit_en ?? t.unit_en, decimals };
  let noteZh = statusNoteZh(result, context);
  let noteEn = statusNoteEn(result, context);
  if (result.reason === 'not-drawable') [noteZh, noteEn] = [t.not_drawn_reason_zh ?? '', t.not_drawn_reason_en ?? ''];
  if (result.reason === 'target-year-missing')
    [noteZh, noteEn] = [zh.targets.notes.targetYearMissing(zh.year(t.target_year)), en.targets.notes.targetYearMissing(String(t.target_year))];
  // A relative target shows the level it implies (from the published baseline) as its value, so charts draw it.
  const implied = result.impliedValue !== undefined && t.change;
  const baseline = implied ? { year: result.baselineYear!, value: result.baselineValue! } : t.baseline;
  const value = implied ? result.impliedValue : t.value;
  const latest = facts?.actuals.reduce<Actual | undefined>((a, b) => (!a || b.year > a.year ? b : a), undefined);
  const tolerance = implied ? result.tolerance : toleranceOf(t);
  return {
    id: t.id,
    indicatorId: t.indicator ?? '',
    plan: planView(plan),
    ...(baseline ? { baseline } : {}),
    targetYear: t.target_year,
    comparator: implied ? (t.change!.about ? '~' : '=') : SHOWN[t.comparator],
    ...(value !== undefined ? { value } : {}),
    ...(tolerance !== undefined ? { tolerance } : {}),
    ...(t.nature ? { nature: t.nature } : {}),
    verification: t.verification,
    wording_zh: t.wording_zh,
    drawable: t.drawable,
    ...(t.not_drawn_reason_zh ? { notDrawnReason_zh: t.not_drawn_reason_zh } : {}),
    ...(t.not_drawn_reason_en ? { notDrawnReason_en: t.not_drawn_reason_en } : {}),
    status: result.status,
    statusNote_zh: noteZh,
    statusNote_en: noteEn,
    ...(latest ? { latest: { year: latest.year, value: latest.value } } : {}),
    ...(latest?.comparator ? { latestComparator: latest.comparator } : {}),
    indicator_zh: t.indicator_zh,
    indicator_en: t.indicator_en,
    unit: facts?.unit ?? t.unit,
    unit_en: facts?.unit_en ?? t.unit_en,
    area: facts?.area ?? null,
    statedComparator: t.comparator,
    ...(t.direction || t.change ? { direction: t.direction ?? t.change!.direction } : {}),
    ...(t.change ? { change: { ...t.change, baselineYear: (t.baseline?.year ?? t.baseline_year)! } } : {}),
    ...(t.relative_zh ? { relative_zh: t.relative_zh } : {}),
    summary_en: t.summary_en,
    via: t.via,
    ...(t.tolerance_reason_zh ? { toleranceReason_zh: t.tolerance_reason_zh } : {}),
    ...(result.judgedOn ? { judgedOn: result.judgedOn } : {}),
    ...(result.pathValue !== undefined ? { pathValue: result.pathValue } : {}),
    decimals,
  };
}

/** Every target of every plan, plans in date order, targets in file order. */
export function targetViews(plans: PlanSpec[], facts: Map<string, IndicatorFacts>, asOfYear: number): TargetView[] {
  return [...plans]
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .flatMap((plan) => plan.targets.map((t) => targetView(plan, t, t.indicator ? facts.get(t.indicator) : undefined, asOfYear)));
}

export function eventView(e: EventSpec): EventView {
  return {
    id: e.id,
    date: e.date,
    precision: e.precision,
    year: Number(e.date.slice(0, 4)),
    title_zh: e.title_zh,
    title_en: e.title_en,
    label_zh: e.label_zh,
    label_en: e.label_en,
    ...(e.doc_number ? { docNumber: e.doc_number } : {}),
    issuer_en: e.issuer_en,
    issuer_zh: e.issuer_zh,
    area: e.area,
    indicators: e.indicators,
    verification: e.verification,
    kind: e.kind,
    summary_zh: e.summary_zh,
    summary_en: e.summary_en,
    ...(e.figures_zh ? { figures_zh: e.figures_zh } : {}),
    ...(e.note_zh ? { note_zh: e.note_zh } : {}),
    source: e.source,
    via: e.via,
  };
}
