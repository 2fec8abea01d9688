// The English charts (issue 17): every renderer drawn with lang 'en' from the real published series, a snapshot of
// an English line chart (a 万人 count restated in millions, targets and events marked), and the rule that an
// English chart's text has no CJK character. The Chinese default is pinned by the other chart snapshots.
import { describe, expect, it } from 'vitest';
import { latestProvincialValues, nationalValues, readSeries } from '../../src/site-data/read.ts';
import { eventsFor, targetsFor } from '../../src/site-data/targets.ts';
import { provincialValuesOf, regionValues } from '../../src/site-data/provincial.ts';
import { nationalLineChart } from '../../src/charts/line.ts';
import { provincialRankingChart } from '../../src/charts/ranking.ts';
import { regionLineChart, regionStripChart } from '../../src/charts/region.ts';
import { mapClasses, mapLegend, provinceMap } from '../../src/charts/map.ts';
import { COMPOSITION_PARTS, compositionChart, type CompositionPartId } from '../../src/charts/composition.ts';
import { procurementChart } from '../../src/charts/procurement.ts';
import { sparkline } from '../../src/charts/sparkline.ts';
import { chartEvents, eventMarks, targetMarks } from '../../src/charts/marks.ts';
import { loadProcurementBatches } from '../../src/site-data/procurement.ts';
import { compareChart } from '../../src/shared/charts/compare-chart.ts';
import { exploreData } from '../../src/explore/data.ts';
import { defaultView } from '../../src/shared/explore/view-state.ts';
import { NATIONAL_CODE } from '../../src/shared/national-code.ts';
import type { PublishedValue } from '../../src/pipeline/publication.ts';
import { en } from '../../src/shared/i18n/en.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';
import { CJK, svgTexts } from '../helpers/cjk.ts';

const pretty = (svg: string) => svg.replace(/></g, '>\n<') + '\n';
const national = (id: string) => {
  const series = readSeries(id);
  return { series, indicator: series.indicator, values: nationalValues(series) };
};

const life = national('life-expectancy');
const lifeTargets = targetMarks(targetsFor('life-expectancy'), 'en');
const lifeEvents = eventMarks(chartEvents(eventsFor(life.indicator.area), life.values[0]!.year, 2030), 'en');
const insurance = national('basic-medical-insurance-participants');
const birth = national('birth-rate');
const provincial = latestProvincialValues(birth.series)!;
const beijing = regionValues(birth.series, '110000');
const names = {} as Record<CompositionPartId, string>;
const parts = {} as Record<CompositionPartId, PublishedValue[]>;
for (const p of COMPOSITION_PARTS) {
  parts[p.id] = nationalValues(readSeries(p.id));
  names[p.id] = readSeries(p.id).indicator.name_en;
}
const years = birth.values.map((v) => v.year);
const bounds = { regionCodes: ['150000'], chartYears: years, defaultFrom: years[0]!, defaultTo: years.at(-1)!, provincialYears: [] };

const charts: Record<string, () => string> = {
  'national line, 万人 in millions': () => nationalLineChart({ ...insurance, width: 720, idPrefix: 'line', lang: 'en' }),
  'national line with targets and events': () =>
    nationalLineChart({ ...life, width: 960, height: 380, idPrefix: 'life', lang: 'en', targets: lifeTargets, events: lifeEvents }),
  'national line, narrow, with targets': () =>
    nationalLineChart({ ...life, width: 340, height: 240, idPrefix: 'narrow', lang: 'en', targets: lifeTargets, events: lifeEvents }),
  ranking: () =>
    provincialRankingChart({
      indicator: birth.indicator,
      values: provincial.values,
      national: birth.values.find((v) => v.year === provincial.year),
      width: 720,
      idPrefix: 'rank',
      lang: 'en',
    }),
  'region line': () =>
    regionLineChart({ indicator: birth.indicator, values: beijing, national: birth.values, width: 480, height: 240, idPrefix: 'r', lang: 'en' }),
  'region strip': () =>
    regionStripChart({
      indicator: birth.indicator,
      values: provincial.values,
      regionCode: '150000',
      rankText: 'ranked 3 of 31',
      width: 480,
      idPrefix: 's',
      lang: 'en',
    }),
  map: () =>
    provinceMap({
      indicator: birth.indicator,
      values: provincialValuesOf(birth.series, provincial.year),
      year: provincial.year,
      classes: mapClasses(provincial.values.map((v) => v.value)),
      idPrefix: 'map',
      lang: 'en',
    }),
  composition: () => compositionChart({ parts, names, width: 720, idPrefix: 'c', lang: 'en' }),
  procurement: () => procurementChart({ batches: loadProcurementBatches().batches, width: 720, idPrefix: 'p', lang: 'en' }),
  sparkline: () => sparkline({ ...birth, idPrefix: 'spark', lang: 'en' }),
  comparison: () =>
    compareChart(exploreData(birth.series), { ...defaultView(bounds), regions: ['150000'] }, [[720, 360]], { targets: [], events: [] }, 'en')
      .svgs[0]!,
  'comparison, change since a base year': () =>
    compareChart(
      exploreData(birth.series),
      { ...defaultView(bounds), regions: ['150000'], mode: 'change', base: 2015 },
      [[720, 360]],
      undefined,
      'en',
    ).svgs[0]!,
};

describe('English charts', () => {
  it('matches the snapshot of an English line chart', () => {
    matchSnapshotFile(pretty(charts['national line, 万人 in millions']!()), 'basic-medical-insurance-participants-national-en.svg');
    matchSnapshotFile(pretty(charts['national line with targets and events']!()), 'life-expectancy-targets-en.svg');
  });

  for (const [name, draw] of Object.entries(charts)) {
    it(`${name}: no CJK character in its text`, () => {
      const texts = svgTexts(draw());
      expect(texts.length).toBeGreaterThan(2);
      expect(texts.filter((t) => CJK.test(t))).toEqual([]);
    });
  }

  it('the test can fail: the same chart in Chinese is full of CJK text', () => {
    expect(svgTexts(nationalLineChart({ ...insurance, width: 720, idPrefix: 'line' })).filter((t) => CJK.test(t)).length).toBeGreaterThan(5);
  });

  it('restates 万人 exactly in millions, with thousands separators, in tooltips and the axis', () => {
    const texts = svgTexts(charts['national line, 万人 in millions']!());
    const latest = insurance.values.at(-1)!;
    // 132592万人 -> 1,325.92 million people: the decimal point moved, no digit rounded.
    const digits = latest.value.toFixed(latest.decimals).replace('.', '');
    expect(texts.some((t) => t.includes('million people') && t.replace(/[,.]/g, '').includes(digits))).toBe(true);
    expect(texts).toContain('Unit: million people');
    expect(texts.some((t) => /^\d{1,3}(,\d{3})+$/.test(t) || /^\d{1,3}$/.test(t))).toBe(true);
  });

  it('names provinces as the bureau’s English pages do', () => {
    const texts = svgTexts(charts.ranking!()).join('\n');
    for (const name of ['Inner Mongolia', 'Guangxi', 'Xinjiang', 'Beijing']) expect(texts).toContain(name);
    expect(svgTexts(charts.map!()).join('\n')).toContain(`Hong Kong`);
  });

  it('labels targets with the plans’ English short names and events with their English titles', () => {
    const svg = charts['national line with targets and events']!();
    const plans = targetsFor('life-expectancy').map((t) => t.plan.short_en);
    expect(plans.some((p) => svg.includes(p))).toBe(true);
    const texts = svgTexts(svg).join('\n');
    const titles = chartEvents(eventsFor(life.indicator.area), life.values[0]!.year, 2030).map((e) => e.title_en);
    expect(titles.some((t) => texts.includes(t))).toBe(true);
  });

  it('writes map legend thresholds as English axes do', () => {
    const legend = mapLegend(mapClasses(provincial.values.map((v) => v.value)), en, birth.indicator);
    expect(legend.every((l) => !CJK.test(l.text))).toBe(true);
  });

  it('keeps the national line first in the comparison, named China', () => {
    const chart = compareChart(exploreData(birth.series), { ...defaultView(bounds), regions: ['150000'] }, [[720, 360]], undefined, 'en');
    expect(chart.series.map((s) => s.name)).toEqual(['China', 'Inner Mongolia']);
    expect(NATIONAL_CODE).toBe('100000');
  });
});
