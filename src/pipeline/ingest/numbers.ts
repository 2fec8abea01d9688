// Reading a value cell. A value keeps the decimals it was written with, so publishing never adds or
// removes precision.

export type CellValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'missing-marker'; text: string }
  | { kind: 'invalid'; text: string };

// Markers that statistical tables use for "no figure": they are not numbers and not silently empty either.
const MISSING_MARKERS = new Set(['…', '...', '..', '—', '——', '-', '－', '/', 'NA', 'N/A', '#N/A', '无', '空']);

export function readValueCell(raw: string): CellValue {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (MISSING_MARKERS.has(text)) return { kind: 'missing-marker', text };
  // Thousands separators appear in hand-edited copies (1,234.5); the minus sign may be U+2212.
  const plain = text.replace(/(?<=\d),(?=\d{3}(\D|$))/g, '').replace(/^[−－]/, '-');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return { kind: 'invalid', text };
  const value = Number(plain);
  if (!Number.isFinite(value)) return { kind: 'invalid', text };
  const fraction = /\.(\d*)/.exec(plain.replace(/[eE].*$/, ''));
  return { kind: 'number', value: value === 0 ? 0 : value, decimals: fraction ? fraction[1]!.length : 0 };
}
