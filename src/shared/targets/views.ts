// Plans and events as the site shows them: each target with its status (status.ts) and the sentences beside
// it; each event in the agreed EventView shape. Pure, so the build, the downloads and the tests share it.
import type { EventSpec, PlanSpec, TargetSpec } from '../../catalog/targets-schema.ts';
import type { ReformAreaId } from '../reform-areas.ts';
import { zh } from '../i18n/zh.ts';
import { targetStatus, toleranceOf, type Actual } from './status.ts';
import { statusNoteEn, statusNoteZh } from './notes.ts';
import type { EventView, PlanView, TargetView } from './types.ts';

/** What a target needs to know about its indicator: published by the data pipeline. */
export interface IndicatorFacts {
  area: ReformAreaId;
  unit: string;
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
    },
    facts?.actuals ?? [],
    facts?.breakYears ?? [],
    asOfYear,
  );
  const context = { unit: facts?.unit ?? t.unit, decimals };
  let noteZh = statusNoteZh(result, context);
  let noteEn = statusNoteEn(result, context);
  if (result.reason === 'not-drawable') [noteZh, noteEn] = [t.not_drawn_reason_zh ?? '', t.not_drawn_reason_en ?? ''];
  if (result.reason === 'target-year-missing')
    [noteZh, noteEn] = [
      zh.targets.notes.targetYearMissing(zh.year(t.target_year)),
      `No actual value for the target year ${t.target_year} has been published yet.`,
    ];
  const latest = facts?.actuals.reduce<Actual | undefined>((a, b) => (!a || b.year > a.year ? b : a), undefined);
  const tolerance = toleranceOf(t);
  return {
    id: t.id,
    indicatorId: t.indicator ?? '',
    plan: planView(plan),
    ...(t.baseline ? { baseline: t.baseline } : {}),
    targetYear: t.target_year,
    comparator: SHOWN[t.comparator],
    ...(t.value !== undefined ? { value: t.value } : {}),
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
    area: facts?.area ?? null,
    statedComparator: t.comparator,
    ...(t.direction ? { direction: t.direction } : {}),
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
    issuer_zh: e.issuer_zh,
    area: e.area,
    indicators: e.indicators,
    verification: e.verification,
    kind: e.kind,
    summary_zh: e.summary_zh,
    ...(e.summary_en ? { summary_en: e.summary_en } : {}),
    ...(e.figures_zh ? { figures_zh: e.figures_zh } : {}),
    ...(e.note_zh ? { note_zh: e.note_zh } : {}),
    source: e.source,
    via: e.via,
  };
}
