// The scorecard as a view that leaves the site: the per-plan chart (snapshot), its picture, and that every
// target of the plan is in it with its status in words and a shape, not colour alone.
import { describe, expect, it } from 'vitest';
import { allScorecardViews, scorecardChart, scorecardPaths, scorecardPicture } from '../../src/embed/scorecard.ts';
import { CJK, svgTexts } from '../helpers/cjk.ts';
import { allTargets } from '../../src/site-data/targets.ts';
import { byArea, byPlan, statusCounts } from '../../src/shared/targets/scorecard.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';
import { EMBED_WIDTHS } from '../../src/embed/views.ts';
import { parseHTML } from 'linkedom';
import { scorecardSpark } from '../../src/charts/scorecard-spark.ts';
import { nationalValues, readSeries } from '../../src/site-data/read.ts';

describe('scorecard view', () => {
  const views = allScorecardViews();
  const hc2030 = views.find((v) => v.plan.id === 'healthy-china-2030')!;

  it('one view per plan, every target in exactly one', () => {
    expect(views.length).toBe(byPlan(allTargets()).length);
    expect(views.reduce((n, v) => n + v.targets.length, 0)).toBe(allTargets().length);
    expect(byArea(allTargets()).reduce((n, g) => n + g.targets.length, 0)).toBe(allTargets().length);
    expect(statusCounts(allTargets()).reduce((n, c) => n + c.count, 0)).toBe(allTargets().length);
  });

  it('the chart lists each target with its status as shape and word (snapshot)', () => {
    const svg = scorecardChart(hc2030.plan, hc2030.targets, 480);
    expect(svg.match(/<g data-target=/g)).toHaveLength(hc2030.targets.length);
    expect(svg).toContain('● 已达到');
    expect(svg).toContain('人均预期寿命：2030年达到79岁');
    matchSnapshotFile(svg, 'scorecard-healthy-china-2030-480.svg');
  });

  it('drawn at each embed width, at that width', () => {
    for (const width of EMBED_WIDTHS) {
      const svg = scorecardChart(hc2030.plan, hc2030.targets, width);
      expect(Number(svg.match(/height="(\d+)"/)![1])).toBeGreaterThan(100);
      expect(svg).toMatch(new RegExp(`^<svg[^>]* width="${width}"`));
    }
  });

  it('the picture has the title, the plan and the page address; data text is escaped', () => {
    const picture = scorecardPicture(hc2030, 'https://example.org');
    expect(picture.svg).toContain('健康中国2030：目标与进展');
    expect(picture.svg).toContain('《“健康中国2030”规划纲要》');
    expect(picture.svg).toContain(`https://example.org${scorecardPaths.page('healthy-china-2030')}`);
    const hostile = { ...hc2030.targets[0]!, indicator_zh: '<script>&' };
    expect(scorecardChart(hc2030.plan, [hostile], 480)).toContain('&lt;script&gt;&amp;');
  });
});

describe("the scorecard's small chart (scorecard-spark.ts)", () => {
  // Life expectancy has gaps in its published years (non-census years without an official figure), so the line breaks.
  const series = readSeries('life-expectancy');
  const values = nationalValues(series);
  const svg = scorecardSpark({ indicator: series.indicator, values, targets: [{ year: 2030, value: 79 }] });
  const doc = parseHTML(`<!doctype html><body>${svg}</body>`).document;

  it('is small: no stylesheet, ids or inline styles, coordinates to one decimal', () => {
    expect(svg.length).toBeLessThan(900);
    expect(svg).not.toMatch(/<style|style=|id=/);
    const coordinates = [...svg.matchAll(/ (?:d|cx|cy|x|y)="([^"]+)"/g)].map((m) => m[1]!).join(' ');
    const numbers = coordinates.match(/-?\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThan(5);
    expect(numbers.every((n) => n.split('.')[1]!.length === 1)).toBe(true);
  });

  it('names itself, breaks the line at gaps, marks the latest value and the target', () => {
    const label = doc.querySelector('svg')!.getAttribute('aria-label')!;
    expect(label).toContain('人口平均预期寿命');
    expect(doc.querySelector('path')!.getAttribute('d')!.split('M').length - 1).toBeGreaterThan(1);
    expect(doc.querySelectorAll('circle.last')).toHaveLength(1);
    const rect = doc.querySelector('rect')!;
    // The target (2030) is the last year drawn: its square sits at the right edge (x = 132 - 7 - 2.7).
    expect(Number(rect.getAttribute('x'))).toBeCloseTo(122.3, 1);
  });
});

describe('English scorecards', () => {
  const views = allScorecardViews('en');

  it.each(views.map((v) => [v.plan.id, v] as const))('%s: the picture and its embed rendering have no CJK character', (_id, view) => {
    const picture = scorecardPicture(view, 'https://example.org');
    const texts = [...svgTexts(picture.svg), picture.svg.match(/aria-label="([^"]*)"/)?.[1] ?? ''];
    expect(texts.filter((t) => CJK.test(t))).toEqual([]);
    expect(svgTexts(view.render(340)).filter((t) => CJK.test(t))).toEqual([]);
    expect(picture.svg).toContain(`https://example.org${scorecardPaths.page(view.plan.id, 'en')}`);
  });

  it('the test can fail: the Chinese scorecard is in Chinese', () => {
    expect(svgTexts(scorecardPicture(allScorecardViews()[0]!).svg).filter((t) => CJK.test(t)).length).toBeGreaterThan(3);
  });
});
