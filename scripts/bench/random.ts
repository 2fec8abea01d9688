// A small seeded random number generator (mulberry32), so generated bench inputs are the same on every run.
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A smooth series around `level`: a slow wave plus a little noise, as rates and counts look year to year. */
export function smoothValue(random: Random, level: number, phase: number, year: number): number {
  return level * (1 + 0.15 * Math.sin(year / 4 + phase)) + level * 0.02 * (random() - 0.5);
}
