// /pictures/targets-<plan>.png (in English /en/pictures/…): the same picture as PNG at twice its size (bundled font, as the chart pictures).
// Like /pictures/<id>-<view>.png, a request starts the next few pictures too, so the build draws them in parallel
// while memory holds only that window.
import { availableParallelism } from 'node:os';
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderAsync } from '@resvg/resvg-js';
import { pngOptions } from '../../../charts/picture.ts';
import { allScorecardViews, scorecardPicture, type ScorecardView } from '../../../embed/scorecard.ts';
import { LANGS, langOf, langParam } from '../../../shared/i18n/lang.ts';

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    allScorecardViews(lang).map((view) => ({ params: { lang: langParam(lang), plan: view.plan.id } })),
  )) satisfies GetStaticPaths;

const WINDOW = Math.max(2, availableParallelism());
// Keyed by language and plan: the two editions' pictures are different files.
const started = new Map<string, Promise<Uint8Array>>();
const written = new Set<string>();
const key = (view: ScorecardView) => `${view.lang}/${view.plan.id}`;

const render = (view: ScorecardView) => renderAsync(scorecardPicture(view).svg, pngOptions()).then((image) => image.asPng() as Uint8Array);

export const GET: APIRoute = async ({ params }) => {
  const views = allScorecardViews(langOf(params.lang));
  const index = views.findIndex((v) => v.plan.id === params.plan);
  if (index < 0) throw new Error(`no scorecard for plan ${params.plan}`);
  for (const view of views.slice(index, index + WINDOW)) {
    if (!started.has(key(view)) && !written.has(key(view))) started.set(key(view), render(view));
  }
  const view = views[index]!;
  const png = await (started.get(key(view)) ?? render(view));
  started.delete(key(view));
  written.add(key(view));
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
