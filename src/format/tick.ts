// Axis tick labels, in a module of their own with no imports: the embed page's script draws axes too, and must
// not pull the words file into the browser with it.

/** The minus sign used everywhere a reader sees a negative number (charts use the same one). */
export const MINUS = '\u2212';

/** Axis ticks: whole numbers as they are, fractions with the few digits they need, no separators. */
export function formatTick(value: number): string {
  const text = String(Number(value.toFixed(6)));
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}
