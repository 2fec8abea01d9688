// The map's colour classes: thresholds and one colour per class. Plain TS without d3, because the browser
// recolours the server-drawn map with the same rule when the reader picks another year.

export interface MapClasses {
  /** Ascending class limits; class i holds values in [thresholds[i-1], thresholds[i]). */
  thresholds: number[];
  /** One more colour than thresholds. */
  colors: string[];
}

/** The class a value falls in: how many thresholds it reaches. */
export function classIndex(value: number, thresholds: number[]): number {
  let i = 0;
  while (i < thresholds.length && value >= thresholds[i]!) i++;
  return i;
}

export function classColor(value: number, classes: MapClasses): string {
  return classes.colors[classIndex(value, classes.thresholds)]!;
}

/**
 * Equal classes on a round step (1, 2, 2.5 or 5 times a power of ten), the finest that gives at most
 * `maxClasses` classes over all values. All years share them, so a colour means the same in every year; zero,
 * a multiple of every step, is a limit whenever values lie on both sides of it.
 */
export function stepThresholds(values: number[], maxClasses = 7): number[] {
  if (values.length < 2) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!(hi > lo)) return [];
  const power = 10 ** Math.floor(Math.log10((hi - lo) / maxClasses));
  for (const step of [1, 2, 2.5, 5, 10, 20, 25, 50].map((m) => m * power)) {
    const limits: number[] = [];
    for (let k = Math.floor(lo / step) + 1; k * step <= hi; k++) limits.push(Number((k * step).toFixed(10)));
    if (limits.length + 1 <= maxClasses) return limits;
  }
  return [];
}
