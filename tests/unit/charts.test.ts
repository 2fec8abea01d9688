// Chart snapshots, rendered from the real published series in build/data (tests/helpers/snapshot.ts: a missing
// snapshot is written; a mismatch writes tests/output/<name>-changed.svg and fails).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { latestProvincialValues, nationalValues, publishedDir, readSeries } from '../../src/site-data/read.ts';
import { nationalLineChart } from '../../src/charts/line.ts';
import { provincialRankingChart } from '../../src/charts/ranking.ts';
import { sparkline } from '../../src/charts/sparkline.ts';
import { TIP_CLASS } from '../../src/charts/render.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

if (!fs.existsSync(path.join(publishedDir(), 'catalog.json'))) {
  throw new Error(
    `build/data/catalog.json is missing: run \`npm run data\` first (chart snapshots render the published series). 先运行 npm run data。`,
  );
}

/** One element per line, so a snapshot diff shows what moved. */
function pretty(svg: string): string {
  return svg.replace(/></g, '>\n<') + '\n';
}

function national(id: string) {
  const series = readSeries(id);
  return { indicator: series.indicator, values: nationalValues(series), series };
}

function ranking(id: string, width: number, idPrefix: string) {
  const { indicator, values, series } = national(id);
  const provincial = latestProvincialValues(series);
  if (!provincial) throw new Error(`${id} has no provincial values`);
  return provincialRankingChart({ indicator, values: provincial.values, national: values.find((v) => v.year === provincial.year), width, idPrefix });
}

const charts: Record<string, () => string> = {
  'birth-rate-national': () => nationalLineChart({ ...national('birth-rate'), width: 720, idPrefix: 'line' }),
  'birth-rate-national-narrow': () => nationalLineChart({ ...national('birth-rate'), width: 340, height: 240, idPrefix: 'line' }),
  'birth-rate-ranking': () => ranking('birth-rate', 720, 'rank'),
  'natural-growth-rate-ranking': () => ranking('natural-growth-rate', 720, 'rank'),
  'basic-medical-insurance-participants-national': () =>
    nationalLineChart({ ...national('basic-medical-insurance-participants'), width: 720, idPrefix: 'line' }),
  'health-expenditure-national': () => nationalLineChart({ ...national('health-expenditure'), width: 720, idPrefix: 'line' }),
  'birth-rate-sparkline': () => sparkline({ ...national('birth-rate'), idPrefix: 'spark' }),
};

describe('chart snapshots', () => {
  for (const [name, render] of Object.entries(charts)) {
    it(name, () => matchSnapshotFile(pretty(render()), `${name}.svg`));
  }
});

describe('chart markup', () => {
  const svg = charts['birth-rate-national']!();
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg')!;

  it('has a title and a description the svg is labelled by', () => {
    const title = root.querySelector('title#line-title');
    const desc = root.querySelector('desc#line-desc');
    expect(title?.textContent).toBe('人口出生率（全国）');
    expect(desc?.textContent).toContain('2009年为11.95‰');
    expect(root.getAttribute('aria-labelledby')).toBe('line-title');
    expect(root.getAttribute('aria-describedby')).toBe('line-desc');
  });

  it('hides the axes from screen readers (the description says it in words) and colours text by the page', () => {
    const axis = root.querySelector('.lc-axis');
    expect(axis?.getAttribute('aria-hidden')).toBe('true');
    expect(root.getAttribute('fill')).toBe('currentColor');
    expect(svg).not.toContain('#1f1f1f'); // no fixed text colour that a dark page could not repaint
  });

  it('gives every point a native tooltip in words', () => {
    const points = [...root.querySelectorAll(`.${TIP_CLASS} > *`)];
    const { values } = national('birth-rate');
    expect(points).toHaveLength(values.length);
    const tips = points.map((p) => p.querySelector('title')?.textContent);
    expect(tips).toContain('2024年：6.77‰（已交叉核对）');
  });

  it('writes year ticks without thousands separators and labels the unit', () => {
    const ticks = [...root.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(ticks).toContain('2010');
    expect(ticks.some((t) => /\d,\d/.test(t))).toBe(false);
    expect(ticks).toContain('单位：‰');
  });

  it('draws the series break as a dashed rule with a label', () => {
    expect(svg).toContain('stroke-dasharray="5,4"');
    expect(svg).toContain('序列断点');
  });

  it('marks tentative values with hollow points', () => {
    const hollow = [...root.querySelectorAll(`.${TIP_CLASS}[fill="white"] > *`)];
    expect(hollow.length).toBeGreaterThan(0);
    for (const point of hollow) expect(point.querySelector('title')?.textContent).toMatch(/（(初步数|单一来源)）$/);
  });

  it('rounds coordinates to at most 2 decimals', () => {
    expect(svg).not.toMatch(/\d\.\d{3,}/);
  });
});
