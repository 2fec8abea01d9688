// /pictures/<id>-<view>.svg (in English /en/pictures/…): the report-ready picture of a chart view as a standalone SVG.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allChartViews } from '../../../embed/views.ts';
import { viewPicture } from '../../../embed/pictures.ts';
import { LANGS, langParam } from '../../../shared/i18n/lang.ts';
import { sitePaths } from '../../../site.ts';

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    allChartViews(lang).map(({ id, view }) => ({
      params: { lang: langParam(lang), picture: sitePaths.pictureName(id, view.kind) },
      props: { view },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${viewPicture(props.view).svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
