// notes-en: the one rule for "this text from the data needs an English twin" (issue 17): it has Han characters.
// The catalog's sources (via_en), the bundled value notes (note_en) and the tests over them all ask this function,
// so a text already written in English (a URL, "read via NBS export …") needs no copy of itself.
const HAN = /\p{Script=Han}/u;

/** Whether a text shown to readers must come with an English version for the English pages. */
export function needsEnglish(text: string | undefined): boolean {
  return text !== undefined && HAN.test(text);
}

/** Han characters outside the Chinese publication titles (《…》) an English text may cite beside their English names. */
export function hanOutsideTitles(text: string): string[] {
  return text.replace(/《[^《》]*》/g, '').match(/\p{Script=Han}/gu) ?? [];
}
