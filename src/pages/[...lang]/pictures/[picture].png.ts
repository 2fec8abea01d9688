// /pictures/<id>-<view>.png (in English /en/pictures/…): the same picture as PNG at twice its size (src/charts/png.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { allChartViews } from '../../../embed/views.ts';
import { viewPicture } from '../../../embed/pictures.ts';
import { svgToPng } from '../../../charts/png.ts';
import { langOf, LANGS, langParam } from '../../../shared/i18n/lang.ts';
import { sitePaths } from '../../../site.ts';

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    allChartViews(lang).map(({ id, view }) => ({ params: { lang: langParam(lang), picture: sitePaths.pictureName(id, view.kind) } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const name = String(params.picture);
  const found = allChartViews(langOf(params.lang)).find(({ id, view }) => sitePaths.pictureName(id, view.kind) === name);
  if (!found) throw new Error(`no picture ${params.lang ?? 'zh'}/${name}`);
  return new Response(await svgToPng(viewPicture(found.view).svg), { headers: { 'Content-Type': 'image/png' } });
};
