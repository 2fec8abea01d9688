// Plan targets and reform events on the indicator chart (issue 15): a snapshot of life expectancy with its
// targets and the events of its area, wide and narrow, and the rules the marks follow.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { nationalValues, readSeries } from '../../src/site-data/read.ts';
import { eventsFor, targetsFor } from '../../src/site-data/targets.ts';
import { NATIONAL_CHART_SIZES, nationalLineChart } from '../../src/charts/line.ts';
import { chartEvents, drawnTargets, eventMarks, targetMarks } from '../../src/charts/marks.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

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
    expect(d.replace(/[^ML]/g, '')).toBe('MLLLLLLML');
  });
});
