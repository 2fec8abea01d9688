// /pictures/share/<id>.png and /pictures/share/site.png (in English /en/pictures/share/…): the 1200×630 share cards
// (og:image, oEmbed thumbnail), drawn at their own size with the bundled font (src/charts/share-card.ts,
// src/embed/share.ts), in the page's language.
import type { APIRoute, GetStaticPaths } from 'astro';
import { svgToPng } from '../../../../charts/png.ts';
import { shareCards, shareCardSvg } from '../../../../embed/share.ts';
import { LANGS, langOf, langParam } from '../../../../shared/i18n/lang.ts';

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) => shareCards().map((card) => ({ params: { lang: langParam(lang), card } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const png = await svgToPng(shareCardSvg(String(params.card), undefined, langOf(params.lang)), 1);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
