// /oembed/<id>.json: the oEmbed answer for an indicator page (linked from its <head>), so tools that understand
// oEmbed turn a pasted page address into our embedded chart. Static: one file per indicator, its first chart view.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allChartViews } from '../../embed/views.ts';
import { viewPicture } from '../../embed/pictures.ts';
import { embedSnippet, EMBED_MAX_WIDTH } from '../../client/embed-snippet.ts';
import { absoluteUrl, siteOrigin, sitePaths, warnIfNoOrigin } from '../../site.ts';
import { PNG_SCALE } from '../../charts/picture.ts';
import { zh } from '../../i18n/zh.ts';

export const getStaticPaths = (() => {
  const first = new Map<string, (typeof views)[number]['view']>();
  const views = allChartViews();
  for (const { id, view } of views) if (!first.has(id)) first.set(id, view);
  return [...first].map(([id, view]) => ({ params: { id }, props: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  warnIfNoOrigin();
  const { view } = props;
  const id = view.indicator.id;
  const origin = siteOrigin();
  const picture = viewPicture(view, zh, origin);
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
