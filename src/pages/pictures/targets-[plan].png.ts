// /pictures/targets-<plan>.png: the same picture as PNG at twice its size (bundled font, as the chart pictures).
// Like /pictures/<id>-<view>.png, a request starts the next few pictures too, so the build draws them in parallel
// while memory holds only that window.
import { availableParallelism } from 'node:os';
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderAsync } from '@resvg/resvg-js';
import { pngOptions } from '../../charts/picture.ts';
import { allScorecardViews, scorecardPicture, type ScorecardView } from '../../embed/scorecard.ts';

export const getStaticPaths = (() => allScorecardViews().map((view) => ({ params: { plan: view.plan.id } }))) satisfies GetStaticPaths;

const WINDOW = Math.max(2, availableParallelism());
const started = new Map<string, Promise<Uint8Array>>();
const written = new Set<string>();

const render = (view: ScorecardView) => renderAsync(scorecardPicture(view).svg, pngOptions()).then((image) => image.asPng() as Uint8Array);

export const GET: APIRoute = async ({ params }) => {
  const views = allScorecardViews();
  const index = views.findIndex((v) => v.plan.id === params.plan);
  if (index < 0) throw new Error(`no scorecard for plan ${params.plan}`);
  for (const view of views.slice(index, index + WINDOW)) {
    if (!started.has(view.plan.id) && !written.has(view.plan.id)) started.set(view.plan.id, render(view));
  }
  const png = await (started.get(views[index]!.plan.id) ?? render(views[index]!));
  started.delete(views[index]!.plan.id);
  written.add(views[index]!.plan.id);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
