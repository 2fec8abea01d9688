// /pictures/targets-<plan>.png: the same picture as PNG at twice its size (bundled font, as the chart pictures).
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderAsync } from '@resvg/resvg-js';
import { pngOptions } from '../../charts/picture.ts';
import { allScorecardViews, scorecardPicture, type ScorecardView } from '../../embed/scorecard.ts';

export const getStaticPaths = (() =>
  allScorecardViews().map((view) => ({ params: { plan: view.plan.id }, props: { view } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const image = await renderAsync(scorecardPicture((props as { view: ScorecardView }).view).svg, pngOptions());
  return new Response(image.asPng() as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
