// The health-spending composition chart: a snapshot from the published shares, and the rule that only years with
// all three published shares are drawn, nothing filled in.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPOSITION_PARTS, compositionChart, compositionYears, type CompositionPartId } from '../../src/charts/composition.ts';
import { nationalValues, publishedDir, readSeries } from '../../src/site-data/read.ts';
import type { PublishedValue } from '../../src/pipeline/publication.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

if (!fs.existsSync(path.join(publishedDir(), 'catalog.json'))) throw new Error('build/data/catalog.json is missing: run `npm run data` first.');

const parts = {} as Record<CompositionPartId, PublishedValue[]>;
const names = {} as Record<CompositionPartId, string>;
for (const p of COMPOSITION_PARTS) {
  const series = readSeries(p.id);
  parts[p.id] = nationalValues(series);
  names[p.id] = series.indicator.name_zh;
}

describe('health-spending composition chart', () => {
  it('matches its snapshot', () => {
    const svg = compositionChart({ parts, names, width: 720, height: 360, idPrefix: 'composition' });
    matchSnapshotFile(svg.replace(/></g, '>\n<') + '\n', 'health-spending-composition.svg');
  });

  it('draws only years with all three published shares, each adding to 100 up to rounding', () => {
    const { complete, incomplete, unbalanced } = compositionYears(parts);
    expect(complete.length).toBeGreaterThanOrEqual(6);
    for (const y of complete) {
      expect(y.values).toHaveLength(3);
      expect(Math.abs(y.total - 100), `${y.year}: ${y.total}`).toBeLessThanOrEqual(0.1);
    }
    // 2020: government and social shares are published, out-of-pocket is not; it is never computed.
    expect(incomplete).toContain(2020);
    expect(complete.map((y) => y.year)).not.toContain(2020);
    // 2014: the bulletin's preliminary government and social shares (29.9, 36.9) beside the accounts figure for
    // out-of-pocket (31.99) add to 98.79: not drawn, and said so.
    expect(unbalanced.map((y) => y.year)).toContain(2014);
    expect(complete.map((y) => y.year)).not.toContain(2014);
    const svg = compositionChart({ parts, names, width: 720, height: 360, idPrefix: 'composition' });
    expect(svg).toMatch(/未画出的年份（三个比重合计不为100%，出自不同的发布）：2014年。/);
  });

  it('gives every bar part a tooltip with its status', () => {
    const svg = compositionChart({ parts, names, width: 340, height: 240, idPrefix: 'c' });
    const titles = [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]!);
    expect(titles.length).toBe(compositionYears(parts).complete.length * 3);
    expect(titles.some((t) => t.includes('个人卫生支出') && /（.+）$/.test(t))).toBe(true);
  });
});
