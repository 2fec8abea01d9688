// How every published CSV is written, shared by the build and the browser ("download the data shown"), and
// dependency-free so the page script stays tiny: UTF-8 with a BOM (Excel under a Chinese locale then reads UTF-8,
// not GBK mojibake), RFC 4180 quoting, CRLF line ends, and no cell a spreadsheet would run as a formula.

export const BOM = '\uFEFF';

/** A number as a spreadsheet reads it: -0.5, 12, 3.40. Such cells are never touched, even when negative. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
/** Leading characters that make Excel, WPS, LibreOffice or Google Sheets treat a cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula gets a leading apostrophe, the convention spreadsheets
 * themselves use for "this is text". Plain numbers pass unchanged, so -3.2 stays a number.
 */
export function neutralizeCell(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document the way every published CSV is written: BOM, safe cells, CRLF after each row. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map((c) => quoteField(neutralizeCell(c))).join(',') + '\r\n').join('');
}
