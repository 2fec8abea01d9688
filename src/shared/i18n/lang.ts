// The two editions: Chinese at the site's root, English under /en/. Every page route is one file under a rest
// parameter `[...lang]` (undefined for Chinese, 'en' for English), so a page is written once and built twice.
import { en } from './en.ts';
import { zh, type Words } from './zh.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function wordsFor(lang: Lang): Words {
  return lang === 'en' ? en : zh;
}

/** The rest parameter's value for a language: no prefix for Chinese, `en` for English. */
export function langParam(lang: Lang): string | undefined {
  return lang === 'en' ? 'en' : undefined;
}

/** The language of a route's `lang` parameter (anything but 'en' is the Chinese default). */
export function langOf(param: string | undefined): Lang {
  return param === 'en' ? 'en' : 'zh';
}

/** getStaticPaths for a page with no other parameters: one path per language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}

/**
 * Page kinds (the first path segment) with no English edition. Every kind has one now (indicators and regions
 * under /en/indicators/ and /en/regions/, embeds and pictures under /en/embed/ and /en/pictures/); a kind added
 * here again would make English pages link to its Chinese pages, and those pages name no English twin.
 */
const CHINESE_ONLY = new Set<string>([]);

/** Whether a path (relative to the root, no language prefix) has an English edition. */
export function hasEnglish(path: string): boolean {
  return !CHINESE_ONLY.has(path.replace(/^\/+/, '').split('/')[0] ?? '');
}

/**
 * A site path in a language: `path` is relative to the site's root without a leading slash (`indicators/birth-rate/`,
 * '' for home); `base` is Astro's base (ends in '/'). pathFor('en', 'about/') is `${base}en/about/`; a kind with no
 * English edition yet keeps its Chinese path.
 */
export function pathFor(lang: Lang, path: string, base = '/'): string {
  const clean = path.replace(/^\/+/, '');
  return lang === 'en' && hasEnglish(clean) ? `${base}en/${clean}` : `${base}${clean}`;
}

/** The twin of a path (the same page in the other language), and which language a path is in. */
export function splitLangPath(pathname: string, base = '/'): { lang: Lang; path: string } {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  if (rest === 'en' || rest.startsWith('en/')) return { lang: 'en', path: rest.replace(/^en\/?/, '') };
  return { lang: 'zh', path: rest };
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/** An indicator's name in the edition's language. */
export function nameIn(lang: Lang, indicator: { name_zh: string; name_en: string }): string {
  return lang === 'en' ? indicator.name_en : indicator.name_zh;
}

// en-pages: the catalog's words in an edition, so pages and components do not each choose between _zh and _en fields.
/** An indicator's unit: as Chinese publications write it (‰, 万人) or in English (per 1,000 population). */
export function unitIn(lang: Lang, units: { unit: string; unit_en: string }): string {
  return lang === 'en' ? units.unit_en : units.unit;
}

/** An indicator's definition in the edition's language. */
export function definitionIn(lang: Lang, indicator: { definition: string; definition_en: string }): string {
  return lang === 'en' ? indicator.definition_en : indicator.definition;
}

// notes-en: notes and series breaks in the edition's language (issue 17).
/** An indicator's notes in the edition's language (notes_en holds one English note per Chinese one). */
export function notesIn(lang: Lang, indicator: { notes: string[]; notes_en: string[] }): string[] {
  return lang === 'en' ? indicator.notes_en : indicator.notes;
}

/** A series break's note in the edition's language: the indicator page and the chart descriptions both say it. */
export function breakNoteIn(lang: Lang, seriesBreak: { note: string; note_en: string }): string {
  return lang === 'en' ? seriesBreak.note_en : seriesBreak.note;
}

/** Where a source's figures were read, in the edition's language (via_en is required when via has Chinese). */
export function viaIn(lang: Lang, source: { via?: string; via_en?: string }): string | undefined {
  return lang === 'en' ? (source.via_en ?? source.via) : source.via;
}

/** A source's notes in the edition's language, one English note per Chinese one. */
export function sourceNotesIn(lang: Lang, source: { notes: string[]; notes_en: string[] }): string[] {
  return lang === 'en' ? source.notes_en : source.notes;
}

/** A value's note in the edition's language: the bundled data gives note_en wherever the note has Chinese. */
export function valueNoteIn(lang: Lang, value: { note?: string; note_en?: string }): string | undefined {
  return lang === 'en' ? (value.note_en ?? value.note) : value.note;
}

/**
 * English text cut around the Chinese publication titles it cites (《…》), so a page can mark each title
 * lang="zh-CN": English notes keep the titles in Chinese beside their English names. A file path with Chinese in
 * it (data/分省出生率.csv, where a source's `via_en` names the file read) is an id, kept as the repository spells
 * it, and marked the same way.
 */
export function chineseTitleParts(text: string): { text: string; zh: boolean }[] {
  return text
    .split(/(《[^《》]*》|[^\s《》;()]*\p{Script=Han}[^\s《》;()]*\.csv)/u)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => ({ text: part, zh: part.startsWith('《') || /\p{Script=Han}/u.test(part) }));
}

/**
 * Sources as an edition cites them: in English each publication goes by its English title and publisher, so the
 * functions that label sources (sourceLabel, sourceLine) need no language of their own. The Chinese edition gets
 * the same object back.
 */
export function sourcesIn<S extends { title: string; title_en: string; publisher: string; publisher_en: string }>(
  lang: Lang,
  sources: Record<string, S>,
): Record<string, S> {
  if (lang === 'zh') return sources;
  return Object.fromEntries(Object.entries(sources).map(([id, s]) => [id, { ...s, title: s.title_en, publisher: s.publisher_en }]));
}

/** getStaticPaths for a page with one more parameter: every item in both languages. */
export function langPathsOf<P extends Record<string, string>, T>(items: T[], params: (item: T) => P) {
  return LANGS.flatMap((lang) => items.map((item) => ({ params: { lang: langParam(lang), ...params(item) }, props: { lang, item } })));
}

/** The BCP 47 tag for <html lang> and hreflang. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
