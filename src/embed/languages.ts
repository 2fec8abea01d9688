// The languages embed pages are built in. The site is Chinese only today; a second language is one entry here
// with its words file (same shape as zh.ts), and its pages appear under /embed/<code>/….
import { zh, type Words } from '../shared/i18n/zh.ts';

export interface EmbedLanguage {
  /** The value of ?lang= that asks for it. */
  code: string;
  /** Path segment under /embed/; empty for the default language. */
  prefix: string;
  words: Words;
}

export const EMBED_LANGUAGES: EmbedLanguage[] = [{ code: 'zh', prefix: '', words: zh }];
export const DEFAULT_LANGUAGE = EMBED_LANGUAGES[0]!;
