// Axis ticks and their labels, in a module of their own with no imports: the page's and the embed page's
// scripts draw axes too, by the same rules as the build-time charts, without pulling d3 or the words file in.

/** The minus sign used everywhere a reader sees a negative number (charts use the same one). */
export const MINUS = '\u2212';

/** Axis ticks: whole numbers as they are, fractions with the few digits they need, no separators. */
export function formatTick(value: number): string {
  const text = String(Number(value.toFixed(6)));
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

/** "1361.31" -> "1,361.31"; "−0.99" stays; years and codes never come here. */
export function groupThousands(text: string): string {
  const sign = text.startsWith(MINUS) || text.startsWith('-') ? MINUS : '';
  const body = sign ? text.slice(1) : text;
  const [whole = '', fraction] = body.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction === undefined ? '' : '.' + fraction);
}

/** An English axis's tick label: 1,361.3, never 1361.3 (years are not values: they keep formatYearTick). */
export function formatTickEn(value: number): string {
  return groupThousands(formatTick(value));
}

/**
 * Ticks by d3's step rule (1, 2 or 5 times a power of ten, about `count` of them), from a tick at or below lo
 * to one at or above hi. A single value gets an axis around it.
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = (error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1) * power;
  const ticks: number[] = [];
  const stop = Math.ceil(hi / step) * step;
  for (let t = Math.floor(lo / step) * step; t <= stop + step / 2; t += step) ticks.push(Number(t.toFixed(10)));
  return ticks;
}

/** Years to label: every year when few, otherwise a round step so that at most `maxTicks` labels fit. */
export function yearTicks(from: number, to: number, maxTicks: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => (to - from) / s + 1 <= maxTicks) ?? 50;
  const ticks: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) ticks.push(y);
  return ticks;
}
