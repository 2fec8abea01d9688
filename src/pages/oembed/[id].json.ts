// /oembed/<id>.json: the oEmbed 1.0 answer (type rich) for an indicator page (linked from its <head>), so tools
// that understand oEmbed turn a pasted page address into our embedded chart. Static: one file per indicator, its
// first chart view. A static host cannot read maxwidth/maxheight from the query string, so every consumer gets
// the same answer: the iframe is width:100% up to `width` and its height fits the chart at any width from 300 px
// (README, "oEmbed"); the thumbnail is the page's share card.
import type { APIRoute, GetStaticPaths } from 'astro';
import { indicatorViews } from '../../embed/share.ts';
import { readCatalog } from '../../site-data/read.ts';
import { embedSnippet, EMBED_MAX_WIDTH } from '../../shared/embed/snippet.ts';
import { absoluteUrl, siteOrigin, sitePaths, warnIfNoOrigin } from '../../site.ts';
import { SHARE_CARD } from '../../charts/share-card.ts';
import { zh } from '../../shared/i18n/zh.ts';

/** How long consumers may keep an answer (a day): figures change only with a data release. */
export const OEMBED_CACHE_AGE = 86400;

export const getStaticPaths = (() =>
  readCatalog().flatMap(({ indicator: { id } }) => {
    const view = indicatorViews(id)[0];
    return view ? [{ params: { id }, props: { view } }] : [];
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  warnIfNoOrigin();
  const { view } = props;
  const id = view.indicator.id;
  const origin = siteOrigin();
  const body = {
    version: '1.0',
    type: 'rich',
    title: view.title,
    provider_name: zh.siteName,
    provider_url: absoluteUrl(sitePaths.home(), origin),
    cache_age: OEMBED_CACHE_AGE,
    html: embedSnippet({
      src: absoluteUrl(sitePaths.embed(id, view.kind), origin),
      title: zh.embed.frameTitle(view.title),
      height: view.fallbackHeight,
      loader: absoluteUrl(sitePaths.embedLoader(), origin),
    }),
    width: EMBED_MAX_WIDTH,
    height: view.fallbackHeight,
    thumbnail_url: absoluteUrl(sitePaths.shareCard(id), origin),
    thumbnail_width: SHARE_CARD.width,
    thumbnail_height: SHARE_CARD.height,
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
