// Plan targets and reform events on the indicator chart (issue 15): a snapshot of life expectancy with its
// targets and the events of its area, wide and narrow, and the rules the marks follow.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { nationalValues, readSeries } from '../../src/site-data/read.ts';
import { eventsFor, targetsFor } from '../../src/site-data/targets.ts';
import { NATIONAL_CHART_SIZES, nationalLineChart } from '../../src/charts/line.ts';
import { chartEvents, drawnTargets, eventMarks, targetMarks } from '../../src/charts/marks.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';
import { placeLabels, type LabelBox } from '../../src/shared/charts/label-placement.ts';

const pretty = (svg: string) => svg.replace(/></g, '>\n<') + '\n';
const series = readSeries('life-expectancy');
const { indicator } = series;
const national = nationalValues(series);
const targets = targetMarks(targetsFor(indicator.id));
const last = Math.max(national.at(-1)!.year, ...targets.map((t) => t.year));
const events = eventMarks(chartEvents(eventsFor(indicator.area), national[0]!.year, last));
const [wideSize, narrowSize] = NATIONAL_CHART_SIZES;
const draw = ([width, height]: [number, number], name: string) =>
  nationalLineChart({ indicator, values: national, width, height, idPrefix: name, targets, events });
const wide = draw(wideSize, 'wide');
const narrow = draw(narrowSize, 'narrow');
const doc = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;

describe('targets and events on the life-expectancy chart', () => {
  it('matches the snapshots', () => {
    matchSnapshotFile(pretty(wide), 'life-expectancy-targets.svg');
    matchSnapshotFile(pretty(narrow), 'life-expectancy-targets-narrow.svg');
  });

  it('draws one mark per target year and value, plans sharing its label, status written beside it', () => {
    const drawable = drawnTargets(targetsFor(indicator.id));
    expect(drawable.length).toBeGreaterThan(targets.length); // repeated targets share a mark
    const marks = [...doc(wide).querySelectorAll('.lc-target')];
    expect(marks).toHaveLength(targets.length);
    const texts = marks.map((m) => [...m.querySelectorAll('text')].map((t) => t.textContent).join(' '));
    expect(texts.some((t) => t.includes('79岁') && t.includes('已达到') === false)).toBe(true);
    for (const t of drawable) expect(doc(wide).querySelector('.lc-targets')!.textContent).toContain(t.plan.short_zh);
  });

  it('widens the years to the last target year and the values to every target', () => {
    const ticks = [...doc(wide).querySelectorAll('.lc-axis text')].map((t) => t.textContent);
    expect(ticks).toContain('2030');
    const values = ticks.map(Number).filter((n) => n > 0 && n < 1000);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(79);
  });

  it('numbers the events on the x-axis, each with its title, in a layer that can be hidden', () => {
    expect(events.length).toBeGreaterThan(0);
    const layer = doc(narrow).querySelector('[data-layer="events"]')!;
    expect(layer.querySelectorAll('.lc-event')).toHaveLength(events.length);
    expect(layer.querySelector('.lc-event title')?.textContent).toMatch(/^1\. \d{4}年/);
    expect(doc(narrow).querySelector('[data-layer="targets"]')).not.toBeNull();
  });

  it('keeps the gap rule with marks on (three runs)', () => {
    const d = doc(wide).querySelector('[data-series="national"] path')!.getAttribute('d')!;
    expect(d.replace(/[^ML]/g, '')).toBe('MLLLLLLMLL');
  });
});

describe('target label placement (label-placement.ts)', () => {
  const area = { left: 40, right: 620, top: 10, bottom: 300 };
  const inside = (b: LabelBox) => b.x1 >= area.left && b.x2 <= area.right && b.y1 >= area.top && b.y2 <= area.bottom;
  const intersect = (a: LabelBox, b: LabelBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

  it('many near-equal targets: no two labels intersect, all inside the plot, moved ones marked for a leader line', () => {
    // 14 targets in three adjacent years at almost the same value, as repeated plans produce.
    const requests = Array.from({ length: 14 }, (_, i) => ({ x: 560 + (i % 3) * 20, y: 150 + (i % 5) * 0.5, w: 150, h: 26 }));
    const places = placeLabels(requests, area);
    const placed = places.filter((p): p is NonNullable<typeof p> => p !== null);
    expect(placed.length).toBeGreaterThanOrEqual(10);
    for (const p of placed) expect(inside(p.box)).toBe(true);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(intersect(placed[i]!.box, placed[j]!.box)).toBe(false);
    expect(placed.some((p) => p.moved)).toBe(true);
  });

  it('more labels than the plot can hold: those that fit are placed, the rest left unlabelled, never overlapping', () => {
    const requests = Array.from({ length: 30 }, () => ({ x: 300, y: 20, w: 80, h: 26 }));
    const places = placeLabels(requests, area);
    const placed = places.filter((p) => p !== null);
    expect(placed.length).toBe(Math.floor((area.bottom - area.top + 2) / 28));
    for (let i = 0; i < placed.length; i++) {
      expect(inside(placed[i]!.box)).toBe(true);
      for (let j = i + 1; j < placed.length; j++) expect(intersect(placed[i]!.box, placed[j]!.box)).toBe(false);
    }
  });

  it('a label whose row a drawn line crosses moves just above or below its mark, clear of the line, with a leader', () => {
    const line = { x1: 50, y1: 150, x2: 610, y2: 150 }; // a flat series through the mark's row, on both sides
    const [place] = placeLabels([{ x: 300, y: 150, w: 120, h: 26 }], area, [], [line]);
    expect(place!.box.y2 <= 150 || place!.box.y1 >= 150).toBe(true);
    expect(place!.moved).toBe(true);
    // Without the line the label stays on its mark's row, right of it.
    const [free] = placeLabels([{ x: 300, y: 150, w: 120, h: 26 }], area);
    expect(free).toMatchObject({ anchor: 'start', moved: false, box: { x1: 309, y1: 137 } });
  });

  it('a sloping line is seen when it crosses a label box without an end inside it', () => {
    // The line runs corner to corner through the right-hand spot; the left-hand spot is clear.
    const [place] = placeLabels([{ x: 300, y: 150, w: 100, h: 26 }], area, [], [{ x1: 305, y1: 170, x2: 420, y2: 130 }]);
    expect(place!.anchor).toBe('end');
    expect(place!.moved).toBe(false);
  });

  it('a label at the right edge goes to the left of its mark; one at the top is clamped into the plot', () => {
    const [edge, high] = placeLabels(
      [
        { x: 615, y: 100, w: 60, h: 13 },
        { x: 100, y: 0, w: 60, h: 26 },
      ],
      area,
    );
    expect(edge).toMatchObject({ anchor: 'end', box: { x2: 606 } });
    expect(high!.box.y1).toBe(area.top);
  });

  it('drawn into the chart: crowded targets keep their text inside the SVG and apart', () => {
    const crowd = Array.from({ length: 12 }, (_, i) => ({
      year: 2028 + (i % 3),
      value: 79 + (i % 4) * 0.01,
      label: `≥79岁 规划${i + 1}`,
      valueLabel: '≥79岁',
      status: '进度正常',
      statusId: 'on-track',
      tip: `规划${i + 1}`,
    }));
    const svg = nationalLineChart({
      indicator,
      values: national,
      width: wideSize[0],
      height: wideSize[1],
      idPrefix: 'crowd',
      targets: crowd,
      events,
    });
    const d = doc(svg);
    const [, , vw, vh] = d.querySelector('svg')!.getAttribute('viewBox')!.split(' ').map(Number);
    const labels = [...d.querySelectorAll('.lc-target')].map((g) => [...g.querySelectorAll('text')].map((t) => Number(t.getAttribute('y'))));
    const drawn = labels.filter((ys) => ys.length > 0);
    expect(drawn.length).toBeGreaterThanOrEqual(8);
    for (const ys of drawn) for (const yy of ys) expect(yy > 0 && yy < vh!).toBe(true);
    for (const t of d.querySelectorAll('.lc-target text')) expect(Number(t.getAttribute('x'))).toBeLessThanOrEqual(vw!);
    // Label tops (first line baseline - 10) are at least a label apart within a column: all first lines distinct rows.
    const tops = drawn.map((ys) => ys[0]!).sort((a, b) => a - b);
    for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!).toBeGreaterThanOrEqual(28);
  });
});
