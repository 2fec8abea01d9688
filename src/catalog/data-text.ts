// What text under data/ may hold: every hand-written YAML file (catalog, sources, release, targets, events,
// procurement batches) is read with warnings as errors, and no text, there or in a raw CSV's notes, may hold a
// character the reader cannot see.
import { parseDocument, type Document, type LineCounter, type YAMLError } from 'yaml';

/**
 * The document, and its first error or warning. A warning (an unknown tag such as !!js/function) was printed over
 * several lines beside the build's output and the value read as plain text (hostile24).
 */
export function parseDataYaml(text: string, lineCounter?: LineCounter): { doc: Document; problem?: YAMLError } {
  const doc = parseDocument(text, lineCounter ? { lineCounter } : {});
  return { doc, problem: doc.errors[0] ?? doc.warnings[0] };
}

/**
 * Control characters but TAB and line breaks, format characters (bidi overrides such as U+202E, zero-width spaces,
 * U+FEFF), lone surrogates and U+FFFE/U+FFFF. An override in a name reverses the text after it wherever the name is
 * shown in a sentence ("…率\u202e 为 6.39" reads 93.6), and the others hide text or break XML (hostile25).
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\p{Cs}\ufffe\uffff]/u;
/** The same and TAB and line breaks too, for a text that is one line (a file name). */
const INVISIBLE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\p{Cs}\ufffe\uffff]/u;

/** What is wrong with a text holding such a character (its place and code point), or undefined. */
export function invisibleCharacter(text: string, oneLine = false): string | undefined {
  const found = (oneLine ? INVISIBLE_IN_LINE : INVISIBLE).exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `第 ${[...text.slice(0, found.index)].length + 1} 个字符是看不见的控制或格式字符 U+${code}：请删去`;
}

/** Every string in a parsed YAML value holding such a character: its path (as zod writes it) and what it is. */
export function invisibleCharacters(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string }[] {
  if (typeof value === 'string') {
    const message = invisibleCharacter(value);
    return message ? [{ path, message }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => invisibleCharacters(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => invisibleCharacters(v, [...path, k]));
  return [];
}
