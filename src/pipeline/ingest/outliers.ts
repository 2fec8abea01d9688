// Warns (never drops) when a value is far out of line with both neighbours in its series, as in NBS
// sample-survey series where the 1% sample year (2015) is about 20x the 1‰ years around it.
// Values stream past: each series keeps a window of its last two values, in typed arrays so that a county
// file with tens of thousands of series stays small. A series whose years arrive out of order (or twice,
// as an earlier release) is set aside and checked whole on a second reading of the file.
import type { Problem } from '../types.ts';

const FACTOR = 8;
const UNORDERED = 2;

export interface SeriesPoint {
  year: number;
  value: number;
  line: number;
  column: number;
}

type Warning = Omit<Problem, 'file'>;

function check(prev: SeriesPoint, cur: SeriesPoint, next: SeriesPoint, indicator: string, region: string): Warning | undefined {
  if (prev.value <= 0 || next.value <= 0 || cur.value <= 0) return undefined;
  const high = cur.value > FACTOR * Math.max(prev.value, next.value);
  const low = cur.value * FACTOR < Math.min(prev.value, next.value);
  if (!high && !low) return undefined;
  return {
    line: cur.line,
    column: cur.column,
    code: 'outlier',
    severity: 'warning',
    message: `${region} ${cur.year}年「${indicator}」为 ${cur.value}，与前后年份（${prev.value}、${next.value}）相差 ${FACTOR} 倍以上：请核对口径（如抽样比例不同的年份）；数值已照录`,
  };
}

/** A whole series at once: sorted by year (stable), each value against its neighbours. */
export function seriesOutliers(points: SeriesPoint[], indicator: string, region: string): Warning[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const out: Warning[] = [];
  for (let i = 1; i < sorted.length - 1; i++) {
    const warning = check(sorted[i - 1]!, sorted[i]!, sorted[i + 1]!, indicator, region);
    if (warning) out.push(warning);
  }
  return out;
}

export class OutlierWatch {
  private capacity = 0;
  private seen = new Uint8Array(0);
  /** 0 not yet known, 1 years ascending, -1 descending, 2 unordered. */
  private direction = new Int8Array(0);
  private years = new Int32Array(0);
  private values = new Float64Array(0);
  private lines = new Uint32Array(0);
  private columns = new Uint32Array(0);
  private readonly names: string[] = [];
  private found: { series: number; rank: number; warning: Warning }[] = [];

  /** One accepted value of series `s` (ids from 0, in order of first appearance). Plain numbers: no object per value. */
  observe(s: number, indicator: string, region: string, year: number, value: number, line: number, column: number): void {
    if (s >= this.capacity) this.grow(s);
    if (this.names[2 * s] === undefined) {
      this.names[2 * s] = indicator;
      this.names[2 * s + 1] = region;
    }
    const count = this.seen[s]!;
    if (count < 3) this.seen[s] = count + 1;
    if (this.direction[s] === UNORDERED) return;
    const a = 2 * s; // older slot; a + 1 is the newer
    if (count >= 1) {
      const last = this.years[a + 1]!;
      const step = year > last ? 1 : year < last ? -1 : UNORDERED;
      if (step === UNORDERED || (this.direction[s] !== 0 && step !== this.direction[s])) {
        this.direction[s] = UNORDERED;
        return;
      }
      this.direction[s] = step;
    }
    if (count >= 2) this.checkWindow(s, indicator, region, { year, value, line, column });
    this.years[a] = this.years[a + 1]!;
    this.values[a] = this.values[a + 1]!;
    this.lines[a] = this.lines[a + 1]!;
    this.columns[a] = this.columns[a + 1]!;
    this.years[a + 1] = year;
    this.values[a + 1] = value;
    this.lines[a + 1] = line;
    this.columns[a + 1] = column;
  }

  /** The window's newer value against its neighbours: the older one and the value just read. */
  private checkWindow(s: number, indicator: string, region: string, p: SeriesPoint): void {
    const a = 2 * s;
    const cur = this.values[a + 1]!;
    // Most values are nowhere near 8x their neighbours: skip building points for them.
    const near = this.values[a]!;
    if (cur <= FACTOR * Math.max(near, p.value) && cur * FACTOR >= Math.min(near, p.value)) return;
    const older = this.point(a);
    const [prev, next] = this.direction[s] === 1 ? [older, p] : [p, older];
    const warning = check(prev, this.point(a + 1), next, indicator, region);
    if (warning) this.found.push({ series: s, rank: this.years[a + 1]!, warning });
  }

  /** Series that arrived out of year order with three or more values: they need the whole series. */
  unordered(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.capacity; s++) if (this.direction[s] === UNORDERED && this.seen[s]! >= 3) out.push(s);
    return out;
  }

  /** Every warning in the order a whole-file check gives: by series (first appearance), then by year. */
  warnings(whole: Map<number, SeriesPoint[]> = new Map()): Warning[] {
    const all = this.found.filter((f) => this.direction[f.series] !== UNORDERED);
    for (const [s, points] of whole) {
      seriesOutliers(points, this.names[2 * s]!, this.names[2 * s + 1]!).forEach((warning, rank) => all.push({ series: s, rank, warning }));
    }
    return all.sort((x, y) => x.series - y.series || x.rank - y.rank).map((f) => f.warning);
  }

  private point(i: number): SeriesPoint {
    return { year: this.years[i]!, value: this.values[i]!, line: this.lines[i]!, column: this.columns[i]! };
  }

  private grow(s: number): void {
    const capacity = Math.max(64, this.capacity * 2, s + 1);
    const widen = <T extends Uint8Array | Int8Array | Int32Array | Float64Array | Uint32Array>(old: T, make: (n: number) => T, per: number): T => {
      const next = make(capacity * per);
      next.set(old);
      return next;
    };
    this.seen = widen(this.seen, (n) => new Uint8Array(n), 1);
    this.direction = widen(this.direction, (n) => new Int8Array(n), 1);
    this.years = widen(this.years, (n) => new Int32Array(n), 2);
    this.values = widen(this.values, (n) => new Float64Array(n), 2);
    this.lines = widen(this.lines, (n) => new Uint32Array(n), 2);
    this.columns = widen(this.columns, (n) => new Uint32Array(n), 2);
    this.capacity = capacity;
  }
}
