// The languages embed pages are built in: the site's two editions. Chinese embeds are at /embed/<id>/<view>/, English
// ones at /en/embed/<id>/<view>/ (sitePaths.embed, pathFor); ?lang=en on a Chinese embed address sends the reader to
// the English page (src/client/embed/frame.ts), so an embed code written with the option keeps working.
import { LANGS, wordsFor, type Lang } from '../shared/i18n/lang.ts';
import type { Words } from '../shared/i18n/zh.ts';

export interface EmbedLanguage {
  /** The value of ?lang= that asks for it, and the edition. */
  code: Lang;
  words: Words;
}

export const EMBED_LANGUAGES: EmbedLanguage[] = LANGS.map((code) => ({ code, words: wordsFor(code) }));
export const DEFAULT_LANGUAGE = EMBED_LANGUAGES[0]!;

export function embedLanguage(lang: Lang): EmbedLanguage {
  return EMBED_LANGUAGES.find((l) => l.code === lang) ?? DEFAULT_LANGUAGE;
}
