// /pictures/<id>-<view>.png (in English /en/pictures/…): the same picture as PNG at twice its size. resvg works off the main thread, so a
// request starts the next few pictures too (a window as wide as the machine has cores): the build draws them in
// parallel, while memory holds only that window, not every PNG of a large catalog at once.
import { availableParallelism } from 'node:os';
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderAsync } from '@resvg/resvg-js';
import { allChartViews, type ChartView } from '../../../embed/views.ts';
import { viewPicture } from '../../../embed/pictures.ts';
import { pngOptions } from '../../../charts/picture.ts';
import { LANGS, langOf, langParam } from '../../../shared/i18n/lang.ts';
import { sitePaths } from '../../../site.ts';

/** The name a picture is looked up by: its language and file name. */
const pictureName = (view: ChartView) => `${view.lang}/${sitePaths.pictureName(view.indicator.id, view.kind)}`;

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    allChartViews(lang).map(({ id, view }) => ({ params: { lang: langParam(lang), picture: sitePaths.pictureName(id, view.kind) } })),
  )) satisfies GetStaticPaths;

const WINDOW = Math.max(2, availableParallelism());
let order: { view: ChartView }[] | undefined;
const started = new Map<string, Promise<Uint8Array>>();
const written = new Set<string>();

const render = ({ view }: (typeof order & {})[number]) =>
  renderAsync(viewPicture(view).svg, pngOptions()).then((image) => image.asPng() as Uint8Array);

function start(index: number): void {
  const entry = order![index];
  if (!entry) return;
  const name = pictureName(entry.view);
  if (started.has(name) || written.has(name)) return;
  started.set(name, render(entry));
}

export const GET: APIRoute = async ({ params }) => {
  order ??= LANGS.flatMap((lang) => allChartViews(lang));
  const name = `${langOf(params.lang)}/${String(params.picture)}`;
  const index = order.findIndex(({ view }) => pictureName(view) === name);
  if (index < 0) throw new Error(`no picture ${name}`);
  for (let i = index; i < index + WINDOW; i++) start(i);
  // The build asks once; a second request (astro dev, a reload) draws the picture again.
  const png = await (started.get(name) ?? render(order[index]!));
  started.delete(name);
  written.add(name);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
