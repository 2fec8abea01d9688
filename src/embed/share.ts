// What a page tells sharing sites and oEmbed consumers: its share card (a 1200×630 PNG drawn at build time,
// src/charts/share-card.ts), its own address and, on indicator pages, its oEmbed file. Every page gets the
// site's card unless it has one of its own; the card's words are built here, once, for the tags and the PNG.
import { composeShareCard, SHARE_CARD } from '../charts/share-card.ts';
import { readCatalog, readSeries } from '../site-data/read.ts';
import { valueIn, yearIn } from '../shared/format/in-lang.ts';
import { wordsFor, type Lang, nameIn } from '../shared/i18n/lang.ts';
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

export function indicatorViews(id: string, lang: Lang = 'zh'): ChartView[] {
  return allChartViews(lang)
    .filter((v) => v.id === id)
    .map((v) => v.view);
}

/** The name of a card's PNG: an indicator id, or `site` for the site-level card. */
export const SITE_CARD = 'site';

/** The card's SVG for an indicator (its latest national value) or, for SITE_CARD, the site, in a language. */
export function shareCardSvg(card: string, origin: string | undefined = siteOrigin(), lang: Lang = 'zh'): string {
  const w = wordsFor(lang);
  const en = lang === 'en';
  const footer = (path: string) => (origin ? absoluteUrl(path, origin) : w.siteName);
  if (card === SITE_CARD) {
    return composeShareCard({
      // The Chinese card's title is the site's name: the line above it gives the English one. The English card
      // names the site once, in English.
      site: en ? w.share.siteTagline : w.siteNameEn,
      title: w.siteName,
      headline: en ? w.charts.cardHeadline : w.share.siteTagline,
      detail: w.share.siteFacts(readCatalog().length),
      sourceLine: w.share.siteSource,
      footer: footer(sitePaths.home(lang)),
    });
  }
  const series = readSeries(card);
  const entry = readCatalog().find((e) => e.indicator.id === card);
  if (!entry) throw new Error(`no indicator ${card}`);
  const { indicator, latest } = entry;
  return composeShareCard({
    site: en ? w.siteName : `${w.siteName} ${w.siteNameEn}`,
    title: nameIn(lang, indicator),
    headline: latest ? valueIn(lang, latest, indicator) : w.share.noValue,
    detail: latest ? w.share.latest(yearIn(lang, latest.year), w.statusName(latest.status)) : '',
    sourceLine: latest ? sourceLine([latest], series.sources, w) : sourceLine(series.values, series.sources, w),
    footer: footer(sitePaths.indicator(card, lang)),
    lang,
  });
}

/** Every card the build draws: one per indicator, and the site's. */
export function shareCards(): string[] {
  return [...readCatalog().map((e) => e.indicator.id), SITE_CARD];
}

function cardImage(card: string, alt: string, lang: Lang): ShareImage {
  return { path: sitePaths.shareCard(card, lang), ...SHARE_CARD, alt };
}

/** The site's card in the page's language, for every page without one of its own. */
export function siteShare(lang: Lang = 'zh'): ShareMeta {
  return { image: cardImage(SITE_CARD, wordsFor(lang).share.siteAlt, lang) };
}

/** An indicator page's card and oEmbed link, in the page's language. */
export function indicatorShare(id: string, lang: Lang = 'zh'): ShareMeta {
  const w = wordsFor(lang);
  const entry = readCatalog().find((e) => e.indicator.id === id);
  const latest = entry?.latest;
  const name = entry ? nameIn(lang, entry.indicator) : id;
  const alt = w.share.cardAlt(
    name,
    latest ? w.charts.valueInYear(valueIn(lang, latest, entry.indicator), yearIn(lang, latest.year)) : w.share.noValue,
  );
  return { image: cardImage(id, alt, lang), ...(indicatorViews(id, lang)[0] ? { oembed: sitePaths.oembed(id, lang) } : {}), type: 'article' };
}
