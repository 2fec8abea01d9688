// The shapes of targets and reform events as pages and charts use them (browser-safe: types only).
// Agreed with the indicator chart (helper "charts"); fields after the agreed ones are additions.
import type { ReformAreaId } from '../reform-areas.ts';

/** 'not-assessed' = qualitative or relative target, definition differs from our series, or no series at all. */
export type TargetStatus = 'met' | 'not-met' | 'on-track' | 'off-track' | 'no-data' | 'series-break' | 'not-assessed';
export const TARGET_STATUSES: TargetStatus[] = ['met', 'not-met', 'on-track', 'off-track', 'no-data', 'series-break', 'not-assessed'];

export type Verification = 'verified' | 'partial' | 'unverified';

export interface PlanView {
  id: string;
  short_zh: string;
  short_en: string;
  title_zh: string;
  title_en: string;
  issuer_zh: string;
  issuer_en: string;
  docNumber?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
}

export interface TargetView {
  id: string;
  /** Catalog indicator id; '' when the site has no series for this target (see indicator_zh). */
  indicatorId: string;
  plan: PlanView;
  baseline?: { year: number; value: number };
  targetYear: number;
  /** '>' and '<' in the data are shown as '>=' and '<=' here; the status rule keeps them strict. */
  comparator: '>=' | '<=' | '=' | '~' | 'qualitative';
  value?: number;
  tolerance?: number;
  nature?: string;
  verification: Verification;
  wording_zh: string;
  drawable: boolean;
  notDrawnReason_zh?: string;
  notDrawnReason_en?: string;
  status: TargetStatus;
  statusNote_zh: string;
  statusNote_en: string;
  /** The latest national actual. */
  latest?: { year: number; value: number };
  // Additions beyond the agreed shape:
  indicator_zh: string;
  indicator_en: string;
  unit: string;
  unit_en: string;
  /** The indicator's reform area, or null when the site has no series for it. */
  area: ReformAreaId | null;
  /** The comparator exactly as the plan states it ('>' 超过, 'relative' 提高1岁 ...). */
  statedComparator: string;
  /** For '=' targets: reach upward or downward. */
  direction?: 'up' | 'down';
  relative_zh?: string;
  /** A relative target's change as worded; then `value` and `baseline` are the implied level and the series' own baseline value. */
  change?: { by: 'percent' | 'units'; amount: number; direction: 'up' | 'down'; about?: boolean; baselineYear: number };
  summary_en: string;
  /** Mirror pages the target was read on (the plan itself is the source). */
  via: string[];
  /** Why a recorded 左右 tolerance differs from the default. */
  toleranceReason_zh?: string;
  /** The actual the status was judged on, with its bound when published as one (95%以上). */
  judgedOn?: { year: number; value: number; comparator?: string };
  /** The straight-path value at judgedOn.year (on/off track only). */
  pathValue?: number;
  /** The latest actual's published bound, when it is one (95%以上: '>='). */
  latestComparator?: string;
  /** Decimals of the indicator, for formatting. */
  decimals: number;
}

export interface EventView {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  precision: 'year' | 'month' | 'day';
  year: number;
  title_zh: string;
  title_en: string;
  /** Short marker label. */
  label_zh: string;
  label_en: string;
  docNumber?: string;
  issuer_zh: string;
  issuer_en: string;
  area: ReformAreaId;
  indicators: string[];
  verification: Verification;
  // Additions:
  kind: string;
  summary_zh: string;
  summary_en: string;
  figures_zh?: string;
  note_zh?: string;
  source: { publisher_zh: string; publisher_en: string; title_zh: string };
  via: string[];
}
