// One zod schema per concept: an indicator (data/catalog/<id>.yaml) and a source (data/sources/<id>.yaml).
import { z } from 'zod';
import { REFORM_AREA_IDS } from './areas.ts';

/** Verification status of a published value, shown to readers beside it. */
export const STATUSES = ['cross-checked', 'single-source', 'preliminary', 'revised', 'superseded'] as const;
export type Status = (typeof STATUSES)[number];

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '应为小写字母、数字和连字符组成的 id，例如 birth-rate');

export const SeriesBreak = z.strictObject({
  year: z.number().int(),
  note: z.string().min(1),
});

export const IndicatorSpec = z.strictObject({
  id,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  /** Unit exactly as written in Chinese statistical publications: ‰, %, 1/10万, 万人, 亿元, 元, 岁, 张, 人. */
  unit: z.string().min(1),
  /** Unit in English, for the English names and citations. */
  unit_en: z.string().min(1),
  decimals: z.number().int().min(0).max(4),
  area: z.enum(REFORM_AREA_IDS),
  definition: z.string().min(1),
  definition_en: z.string().min(1).optional(),
  /** Labels the indicator goes by in input files, besides name_zh (e.g. 平均预期寿命, 新型农村合作医疗参合率). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Source ids (data/sources/<id>.yaml) whose values this indicator publishes. */
  sources: z.array(id).min(1),
  notes: z.array(z.string().min(1)).default([]),
  breaks: z.array(SeriesBreak).default([]),
  /** Position within its area on the home page. */
  order: z.number().int().default(100),
});
export type IndicatorSpec = z.infer<typeof IndicatorSpec>;

export const SourceSpec = z.strictObject({
  id,
  /** The publication's own title, e.g. 《2023年我国卫生健康事业发展统计公报》. */
  title: z.string().min(1),
  title_en: z.string().min(1).optional(),
  publisher: z.string().min(1),
  publisher_en: z.string().min(1).optional(),
  /** Year the publication was issued. */
  year: z.number().int().min(1949).max(2100),
  /** Date issued, when known (YYYY-MM-DD or YYYY-MM). */
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional(),
  /** Official address of the publication, when known. */
  url: z.url().optional(),
  /** Where the figures were actually read (mirror, reprint, export), when not the publication itself. */
  via: z.string().min(1).optional(),
  notes: z.array(z.string().min(1)).default([]),
});
export type SourceSpec = z.infer<typeof SourceSpec>;
