// Zod schemas for plan targets (data/targets/<plan-id>.yaml: one plan and its numeric or qualitative targets)
// and reform events (data/events/<year>.yaml). Kept apart from schema.ts, which describes indicators and sources.
import { z } from 'zod';
import { REFORM_AREA_IDS } from '../shared/reform-areas.ts';
import { calendarDate, httpUrl } from './schema.ts';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '应为小写字母、数字和连字符组成的 id，例如 healthy-china-2030');
const yearOrDate = calendarDate('year', 'month', 'day');
const year = z.number().int().min(1949).max(2100);

/** Verification of a target or an event, from the reference's `verified`: yes = two independent sources agree. */
export const VERIFICATIONS = ['verified', 'partial', 'unverified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/**
 * How a target is stated: '>=' 以上/不低于, '>' 超过/高于, '<=' 以下/不高于, '<' 低于, '=' 达到 (a level to reach, in
 * `direction`), '~' 左右, 'relative' a change on a base (提高1岁, 降低30%: assessed when `change` states it, on
 * the level it implies from the series' own baseline value) and 'qualitative' (全覆盖).
 */
export const TARGET_COMPARATORS = ['>=', '>', '<=', '<', '=', '~', 'relative', 'qualitative'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];
const NUMERIC = new Set<TargetComparator>(['>=', '>', '<=', '<', '=', '~']);
export const isNumericComparator = (c: TargetComparator) => NUMERIC.has(c);

/** Where a target or event was read: the reference table's file and line (the mirrors are listed in `via`). */
const ReferenceRow = z.strictObject({ file: z.string().min(1), line: z.number().int().min(2), change: z.string().optional() });

export const TargetSpec = z.strictObject({
  id,
  /** Catalog indicator id, or null when the site has no series for it (then indicator_zh names it). */
  indicator: id.nullable(),
  indicator_zh: z.string().min(1),
  indicator_en: z.string().min(1),
  unit: z.string().min(1),
  /** The unit in English, for the English scorecard (the catalog's unit_en where the target uses the series' unit). */
  unit_en: z.string().min(1),
  baseline: z.strictObject({ year, value: z.number() }).optional(),
  /** A base year the plan names without a value (relative targets: 比2015年降低30%). */
  baseline_year: year.optional(),
  target_year: year,
  comparator: z.enum(TARGET_COMPARATORS),
  value: z.number().optional(),
  /** For '~' (左右): the half-width of "about", in the unit. Default: 5% of the target value. */
  tolerance: z.number().positive().optional(),
  /** Why this target's tolerance differs from the default. */
  tolerance_reason_zh: z.string().min(1).optional(),
  /** For '=': the direction of "reach" (up: reach or exceed; down: fall to or below). */
  direction: z.enum(['up', 'down']).optional(),
  relative_zh: z.string().min(1).optional(),
  /**
   * A relative target exactly as worded (comparator 'relative'): by 'percent' of the baseline value (比2015年降低30%)
   * or by 'units' of the series' own unit (提高3个百分点, 提高1岁), up or down; `about` for 左右. The level it implies
   * is computed from the series' published value in the baseline year, never from a value typed here.
   */
  change: z
    .strictObject({
      by: z.enum(['percent', 'units']),
      amount: z.number().positive(),
      direction: z.enum(['up', 'down']),
      about: z.boolean().optional(),
    })
    .optional(),
  /** 预期性 / 约束性, where the plan's indicator table says so. */
  nature: z.enum(['预期性', '约束性']).optional(),
  verification: z.enum(VERIFICATIONS),
  /** The target's wording as quoted by the source it was read in (outlet in brackets), at most 120 characters. */
  wording_zh: z.string().min(1),
  summary_en: z.string().min(1),
  /** False when the target's definition differs from our series, or it cannot be compared: then say why. */
  drawable: z.boolean(),
  not_drawn_reason_zh: z.string().min(1).optional(),
  not_drawn_reason_en: z.string().min(1).optional(),
  /** Mirror pages the target was read on (not the publication itself). */
  via: z.array(httpUrl).default([]),
  reference: ReferenceRow.optional(),
});
export type TargetSpec = z.infer<typeof TargetSpec>;

/** The plan itself, as a source entry: its own title, issuer, document number and date of issue. */
export const PlanSpec = z.strictObject({
  id,
  short_zh: z.string().min(1),
  short_en: z.string().min(1),
  title_zh: z.string().min(1),
  title_en: z.string().min(1),
  issuer_zh: z.string().min(1),
  issuer_en: z.string().min(1),
  doc_number: z.string().min(1).optional(),
  date: yearOrDate,
  note_zh: z.string().min(1).optional(),
  targets: z.array(TargetSpec).min(1),
});
export type PlanSpec = z.infer<typeof PlanSpec>;

export const EventSpec = z.strictObject({
  id,
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the sources allow; `precision` says which. */
  date: yearOrDate,
  precision: z.enum(['year', 'month', 'day']),
  title_zh: z.string().min(1),
  title_en: z.string().min(1),
  /** Short marker label for charts. */
  label_zh: z.string().min(1).max(16),
  label_en: z.string().min(1).max(40),
  doc_number: z.string().min(1).optional(),
  issuer_zh: z.string().min(1),
  issuer_en: z.string().min(1),
  area: z.enum(REFORM_AREA_IDS),
  /** The reference table's own area (framework, population, ...), kept because it is finer for plans and laws. */
  reference_area: z.string().min(1).optional(),
  kind: z.enum(['plan', 'guideline', 'policy', 'program', 'law', 'regulation', 'institution', 'event']),
  summary_zh: z.string().min(1),
  summary_en: z.string().min(1),
  figures_zh: z.string().min(1).optional(),
  /** Catalog indicator ids whose series this event bears on. */
  indicators: z.array(id).default([]),
  verification: z.enum(VERIFICATIONS),
  /** The original: who issued it and the document's own title. */
  source: z.strictObject({ publisher_zh: z.string().min(1), publisher_en: z.string().min(1), title_zh: z.string().min(1) }),
  via: z.array(httpUrl).default([]),
  note_zh: z.string().min(1).optional(),
  reference: ReferenceRow.optional(),
});
export type EventSpec = z.infer<typeof EventSpec>;

export const EventYearSpec = z.strictObject({ year, events: z.array(EventSpec).min(1) });
export type EventYearSpec = z.infer<typeof EventYearSpec>;
