// Warns (never drops) when a value is far out of line with both neighbours in its series, as in NBS
// sample-survey series where the 1% sample year (2015) is about 20x the 1‰ years around it.
import type { FileCollector } from './collector.ts';

const FACTOR = 8;

export function flagOutliers(out: FileCollector): void {
  const series = new Map<string, typeof out.observations>();
  for (const o of out.observations) {
    const key = `${o.indicator}\u0000${o.regionCode}`;
    series.set(key, [...(series.get(key) ?? []), o]);
  }
  for (const values of series.values()) {
    values.sort((a, b) => a.year - b.year);
    for (let i = 1; i < values.length - 1; i++) {
      const [prev, cur, next] = [values[i - 1]!, values[i]!, values[i + 1]!];
      if (prev.value <= 0 || next.value <= 0 || cur.value <= 0) continue;
      const high = cur.value > FACTOR * Math.max(prev.value, next.value);
      const low = cur.value * FACTOR < Math.min(prev.value, next.value);
      if (!high && !low) continue;
      out.problem({
        line: cur.sourceLine, column: cur.sourceColumn, code: 'outlier', severity: 'warning',
        message: `${cur.region} ${cur.year}年「${cur.indicator}」为 ${cur.value}，与前后年份（${prev.value}、${next.value}）相差 ${FACTOR} 倍以上：请核对口径（如抽样比例不同的年份）；数值已照录`,
      });
    }
  }
}
