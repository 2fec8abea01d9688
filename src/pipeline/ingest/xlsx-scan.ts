// A check of an .xlsx's sheet XML before SheetJS reads it, for what no spreadsheet program writes but SheetJS
// reads without a word, losing or changing a value: a number cell whose text is not a number (SheetJS uses
// parseFloat: 0x10 is 0, 6.39abc is 6.39), a shared-string index that is not an integer (parseInt: 1x is the
// string at 1), and a cell reference given twice (SheetJS keeps the second).
import { unzipSync } from 'fflate';

/** A number as OOXML writes one (xsd:double): SheetJS reads any other text with parseFloat (0x10 as 0, 1,234 as 1). */
const XML_DOUBLE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

// The tokens that matter, in one pass: a cell's opening tag (its attributes, and / when it closes itself), a <v>
// and its text, a </c>. Each alternative stops at the next < ([^<>], [^<]: XML escapes < in attributes and
// text), so a tag that never closes is not scanned to the end again and again (that took minutes).
const SHEET_TOKEN = /<c\b([^<>]*?)(\/?)>|<v>([^<]*)<\/v>|<\/c>/g;

/** An attribute's value (`name` is ` r="`), by searching rather than by a RegExp: a sheet has a million cells. */
function attribute(attributes: string, name: string): string | undefined {
  const at = attributes.indexOf(name);
  return at === -1 ? undefined : attributes.slice(at + name.length, attributes.indexOf('"', at + name.length));
}

/**
 * What no spreadsheet program writes in an .xlsx sheet but SheetJS reads without a word, losing or changing a
 * value: a number cell whose text is not a number (`<v>0x10</v>` read as 0, `<v>6.39abc</v>` as 6.39), or one
 * cell reference given twice (the second silently replaces the first). The first such cell, with its part, or
 * undefined. (Text that parseFloat cannot read at all, such as INF, SheetJS shows as an error: rejected at its place.)
 */
export function malformedCell(bytes: Uint8Array): Malformed | undefined {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (file) => /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name) });
  } catch {
    return undefined; // SheetJS says what is wrong with the zip
  }
  for (const [part, data] of Object.entries(parts)) {
    const xml = new TextDecoder().decode(data);
    const found = scanSheet(xml, part, false);
    // Cells out of order (allowed by SheetJS, not by the format) are checked again, each reference remembered.
    if (found === 'unordered') {
      const again = scanSheet(xml, part, true);
      if (again !== 'unordered' && again) return again;
    } else if (found) return found;
  }
  return undefined;
}

type Malformed = { part: string; ref: string; problem: string };

/** A1 as a number that grows in reading order (row, then column), or -1 when it is not a reference. */
function refOrder(ref: string): number {
  let column = 0;
  let i = 0;
  for (let c; i < ref.length && (c = ref.charCodeAt(i)) >= 65 && c <= 90; i++) column = column * 26 + c - 64;
  const row = Number(ref.slice(i));
  // Columns past 2^26 (a sheet has 16384) are not ordered, rather than ordered wrongly.
  return i === 0 || !Number.isInteger(row) || column >= 2 ** 26 ? -1 : row * 2 ** 26 + column;
}

/**
 * One sheet's XML. Cells come in reading order in every file a spreadsheet program writes, so a reference given
 * twice is one not after the one before: only then (`remember`) are all references kept and compared.
 */
function scanSheet(xml: string, part: string, remember: boolean): Malformed | 'unordered' | undefined {
  const refs = remember ? new Set<number>() : undefined;
  let last = -1;
  // The number or shared-string cell open at the moment (its reference and type), if any: its <v> is the next
  // token before </c>.
  let open: string | undefined;
  let sharedString = false;
  for (const token of xml.matchAll(SHEET_TOKEN)) {
    if (token[3] !== undefined) {
      const text = token[3];
      if (open !== undefined && sharedString && !/^\s*\d+\s*$/.test(text) && Number.isFinite(parseInt(text, 10)))
        return { part, ref: open, problem: `的共享字符串序号「${text}」不是整数（会被读成第 ${parseInt(text, 10)} 个字符串）` };
      if (open !== undefined && !sharedString && !XML_DOUBLE.test(text) && !XML_DOUBLE.test(text.trim()) && Number.isFinite(parseFloat(text)))
        return { part, ref: open, problem: `存的数值「${text}」不是数字（会被读成 ${parseFloat(text)}）` };
      open = undefined;
      continue;
    }
    open = undefined;
    if (token[1] === undefined) continue; // </c>
    const attributes = token[1];
    const ref = attribute(attributes, ' r="');
    const order = ref === undefined ? -1 : refOrder(ref);
    if (order !== -1) {
      if (refs) {
        if (refs.has(order)) return { part, ref: ref!, problem: '出现了两次（后一个会悄悄覆盖前一个）' };
        refs.add(order);
      } else if (order <= last) return 'unordered';
      last = order;
    }
    const type = attribute(attributes, ' t="');
    sharedString = type === 's';
    if (token[2] !== '/' && (type === undefined || type === 'n' || sharedString)) open = ref ?? '?';
  }
  return undefined;
}
