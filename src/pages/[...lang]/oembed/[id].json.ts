// /oembed/<id>.json and /en/oembed/<id>.json: the oEmbed 1.0 answer (type rich) for an indicator page in its language
// (linked from its <head>), so tools that understand oEmbed turn a pasted page address into our embedded chart, in
// the page's language: title, author and provider, the embed page and the share card of that edition. Static: one
// file per indicator and language, its first chart view. A static host cannot read maxwidth/maxheight from the
// query string, so every consumer gets the same answer: the iframe is width:100% up to `width` and its height fits
// the chart at any width from 300 px (README, "oEmbed"); the thumbnail is the page's share card.
import type { APIRoute, GetStaticPaths } from 'astro';
import { indicatorViews } from '../../../embed/share.ts';
import { readCatalog, readRelease } from '../../../site-data/read.ts';
import { embedSnippet, EMBED_MAX_WIDTH } from '../../../shared/embed/snippet.ts';
import { absoluteUrl, siteOrigin, sitePaths, warnIfNoOrigin } from '../../../site.ts';
import { SHARE_CARD } from '../../../charts/share-card.ts';
import { LANGS, langParam, wordsFor } from '../../../shared/i18n/lang.ts';

/** How long consumers may keep an answer (a day): figures change only with a data release. */
export const OEMBED_CACHE_AGE = 86400;

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    readCatalog().flatMap(({ indicator: { id } }) => {
      const view = indicatorViews(id, lang)[0];
      return view ? [{ params: { lang: langParam(lang), id }, props: { view } }] : [];
    }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  warnIfNoOrigin();
  const { view } = props;
  const { lang } = view;
  const words = wordsFor(lang);
  const release = readRelease();
  const id = view.indicator.id;
  const origin = siteOrigin();
  const home = absoluteUrl(sitePaths.home(lang), origin);
  const body = {
    version: '1.0',
    type: 'rich',
    title: view.title,
    // The compilation's author, as citations name it (data/release.yaml).
    author_name: lang === 'en' ? release.compiler_en : release.compiler,
    author_url: home,
    provider_name: words.siteName,
    provider_url: home,
    cache_age: OEMBED_CACHE_AGE,
    html: embedSnippet({
      src: absoluteUrl(view.embedPath, origin),
      title: words.embed.frameTitle(view.title),
      height: view.fallbackHeight,
      loader: absoluteUrl(sitePaths.embedLoader(), origin),
    }),
    width: EMBED_MAX_WIDTH,
    height: view.fallbackHeight,
    thumbnail_url: absoluteUrl(sitePaths.shareCard(id, lang), origin),
    thumbnail_width: SHARE_CARD.width,
    thumbnail_height: SHARE_CARD.height,
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
