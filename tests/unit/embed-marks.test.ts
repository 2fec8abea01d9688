// Plan targets and reform events beyond the indicator page (issue 15, branch embed-targets): an embed's line view
// and its picture draw the page's marks from the same renderer, in both editions; the embed's spec carries them
// so the browser redraw keeps them; the hide option (query and path) is read as the other options are.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { allEmbedViews, chartViews } from '../../src/embed/views.ts';
import { viewPicture } from '../../src/embed/pictures.ts';
import { drawLineChart, type LineChartSpec } from '../../src/shared/charts/embed-line.ts';
import {
  embedAddress,
  embedQuery,
  hideSegment,
  hideVariants,
  parseEmbedOptions,
  showsDefaultChart,
  type EmbedOffer,
} from '../../src/shared/embed/options.ts';
import { indicatorMarks } from '../../src/charts/marks.ts';
import { nationalValues, readSeries } from '../../src/site-data/read.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

const pretty = (svg: string) => svg.replace(/></g, '>\n<') + '\n';
const doc = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
const series = readSeries('life-expectancy');
const [line] = chartViews(series);
const [lineEn] = chartViews(series, 'en');
const page = indicatorMarks(
  series.indicator,
  nationalValues(series).map((v) => v.year),
  'zh',
);
const texts = (svg: string, selector: string) => [...doc(svg).querySelectorAll(selector)].map((el) => el.textContent);

describe('the line embed and picture carry the page’s marks', () => {
  const svg = line!.render(480, 'embed-line-480');

  it('matches the snapshot of the build-time embed with targets and events', () => matchSnapshotFile(pretty(svg), 'life-expectancy-embed-marks.svg'));

  it('draws every target mark and event marker the page draws', () => {
    expect(page.marks.targets.length).toBeGreaterThan(3);
    expect(doc(svg).querySelectorAll('.lc-target')).toHaveLength(page.marks.targets.length);
    expect(doc(svg).querySelectorAll('.lc-event')).toHaveLength(page.marks.events.length);
    expect(line!.offer.marks).toEqual(['targets', 'events']);
    expect(line!.eventKey.map((e) => e.number)).toEqual(page.marks.events.map((e) => e.number));
  });

  it('the picture draws them too, keys the events and names the plans in its source line', () => {
    const picture = viewPicture(line!, undefined, 'https://example.org').svg;
    expect(doc(picture).querySelectorAll('.lc-target')).toHaveLength(page.marks.targets.length);
    expect(picture).toContain('图中标注的改革事件');
    expect(line!.sourceLine).toContain('；目标：');
    for (const plan of new Set(page.drawn.map((t) => t.plan.title_zh))) expect(line!.sourceLine).toContain(plan);
  });

  it('in English: the plans’ short_en names, the events’ title_en, English plan titles in the source line', () => {
    const en = lineEn!.render(720, 'en');
    const tips = texts(en, '.lc-event title').join('\n');
    for (const t of page.drawn) expect(texts(en, '.lc-targets').join(' ')).toContain(t.plan.short_en);
    for (const e of page.events) expect(tips).toContain(e.title_en);
    expect(lineEn!.sourceLine).toContain('; targets: ');
    expect(lineEn!.sourceLine).toContain(page.drawn[0]!.plan.title_en);
    expect(lineEn!.eventKey[0]!.text).toContain(page.events[0]!.title_en);
  });
});

describe('the embed spec round-trips the marks', () => {
  // The page data is JSON in a <script>: what the browser redraws from.
  const spec = JSON.parse(JSON.stringify(line!.line)) as LineChartSpec;
  const years = line!.offer.years;
  const all = { codes: ['100000'], from: years[0]!, to: years.at(-1)! };

  it('carries the same targets and events as the chart drawn at build time', () => {
    expect(spec.targets).toEqual(line!.line!.targets);
    expect(spec.targets!.map((t) => t.label)).toEqual(page.marks.targets.map((t) => t.label));
    expect(spec.events).toEqual(page.marks.events);
  });

  it('a redraw at another width keeps every mark, labels as at build time', () => {
    const redrawn = drawLineChart(spec, all, 600, { id: 'custom', title: 'T', description: 'D' });
    const built = line!.render(720, 'built');
    expect(doc(redrawn).querySelectorAll('.lc-target')).toHaveLength(page.marks.targets.length);
    expect(doc(redrawn).querySelectorAll('.lc-event')).toHaveLength(page.marks.events.length);
    expect(texts(redrawn, '.lc-target title')).toEqual(texts(built, '.lc-target title'));
    expect(texts(redrawn, '.lc-axis text')).toContain('2035'); // widened to the last target, as on the page
  });

  it('leaves out a hidden layer, and targets past a range the reader ended early', () => {
    const noTargets = drawLineChart(spec, { ...all, hide: ['targets'] }, 600, { id: 'c', title: 'T', description: 'D' });
    expect(doc(noTargets).querySelector('.lc-targets')).toBeNull();
    expect(doc(noTargets).querySelectorAll('.lc-event').length).toBeGreaterThan(0);
    const noEvents = drawLineChart(spec, { ...all, hide: ['events'] }, 600, { id: 'c', title: 'T', description: 'D' });
    expect(doc(noEvents).querySelector('.lc-events')).toBeNull();
    const early = drawLineChart(spec, { ...all, to: 2018 }, 600, { id: 'c', title: 'T', description: 'D' });
    const early_years = texts(early, '.lc-target title').join('\n');
    expect(early_years).not.toMatch(/2025年|2030年/);
    expect(texts(early, '.lc-axis text')).not.toContain('2030');
  });
});

describe('the hide option', () => {
  const offer: EmbedOffer = {
    regions: ['100000'],
    defaultRegions: ['100000'],
    years: [2010, 2024],
    langs: ['zh', 'en'],
    marks: ['targets', 'events'],
  };

  it('reads only the layers the view offers, in one order, and writes what it read', () => {
    expect(parseEmbedOptions('?hide=events,targets', offer).hide).toEqual(['targets', 'events']);
    for (const query of ['?hide=', '?hide=all', '?hide=<script>', '?hide=Targets', '?hide=,,'])
      expect(parseEmbedOptions(query, offer).hide, query).toEqual([]);
    expect(parseEmbedOptions('?hide=targets', { ...offer, marks: ['events'] }).hide).toEqual([]);
    const options = parseEmbedOptions('?hide=events&theme=dark', offer);
    expect(embedQuery(options, offer)).toBe('?theme=dark&hide=events');
    expect(parseEmbedOptions(embedQuery(options, offer), offer)).toEqual(options);
  });

  it('the box writes hidden layers as the path of a page built without them', () => {
    const options = { ...parseEmbedOptions('?theme=dark', offer), hide: ['targets' as const, 'events' as const] };
    expect(embedAddress('/embed/life-expectancy/line/', options, offer)).toBe('/embed/life-expectancy/line/hide-targets-events/?theme=dark');
    expect(hideSegment([])).toBe('');
    expect(hideVariants(['targets', 'events']).map(hideSegment)).toEqual(['', 'hide-targets/', 'hide-events/', 'hide-targets-events/']);
  });

  it('a page built without a layer shows its default as built; ?hide= of another layer needs a redraw', () => {
    const hidden = ['targets' as const];
    expect(showsDefaultChart(parseEmbedOptions('', offer), offer, hidden)).toBe(true);
    expect(showsDefaultChart(parseEmbedOptions('?hide=targets', offer), offer, hidden)).toBe(true);
    expect(showsDefaultChart(parseEmbedOptions('?hide=events', offer), offer, hidden)).toBe(false);
  });

  it('each line view is built once per choice, without the marks it hides', () => {
    const variants = allEmbedViews('zh').filter(({ id, view }) => id === 'life-expectancy' && view.kind === 'line');
    expect(variants.map(({ view }) => view.embedPath)).toEqual([
      '/embed/life-expectancy/line/',
      '/embed/life-expectancy/line/hide-targets/',
      '/embed/life-expectancy/line/hide-events/',
      '/embed/life-expectancy/line/hide-targets-events/',
    ]);
    const noTargets = variants[1]!.view;
    const svg = noTargets.render(480, 'v');
    expect(doc(svg).querySelector('.lc-targets')).toBeNull();
    expect(doc(svg).querySelectorAll('.lc-event').length).toBeGreaterThan(0);
    expect(texts(svg, '.lc-axis text')).not.toContain('2035'); // the axis fits what is drawn
    expect(noTargets.sourceLine).not.toContain('目标：');
    expect(noTargets.line!.targets).toBeUndefined();
    expect(noTargets.legend.map((l) => l.kind)).not.toContain('target');
    const none = variants[3]!.view;
    expect(doc(none.render(480, 'n')).querySelector('.lc-events, .lc-targets')).toBeNull();
    expect(none.eventKey).toEqual([]);
  });
});
