// One zod schema per concept: an indicator (data/catalog/<id>.yaml) and a source (data/sources/<id>.yaml).
import { z } from 'zod';
import { REFORM_AREA_IDS } from '../shared/reform-areas.ts';
import { needsEnglish } from '../shared/i18n/needs-english.ts';

// Every data problem is told in Chinese, by file and field: zod's own messages too (an event's label_zh of 17
// characters was told "Too big: expected string to have <=16 characters" among the Chinese lines, hostile25).
z.config(z.locales.zhCN());

/** Verification status of a published value, shown to readers beside it. */
export const STATUSES = ['cross-checked', 'single-source', 'preliminary', 'revised', 'superseded'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * How a published value relates to the true figure, when the publisher states a bound or a level rather than a
 * figure: '>=' for a floor ("稳定在95%以上"), '>' ("超过13亿"), '<=' and '<' for ceilings, '~' for "左右" or "约".
 * A value without one is the figure itself. Written in the raw CSV's `comparator` column (empty or '=' = exact).
 */
export const COMPARATORS = ['>=', '>', '<=', '<', '~'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/**
 * An address readers may follow: http or https only. z.url() alone accepts javascript:, data: and file:, which
 * would become live links on the pages and in the downloads. Shared by every schema with a url field.
 */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: '应为 http:// 或 https:// 开头的网址' })
  // The URL parser drops line breaks, tabs and outer spaces, so z.url() passes them; the text as written is
  // what is shown and cited, so it must be the address itself (hostile24).
  .regex(/^[^\s\u0000-\u001f\u007f-\u009f]+$/, '网址中不能有空格、换行或控制字符')
  // Invisible format characters (bidi overrides, zero-width spaces) make the address shown differ from the one
  // followed, and a backslash is read as a slash by browsers (https://a.com\@b.com goes to a.com) (hostile25).
  .regex(/^[^\\\p{Cf}]+$/u, '网址中不能有反斜杠或不可见的格式字符（如 U+202E、U+200B）')
  // A user name or password before the host shows one site and opens another (https://www.nhc.gov.cn@evil.com/
  // goes to evil.com), and a password has no place in a published citation.
  .regex(/^(?!https?:\/\/[^/?#]*@)/i, '网址中不能有用户名或密码（主机名前带 @ 的部分）')
  // A host in other scripts can pass for a familiar one (www.nhс.gov.cn with a Cyrillic с): the host is written in
  // ASCII, an internationalized name in the xn-- form the browser actually asks for.
  .regex(/^(?!https?:\/\/[^/?#]*[^\x00-\x7f])/i, '网址的主机名应只用 ASCII 字符：国际化域名请写成 xn-- 形式');

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '应为小写字母、数字和连字符组成的 id，例如 birth-rate');

const DATE_FORMS = { year: ['YYYY', /^\d{4}$/], month: ['YYYY-MM', /^\d{4}-\d{2}$/], day: ['YYYY-MM-DD', /^\d{4}-\d{2}-\d{2}$/] } as const;

/**
 * A date at the precision the sources allow, in the given forms. The form alone passed 2025-02-30 and 2015-13-45,
 * published as written (2015年13月45日; in English "45  2015"): month and day must exist in the calendar (hostile25).
 */
export function calendarDate(...forms: (keyof typeof DATE_FORMS)[]) {
  const names = forms.map((f) => DATE_FORMS[f][0]);
  const expected = `应为 ${names.length > 1 ? `${names.slice(0, -1).join('、')} 或 ${names.at(-1)}` : names[0]}`;
  return z.string().superRefine((text, ctx) => {
    if (!forms.some((f) => DATE_FORMS[f][1].test(text))) return ctx.addIssue({ code: 'custom', message: `${expected}，实际为 ${text}` });
    const [year, month, day] = text.split('-').map(Number) as [number, number?, number?];
    if (month !== undefined && (month < 1 || month > 12)) ctx.addIssue({ code: 'custom', message: `${text} 没有这个月份（应为 01 到 12）` });
    else if (month !== undefined && day !== undefined) {
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > days) ctx.addIssue({ code: 'custom', message: `${text} 没有这一天（${year}年${month}月有 ${days} 天）` });
    }
  });
}

/**
 * Longest units: a chart's axis label is one line of 12 px text from the left edge, and at 360 px the longest label
 * (the comparison's 比2015年的变化，单位：… or Change since 2015, …) must fit; statistical units are short words
 * (the catalog's longest are 亿人次 and per 100,000 live births).
 */
export const UNIT_MAX = 12;
export const UNIT_EN_MAX = 30;

export const SeriesBreak = z.strictObject({
  year: z.number().int(),
  note: z.string().min(1),
  /** Required: English pages and charts show it (issue 17). */
  note_en: z.string().min(1),
});

export const IndicatorSpec = z
  .strictObject({
    id,
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    /** Unit exactly as written in Chinese statistical publications: ‰, %, 1/10万, 万人, 亿元, 元, 岁, 张, 人. */
    unit: z.string().min(1).max(UNIT_MAX, `单位最长 ${UNIT_MAX} 个字：图表的轴标签（比2015年的变化，单位：…）在 360 px 宽的屏幕上要放得下`),
    /** Unit in English, for the English names and citations. */
    unit_en: z
      .string()
      .min(1)
      .max(UNIT_EN_MAX, `unit_en 最长 ${UNIT_EN_MAX} 个字符：图表的轴标签（Change since 2015, …）在 360 px 宽的屏幕上要放得下`),
    decimals: z.number().int().min(0).max(4),
    area: z.enum(REFORM_AREA_IDS),
    definition: z.string().min(1),
    /** Required: the English edition shows it on the indicator page (issue 17). */
    definition_en: z.string().min(1),
    /** Labels the indicator goes by in input files, besides name_zh (e.g. 平均预期寿命, 新型农村合作医疗参合率). */
    aliases: z.array(z.string().min(1)).default([]),
    /** Source ids (data/sources/<id>.yaml) whose values this indicator publishes. */
    sources: z.array(id).min(1),
    notes: z.array(z.string().min(1)).default([]),
    /** The notes in English, one for one with notes (same order): required, so a note cannot go untranslated. */
    notes_en: z.array(z.string().min(1)),
    breaks: z.array(SeriesBreak).default([]),
    /** Position within its area on the home page. */
    order: z.number().int().default(100),
  })
  .refine((spec) => spec.notes_en.length === spec.notes.length, {
    path: ['notes_en'],
    error: (issue) => {
      const spec = issue.input as { notes: string[]; notes_en: string[] };
      return `notes_en 应与 notes 一一对应：notes 有 ${spec.notes.length} 条，notes_en 有 ${spec.notes_en.length} 条`;
    },
  });
export type IndicatorSpec = z.infer<typeof IndicatorSpec>;

export const SourceSpec = z
  .strictObject({
    id,
    /** The publication's own title, e.g. 《2023年我国卫生健康事业发展统计公报》. */
    title: z.string().min(1),
    /** The English title the English edition cites: the publisher's own where one exists, otherwise ours. */
    title_en: z.string().min(1),
    /** Whose English title it is: `official` (the publisher's own English edition) or `ours` (our translation, shown
     * marked as such with the Chinese title beside it). */
    title_en_by: z.enum(['official', 'ours']),
    publisher: z.string().min(1),
    publisher_en: z.string().min(1),
    /** Year the publication was issued. */
    year: z.number().int().min(1949).max(2100),
    /** Date issued, when known (YYYY-MM-DD or YYYY-MM). */
    date: calendarDate('day', 'month').optional(),
    /** Official address of the publication, when known. */
    url: httpUrl.optional(),
    /** Where the figures were actually read (mirror, reprint, export), when not the publication itself. */
    via: z.string().min(1).optional(),
    /** notes-en: `via` in English, required when `via` has Chinese in it (needsEnglish); the English pages show it. */
    via_en: z.string().min(1).optional(),
    notes: z.array(z.string().min(1)).default([]),
    /** The notes in English, one for one with notes (same order), as the catalog's notes_en. */
    notes_en: z.array(z.string().min(1)).default([]),
  })
  .refine((spec) => spec.notes_en.length === spec.notes.length, {
    path: ['notes_en'],
    error: (issue) => {
      const spec = issue.input as { notes?: string[]; notes_en?: string[] };
      return `notes_en 应与 notes 一一对应：notes 有 ${spec.notes?.length ?? 0} 条，notes_en 有 ${spec.notes_en?.length ?? 0} 条`;
    },
  })
  .refine((spec) => !needsEnglish(spec.via) || spec.via_en !== undefined, {
    path: ['via_en'],
    error: 'via 含中文，应有英文 via_en（英文页显示）',
  })
  // The citation prints the year (国家统计局：…（2023）), the source list the date: they must be one year (hostile25).
  .refine((spec) => spec.date === undefined || spec.date.slice(0, 4) === String(spec.year), {
    path: ['date'],
    error: (issue) => {
      const spec = issue.input as { year?: number; date?: string };
      return `日期 ${spec.date} 与发布年份 year（${spec.year}）不一致`;
    },
  });
export type SourceSpec = z.infer<typeof SourceSpec>;

/** data/release.yaml: the data version readers cite, its date, the licence and where the site is published. */
export const ReleaseSpec = z.strictObject({
  /** Bump whenever a published value, source or definition changes; cited as 数据版本. */
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, '应为 YYYY.MM.DD 或 YYYY.MM.DD.N，例如 2026.11.22'),
  date: z.iso.date(),
  title: z.string().min(1),
  title_en: z.string().min(1),
  /** The compiler named in citations (GB/T 7714 主要责任者). */
  compiler: z.string().min(1),
  compiler_en: z.string().min(1),
  licence: z.strictObject({
    name: z.string().min(1),
    title: z.string().min(1),
    path: httpUrl,
    /** Both languages, as the README and the Chinese page show it. */
    note: z.string().min(1),
    /** The English part alone, for the English page. */
    note_en: z.string().min(1),
  }),
  /** The published site's address, once it has one; until then citations show a placeholder the reader fills in. */
  site_url: httpUrl.optional(),
});
export type ReleaseSpec = z.infer<typeof ReleaseSpec>;
