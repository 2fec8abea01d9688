// /pictures/targets-<plan>.png (in English /en/pictures/…): the same picture as PNG at twice its size (bundled font, as the chart pictures).
import type { APIRoute, GetStaticPaths } from 'astro';
import { svgToPng } from '../../../charts/png.ts';
import { allScorecardViews, scorecardPicture } from '../../../embed/scorecard.ts';
import { LANGS, langOf, langParam } from '../../../shared/i18n/lang.ts';

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    allScorecardViews(lang).map((view) => ({ params: { lang: langParam(lang), plan: view.plan.id } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const view = allScorecardViews(langOf(params.lang)).find((v) => v.plan.id === params.plan);
  if (!view) throw new Error(`no scorecard for plan ${params.plan}`);
  return new Response(await svgToPng(scorecardPicture(view).svg), { headers: { 'Content-Type': 'image/png' } });
};
