// What a page tells sharing sites and oEmbed consumers: its share card (a 1200×630 PNG drawn at build time,
// src/charts/share-card.ts), its own address and, on indicator pages, its oEmbed file. Every page gets the
// site's card unless it has one of its own; the card's words are built here, once, for the tags and the PNG.
import { composeShareCard, SHARE_CARD } from '../charts/share-card.ts';
import { readCatalog, readSeries } from '../site-data/read.ts';
import { formatPublishedValue, formatYear } from '../shared/format/number.ts';
import { zh } from '../shared/i18n/zh.ts';
import { wordsFor, type Lang } from '../shared/i18n/lang.ts';
import { absoluteUrl, siteOrigin, sitePaths } from '../site.ts';
import { sourceLine } from './views.ts';
import { allChartViews, type ChartView } from './views.ts';

export interface ShareImage {
  path: string;
  width: number;
  height: number;
  alt: string;
}

/** The parts of the sharing tags a page may set; the rest comes from Base.astro's title, description and URL. */
export interface ShareMeta {
  image: ShareImage;
  /** Root-relative path of the page's oEmbed JSON. */
  oembed?: string;
  /** og:type: the home page is a website, every other page an article. */
  type?: 'website' | 'article';
}

export function indicatorViews(id: string): ChartView[] {
  return allChartViews()
    .filter((v) => v.id === id)
    .map((v) => v.view);
}

/** The name of a card's PNG: an indicator id, or `site` for the site-level card. */
export const SITE_CARD = 'site';

/** The card's SVG for an indicator (its latest national value) or, for SITE_CARD, the site. */
export function shareCardSvg(card: string, origin: string | undefined = siteOrigin()): string {
  const footer = (path: string) => (origin ? absoluteUrl(path, origin) : zh.siteName);
  if (card === SITE_CARD) {
    return composeShareCard({
      // The title is the site's name already: the line above it gives the English one.
      site: zh.siteNameEn,
      title: zh.siteName,
      headline: zh.share.siteTagline,
      detail: zh.share.siteFacts(readCatalog().length),
      sourceLine: zh.share.siteSource,
      footer: footer(sitePaths.home()),
    });
  }
  const series = readSeries(card);
  const entry = readCatalog().find((e) => e.indicator.id === card);
  if (!entry) throw new Error(`no indicator ${card}`);
  const { indicator, latest } = entry;
  return composeShareCard({
    site: `${zh.siteName} ${zh.siteNameEn}`,
    title: indicator.name_zh,
    headline: latest ? formatPublishedValue(latest, indicator.unit) : zh.share.noValue,
    detail: latest ? zh.share.latest(formatYear(latest.year), zh.statusName(latest.status)) : '',
    sourceLine: latest ? sourceLine([latest], series.sources) : sourceLine(series.values, series.sources),
    footer: footer(sitePaths.indicator(card)),
  });
}

/** Every card the build draws: one per indicator, and the site's. */
export function shareCards(): string[] {
  return [...readCatalog().map((e) => e.indicator.id), SITE_CARD];
}

function cardImage(card: string, alt: string): ShareImage {
  return { path: sitePaths.shareCard(card), ...SHARE_CARD, alt };
}

/** The site's card, for every page without one of its own. */
export function siteShare(lang: Lang = 'zh'): ShareMeta {
  return { image: cardImage(SITE_CARD, wordsFor(lang).share.siteAlt) };
}

/** An indicator page's card and oEmbed link. */
export function indicatorShare(id: string): ShareMeta {
  const entry = readCatalog().find((e) => e.indicator.id === id);
  const latest = entry?.latest;
  const name = entry?.indicator.name_zh ?? id;
  const alt = zh.share.cardAlt(
    name,
    latest ? `${formatPublishedValue(latest, entry.indicator.unit)}（${formatYear(latest.year)}）` : zh.share.noValue,
  );
  return { image: cardImage(id, alt), ...(indicatorViews(id)[0] ? { oembed: sitePaths.oembed(id) } : {}), type: 'article' };
}
