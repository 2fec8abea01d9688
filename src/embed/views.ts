// The chart views of an indicator that can leave the site: its national line chart and, where provincial data
// exists, its provincial ranking. One description per view feeds the embed page, the picture, oEmbed and the
// embed box, so they all show the same title, unit, years and sources. The line view carries the plan targets and
// reform events the indicator page's chart draws (charts/marks.ts), drawn by the same renderer; an embed may be
// built without them (hide), a page of its own at …/line/hide-targets/ and so on.
import type { IndicatorSpec } from '../catalog/schema.ts';
import type { PublishedSeries, PublishedValue } from '../pipeline/publication.ts';
import { latestProvincialValues, nationalValues, readCatalog, readSeries } from '../site-data/read.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import { lineLegend, rankingLegend } from '../site-data/summaries.ts';
import { lineChartText, nationalLineChart, scaleTargets } from '../charts/line.ts';
import { eventDate, indicatorMarks } from '../charts/marks.ts';
import type { PlanView } from '../shared/targets/types.ts';
import { provincialRankingChart, rankingChartText } from '../charts/ranking.ts';
import { chartLanguage, regionTip, isTentative } from '../shared/charts/points.ts';
import { valueAxis } from '../shared/charts/axis-lang.ts';
import { unitLabelEn } from '../shared/format/english.ts';
import { regionNameIn } from '../site-data/region-names.ts';
import { yearIn } from '../shared/format/in-lang.ts';
import type { Lang } from '../shared/i18n/lang.ts';
import { sitePaths } from '../site.ts';
import type { LegendKind } from '../charts/render.ts';
import { seriesPalette } from '../shared/charts/colors.ts';
import { formatYear } from '../shared/format/number.ts';
import { zh, type Words } from '../shared/i18n/zh.ts';
import type { ChartViewKind } from '../site.ts';
import { hideSegment, hideVariants, type EmbedOffer, type MarkLayer } from '../shared/embed/options.ts';
import type { LineChartSpec } from '../shared/charts/embed-line.ts';
import { lineHeight } from '../shared/charts/line-chart.ts';
import { escapeXml } from '../shared/format/markup.ts';
import { tagRankingRows } from './ranking-rows.ts';
import { EMBED_LANGUAGES, embedLanguage } from './languages.ts';

export interface ChartView {
  kind: ChartViewKind;
  /** The edition the view's words, names and values are in. */
  lang: Lang;
  /** Its embed page, in that edition (/embed/… or /en/embed/…). */
  embedPath: string;
  indicator: IndicatorSpec;
  title: string;
  description: string;
  /** 单位：‰；2010—2025年 */
  subtitle: string;
  /** The unit the subtitle names (‰; in English the unit the English values are written in). */
  subtitleUnit: string;
  /** 来源：国家统计局（…） */
  sourceLine: string;
  legend: { kind: LegendKind; text: string }[];
  offer: EmbedOffer;
  /** Short names of the regions the view offers, by code. */
  regionNames: Record<string, string>;
  /** The build-time Plot chart at a given width (height follows the chart's own rule). */
  render: (width: number, idPrefix: string) => string;
  /** What the browser needs to redraw a line chart for other regions and years. */
  line?: LineChartSpec;
  /** The source line once provinces are drawn too (their values come from other publications). */
  sourceLineAll?: string;
  /** Frame height that shows the whole default chart at any width from 300 px up, without the loader. */
  fallbackHeight: number;
  /** The reform events marked on the chart, numbered as their markers: the key under the chart. */
  eventKey: { number: number; text: string }[];
  /** Mark layers this view was built without (a line embed's hide variant). */
  hidden: MarkLayer[];
}

/** Widths drawn at build time for embed pages; each is shown from its own width up to the next one. */
export const EMBED_WIDTHS = [340, 480, 720] as const;
/** The width of the report-ready picture's chart and the embed's widest rendering. */
export const PICTURE_CHART_WIDTH = 720;

export { lineHeight };

/**
 * Room for the title, subtitle, legend, source and link around the chart. Measured in Chromium from 300 to
 * 1400 px: at most 207 px beside the tallest rendering (tests/browser/embed.test.ts checks every page fits).
 */
const TEXT_ALLOWANCE = 230;

export const svgHeight = (svg: string) => Number(svg.match(/^<svg[^>]*\sheight="([\d.]+)"/)?.[1] ?? 0);

/** A source line longer than the four lines TEXT_ALLOWANCE was measured with (about 20 characters a line at 300 px) gets its extra lines. */
const SOURCE_CHARS_PER_LINE = 20;
const SOURCE_LINE_HEIGHT = 19;
const sourceExtra = (source: string) => Math.max(0, Math.ceil(source.length / SOURCE_CHARS_PER_LINE) - 4) * SOURCE_LINE_HEIGHT;

/** The event key under an embed's chart: its heading and one line per event, more when an event's text wraps. */
const KEY_HEADING = 27;
const eventKeyExtra = (key: ChartView['eventKey']) =>
  key.length ? KEY_HEADING + key.reduce((sum, e) => sum + Math.ceil((e.text.length + 3) / SOURCE_CHARS_PER_LINE) * SOURCE_LINE_HEIGHT, 0) : 0;

function fallbackHeight(render: ChartView['render'], source = '', key: ChartView['eventKey'] = []): number {
  return Math.max(...EMBED_WIDTHS.map((w) => svgHeight(render(w, 'measure')))) + TEXT_ALLOWANCE + sourceExtra(source) + eventKeyExtra(key);
}

/** 《“十四五”国民健康规划》（国务院办公厅，2022年）: the plans the targets drawn come from, in order of first use. */
export function targetPlans(plans: PlanView[], words: Words): string {
  const { lang } = chartLanguage({ words });
  const unique = [...new Map(plans.map((p) => [p.id, p])).values()];
  return unique
    .map((p) =>
      words.embed.targetPlan(
        lang === 'en' ? p.title_en : p.title_zh,
        lang === 'en' ? p.issuer_en : p.issuer_zh,
        yearIn(lang, Number(p.date.slice(0, 4))),
      ),
    )
    .join(words.listSeparator);
}

/** A source line followed by the plans its chart's targets come from. */
const withPlans = (line: string, plans: PlanView[], words: Words) =>
  plans.length ? line + words.embed.sourceSeparator + words.embed.targetsSource(targetPlans(plans, words)) : line;

/**
 * 国家统计局（国家数据 年度数据、人口数据发布）；国家卫生健康委员会（…）: publishers in order of first use. In English
 * the publisher's English name and the publication's English title: the publisher's own, or ours marked as ours with
 * the Chinese title beside it.
 */
export function sourceLine(values: PublishedValue[], sources: PublishedSeries['sources'], words: Words = zh): string {
  const { lang } = chartLanguage({ words });
  const byPublisher = new Map<string, Set<string>>();
  for (const id of values.map((v) => v.source)) {
    const source = sources[id];
    if (!source) continue;
    const publisher = lang === 'en' ? source.publisher_en : source.publisher;
    if (!byPublisher.has(publisher)) byPublisher.set(publisher, new Set());
    byPublisher.get(publisher)!.add(words.charts.sourceTitle(source.title, source.title_en, source.title_en_by === 'ours'));
  }
  // A long series cites a dozen yearly bulletins: past five, name the first two and count them all, so the line stays short.
  const list = (titles: string[]) =>
    titles.length > 5 ? words.embed.sourceTitlesMore(titles.slice(0, 2).join(words.listSeparator), titles.length) : titles.join(words.listSeparator);
  const parts = [...byPublisher].map(([publisher, titles]) => words.embed.sourcePublisher(publisher, list([...titles])));
  return words.embed.sourceLine(parts.join(words.embed.sourceSeparator));
}

/** Chinese text inside English text (a Chinese publication title beside ours): marked lang="zh-CN" for readers, screen
 * readers and the no-CJK test; escaped, as HTML. Chinese pages need no marking. */
export function chineseMarked(text: string, lang: Lang): string {
  const escaped = escapeXml(text);
  if (lang === 'zh') return escaped;
  return escaped.replace(CJK_RUN, (run) => `<span lang="zh-CN">${run}</span>`);
}
/** A run of Chinese text: from a CJK character (or 《) to the last one before an English bracket or separator. */
const CJK_RUN =
  /[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef](?:[^();]*[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])?/g;

/** The unit a subtitle names: the published one, or in English the unit the English values are written in. */
const subtitleUnit = (lang: Lang, indicator: IndicatorSpec) => (lang === 'en' ? unitLabelEn(indicator.unit, indicator.unit_en) : indicator.unit);

function lineView(series: PublishedSeries, national: PublishedValue[], words: Words, langs: Lang[], hide: MarkLayer[] = []): ChartView {
  const { indicator } = series;
  const { lang } = chartLanguage({ words });
  // The page's marks (charts/marks.ts), less the layers this embed was asked to leave out.
  const all = indicatorMarks(
    indicator,
    national.map((v) => v.year),
    lang,
  );
  const layers = (['targets', 'events'] as const).filter((layer) => all.marks[layer].length > 0);
  const showTargets = !hide.includes('targets');
  const showEvents = !hide.includes('events');
  // Without targets the chart ends at the last year with a value: so do its events and their key.
  const lastYear = showTargets ? Infinity : Math.max(...national.map((v) => v.year));
  const marks = {
    targets: showTargets ? all.marks.targets : [],
    events: showEvents ? all.marks.events.filter((e) => e.year <= lastYear) : [],
  };
  const plans = showTargets ? all.drawn.map((t) => t.plan) : [];
  const eventKey = (showEvents ? all.events.filter((e) => e.year <= lastYear) : []).map((e, i) => ({
    number: i + 1,
    // The full title (the page's key has room only for the short label): a report picture is read on its own.
    text: `${eventDate(e, lang)} ${lang === 'en' ? e.title_en : e.title_zh}`,
  }));
  const axis = valueAxis(lang, indicator, words);
  const name = (code: string, values: PublishedValue[]) => regionNameIn(lang, code, values[0]!.region);
  const text = lineChartText(indicator, national, words);
  const years = national.map((v) => v.year);
  // Provinces with at least two years can be drawn as lines; a single year is a point, better read in the ranking.
  const provinces = new Map<string, PublishedValue[]>();
  for (const v of series.values) if (v.regionCode !== NATIONAL_CODE) provinces.set(v.regionCode, [...(provinces.get(v.regionCode) ?? []), v]);
  const lines = [[NATIONAL_CODE, national] as const, ...[...provinces].filter(([, values]) => values.length > 1)];
  const renderLine: ChartView['render'] = (width, idPrefix) =>
    nationalLineChart({ indicator, values: national, width, height: lineHeight(width), idPrefix, words, ...marks });
  const allYears = [...new Set(lines.flatMap(([, values]) => values.map((v) => v.year)))].sort((a, b) => a - b);
  return {
    kind: 'line',
    lang,
    embedPath: sitePaths.embed(indicator.id, 'line', lang) + hideSegment(hide),
    indicator,
    ...text,
    subtitle: words.embed.subtitle(subtitleUnit(lang, indicator), words.yearRange(Math.min(...years), Math.max(...years))),
    subtitleUnit: subtitleUnit(lang, indicator),
    sourceLine: withPlans(sourceLine(national, series.sources, words), plans, words),
    sourceLineAll: withPlans(
      sourceLine(
        lines.flatMap(([, values]) => values),
        series.sources,
        words,
      ),
      plans,
      words,
    ),
    legend: [
      ...lineLegend(
        national,
        indicator.breaks.map((b) => b.year),
        words,
      ),
      ...(marks.targets.length ? [{ kind: 'target' as const, text: words.figure.legendTarget }] : []),
      ...(marks.events.length ? [{ kind: 'event' as const, text: words.figure.legendEvent }] : []),
    ],
    offer: {
      regions: lines.map(([code]) => code),
      defaultRegions: [NATIONAL_CODE],
      years: allYears,
      langs,
      ...(layers.length ? { marks: layers } : {}),
    },
    regionNames: Object.fromEntries(lines.map(([code, values]) => [code, name(code, values)])),
    render: renderLine,
    fallbackHeight: fallbackHeight(renderLine, withPlans(sourceLine(national, series.sources, words), plans, words), eventKey),
    eventKey,
    hidden: hide,
    line: {
      unitAxis: axis.label,
      breakLabel: words.chart.breakLabel,
      breaks: indicator.breaks.map((b) => b.year),
      palette: seriesPalette,
      ...(lang === 'en' ? { tickSeparators: true } : {}),
      // Values at the axis's scale (万人 in millions on an English chart); the tooltips carry the published digits.
      series: lines.map(([code, values]) => ({
        code,
        name: name(code, values),
        points: [...values]
          .sort((a, b) => a.year - b.year)
          .map((v) => [v.year, v.value * axis.scale, isTentative(v) ? 1 : 0, regionTip(v, indicator, words, name(code, values))]),
      })),
      // The same marks as the chart drawn at build time, so a redraw keeps them.
      ...(marks.targets.length ? { targets: scaleTargets(marks.targets, axis.scale) } : {}),
      ...(marks.events.length ? { events: marks.events } : {}),
    },
  };
}

function rankingView(
  series: PublishedSeries,
  year: number,
  values: PublishedValue[],
  national: PublishedValue | undefined,
  words: Words,
  langs: Lang[],
): ChartView {
  const { indicator } = series;
  const { lang } = chartLanguage({ words });
  const codes = values.map((v) => v.regionCode);
  const renderRanking: ChartView['render'] = (width, idPrefix) =>
    tagRankingRows(provincialRankingChart({ indicator, values, national, width, idPrefix, words }), codes);
  return {
    kind: 'ranking',
    lang,
    embedPath: sitePaths.embed(indicator.id, 'ranking', lang),
    indicator,
    ...rankingChartText(indicator, values, national, words),
    subtitle: words.embed.subtitle(subtitleUnit(lang, indicator), formatYear(year, words)),
    subtitleUnit: subtitleUnit(lang, indicator),
    sourceLine: sourceLine(national ? [...values, national] : values, series.sources, words),
    legend: rankingLegend(values, national !== undefined, words),
    offer: { regions: codes, defaultRegions: [], years: [year], langs },
    regionNames: Object.fromEntries(values.map((v) => [v.regionCode, regionNameIn(lang, v.regionCode, v.region)])),
    render: renderRanking,
    fallbackHeight: fallbackHeight(renderRanking),
    eventKey: [],
    hidden: [],
  };
}

/** The views of one indicator in one language; that language comes first among the ones ?lang= may ask for. */
export function chartViews(series: PublishedSeries, lang: Lang = 'zh'): ChartView[] {
  const language = embedLanguage(lang);
  const words = language.words;
  const langs = [language.code, ...EMBED_LANGUAGES.map((l) => l.code).filter((code) => code !== language.code)];
  const national = nationalValues(series);
  const provincial = latestProvincialValues(series);
  const views: ChartView[] = [];
  if (national.length > 0) views.push(lineView(series, national, words, langs));
  if (provincial)
    views.push(
      rankingView(
        series,
        provincial.year,
        provincial.values,
        national.find((v) => v.year === provincial.year),
        words,
        langs,
      ),
    );
  return views;
}

/** Every chart view of the catalog in one language, computed once per build (pages and pictures share it). */
const allViewsCache = new Map<string, { id: string; view: ChartView }[]>();
export function allChartViews(lang: Lang = 'zh'): { id: string; view: ChartView }[] {
  if (!allViewsCache.has(lang)) {
    const list = readCatalog().flatMap((entry) => chartViews(readSeries(entry.indicator.id), lang).map((view) => ({ id: entry.indicator.id, view })));
    allViewsCache.set(lang, list);
  }
  return allViewsCache.get(lang)!;
}

/**
 * Every embed page of the catalog in one language: each chart view, and each line view once more per choice of
 * layers to hide (built as pages, so the choice holds without script).
 */
export function allEmbedViews(lang: Lang = 'zh'): { id: string; view: ChartView }[] {
  return allChartViews(lang).flatMap(({ id, view }) => {
    if (view.kind !== 'line' || !view.offer.marks) return [{ id, view }];
    const series = readSeries(id);
    const { words } = embedLanguage(lang);
    const langs = view.offer.langs as Lang[];
    return hideVariants(view.offer.marks).map((hide) => ({
      id,
      view: hide.length ? lineView(series, nationalValues(series), words, langs, hide) : view,
    }));
  });
}
