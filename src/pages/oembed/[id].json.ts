// /oembed/<id>.json: the oEmbed answer for an indicator page (linked from its <head>), so tools that understand
// oEmbed turn a pasted page address into our embedded chart. Static: one file per indicator, its first chart view.
import type { APIRoute, GetStaticPaths } from 'astro';
import { indicatorViews } from '../../embed/share.ts';
import { readCatalog } from '../../site-data/read.ts';
import { viewPicture } from '../../embed/pictures.ts';
import { embedSnippet, EMBED_MAX_WIDTH } from '../../shared/embed/snippet.ts';
import { absoluteUrl, siteOrigin, sitePaths, warnIfNoOrigin } from '../../site.ts';
import { PNG_SCALE } from '../../charts/picture.ts';
import { zh } from '../../shared/i18n/zh.ts';

// The same first view as the page's share tags, so the oEmbed thumbnail is the og:image.
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
  const picture = viewPicture(view);
  const body = {
    version: '1.0',
    type: 'rich',
    title: view.title,
    provider_name: zh.siteName,
    provider_url: absoluteUrl(import.meta.env.BASE_URL, origin),
    html: embedSnippet({
      src: absoluteUrl(sitePaths.embed(id, view.kind), origin),
      title: zh.embed.frameTitle(view.title),
      height: view.fallbackHeight,
      loader: absoluteUrl(sitePaths.embedLoader(), origin),
    }),
    width: EMBED_MAX_WIDTH,
    height: view.fallbackHeight,
    thumbnail_url: absoluteUrl(sitePaths.picture(id, view.kind, 'png'), origin),
    thumbnail_width: picture.width * PNG_SCALE,
    thumbnail_height: picture.height * PNG_SCALE,
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
