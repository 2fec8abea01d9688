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
  if (lo === hi) {
    // ±1, or past 2^53 (where lo - 1 is lo) a few units in the last place, kept finite.
    const pad = Math.max(1, Math.abs(lo) * 2 ** -50);
    [lo, hi] = [Math.max(lo - pad, -Number.MAX_VALUE), Math.min(hi + pad, Number.MAX_VALUE)];
  }
  // Half the step before rounding: hi - lo overflows from −1.8e308 to 1.8e308, where it is taken in halves.
  const half = Number.isFinite(hi - lo) ? (hi - lo) / (2 * count) : hi / (2 * count) - lo / (2 * count);
  // Subnormal ranges (5e-324 to 1e-323: half is 0, 10^exponent 0): ticks of the range scaled by 2^600, which is
  // exact, scaled back (and told apart again, as scaling back can round two into one).
  if (half < 1e-290) return [...new Set(niceTicks(lo * 2 ** 600, hi * 2 ** 600, count).map((t) => t / 2 ** 600 + 0))];
  const exponent = Math.floor(Math.log10(half) + Math.log10(2));
  const error = (2 * half) / 10 ** exponent;
  const multiple = error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1;
  // A tick is i × multiple × 10^exponent, computed from the whole number i (a running sum drifts, and rounding to
  // a fixed 10 decimals made every tick of a range under 1e-10 the same number); dividing by 10^-exponent keeps
  // 0.1, 0.2, 0.3 exact where multiplying by 0.1 gives 0.30000000000000004 (10^-exponent is Infinity below 1e-308).
  // At most 1e308: 2 × 10^308 is Infinity.
  const step = Math.min(multiple * 10 ** exponent, 1e308);
  const scale = 10 ** -exponent;
  const at = (i: number) => (exponent < 0 && Number.isFinite(scale) ? (i * multiple) / scale : i * step) + 0; // + 0: no −0
  const ticks: number[] = [];
  // One more step where lo / step underflowed to 0 (lo = −5e-324, step 2: the first tick was 0, above lo).
  const below = Math.floor(lo / step);
  const first = at(below) > lo ? below - 1 : below;
  const above = Math.ceil(hi / step);
  const last = at(above) < hi ? above + 1 : above;
  // Counted from first, not i++: past 2^53 (lo = 1e17, step 5) i + 1 is i again and the loop never ended.
  for (let k = 0; k <= last - first; k++) {
    // Finite: a tick beyond ±1.8e308 (1.8e308 for 1.6e308 to 1.74e308) ends the axis at the largest number instead.
    const t = Math.max(-Number.MAX_VALUE, Math.min(at(first + k), Number.MAX_VALUE));
    // Distinct: past 2^53 neighbouring ticks can be one number.
    if (t !== ticks.at(-1)) ticks.push(t);
  }
  // Where whole steps are not numbers (a range of 2e292 at −1.8e308: i × step rounds past lo), lo and hi themselves.
  if (ticks[0]! > lo) ticks.unshift(lo);
  if (ticks.at(-1)! < hi) ticks.push(hi);
  return ticks;
}

/** Years to label: every year when few, otherwise a round step so that at most `maxTicks` labels fit. */
export function yearTicks(from: number, to: number, maxTicks: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => (to - from) / s + 1 <= maxTicks) ?? 50;
  const ticks: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) ticks.push(y);
  return ticks;
}
