// The one gap rule in every place a line is drawn (issue 11), pinned by snapshots of life expectancy (values for
// 2010, 2015-2021 and 2023-2024: three runs, 2010 a dot alone): the indicator page (wide and narrow), the
// browser's comparison redraw with a province, the embed's redraw, the report picture and a region page line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { nationalValues, publishedDir, readSeries } from '../../src/site-data/read.ts';
import { NATIONAL_CHART_SIZES, nationalLineChart } from '../../src/charts/line.ts';
import { regionLineChart } from '../../src/charts/region.ts';
import { chartViews } from '../../src/embed/views.ts';
import { viewPicture } from '../../src/embed/pictures.ts';
import { drawLineChart } from '../../src/shared/charts/embed-line.ts';
import { compareChart } from '../../src/shared/charts/compare-chart.ts';
import { exploreData } from '../../src/explore/data.ts';
import { defaultView } from '../../src/shared/explore/view-state.ts';
import type { PublishedValue } from '../../src/pipeline/publication.ts';
import { zh } from '../../src/shared/i18n/zh.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

if (!fs.existsSync(path.join(publishedDir(), 'catalog.json')))
  throw new Error('build/data is missing: run `npm run data` first. 先运行 npm run data。');

const pretty = (svg: string) => svg.replace(/></g, '>\n<') + '\n';
const series = readSeries('life-expectancy');
const { indicator } = series;
const national = nationalValues(series);

/**
 * A province for the comparison and region charts. Life expectancy has no provincial values published, so the
 * test makes one (never published): the national values minus one, over the national years with 2016 missing.
 */
const FIXTURE_CODE = '990000';
const fixture: PublishedValue[] = national
  .filter((v) => v.year !== 2016)
  .map((v) => ({ ...v, regionCode: FIXTURE_CODE, region: '测试省', value: Number((v.value - 1).toFixed(2)) }));

/** The path commands of one series' line: M starts a run, L continues it. */
function runShape(svg: string, key: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const d = document.querySelector(`[data-series="${key}"] path`)?.getAttribute('d') ?? '';
  return d.replace(/[^ML]/g, '');
}
const dots = (svg: string, key: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return document.querySelectorAll(`[data-series="${key}"] circle`).length;
};

// 2010 alone (a dot, no line), 2015-2021 (six segments), 2023-2025 (two).
const LIFE_SHAPE = 'MLLLLLLMLL';

describe('life expectancy, wherever it is drawn', () => {
  const [wideSize, narrowSize] = NATIONAL_CHART_SIZES;
  const page = {
    wide: nationalLineChart({ indicator, values: national, width: wideSize[0], height: wideSize[1], idPrefix: 'line-wide' }),
    narrow: nationalLineChart({ indicator, values: national, width: narrowSize[0], height: narrowSize[1], idPrefix: 'line-narrow' }),
  };
  const data = exploreData({ ...series, values: [...series.values, ...fixture] });
  data.regions[FIXTURE_CODE] = '测试省';
  const years = national.map((v) => v.year);
  const view = {
    ...defaultView({ regionCodes: [FIXTURE_CODE], chartYears: years, defaultFrom: years[0]!, defaultTo: years.at(-1)!, provincialYears: [] }),
  };
  const compared = compareChart(data, { ...view, regions: [FIXTURE_CODE] }, [wideSize, narrowSize]);
  const lineView = chartViews(series)[0]!;
  const embed = drawLineChart(lineView.line!, { codes: ['100000'], from: 2010, to: 2025 }, 480, { id: 'custom', title: 'T', description: 'D' });
  const picture = viewPicture(lineView, zh, 'https://example.org').svg;
  const region = regionLineChart({ indicator, values: fixture, national, width: 640, height: 240, idPrefix: 'region' });

  it('matches the snapshots', () => {
    matchSnapshotFile(pretty(page.wide), 'life-expectancy-national.svg');
    matchSnapshotFile(pretty(page.narrow), 'life-expectancy-national-narrow.svg');
    matchSnapshotFile(pretty(compared.svgs[0]!), 'life-expectancy-compare.svg');
    matchSnapshotFile(pretty(embed), 'life-expectancy-embed.svg');
    matchSnapshotFile(pretty(picture), 'picture-life-expectancy-line.svg');
    matchSnapshotFile(pretty(region), 'life-expectancy-region.svg');
  });

  it('shows three runs and a dot for every year in each place', () => {
    for (const svg of [page.wide, page.narrow, compared.svgs[0]!, compared.svgs[1]!]) {
      expect(runShape(svg, svg.includes('compare-') ? '100000' : 'national')).toBe(LIFE_SHAPE);
    }
    expect(runShape(embed, '100000')).toBe(LIFE_SHAPE);
    expect(runShape(picture, 'national')).toBe(LIFE_SHAPE);
    expect(runShape(region, '100000')).toBe(LIFE_SHAPE);
    expect(dots(page.wide, 'national')).toBe(11);
    expect(dots(embed, '100000')).toBe(11);
  });

  it('keeps the national line as it is when a province is ticked', () => {
    const alone = compareChart(data, { ...view, regions: [] }, [wideSize]);
    expect(runShape(alone.svgs[0]!, '100000')).toBe(runShape(compared.svgs[0]!, '100000'));
    // The province's own gap (2016) shows too: 2010 alone, 2015, 2017-2021, 2023-2025.
    expect(runShape(compared.svgs[0]!, FIXTURE_CODE)).toBe('MLLLLMLL');
  });
});
