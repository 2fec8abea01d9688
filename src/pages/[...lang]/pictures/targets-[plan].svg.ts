// /pictures/targets-<plan>.svg (in English /en/pictures/…): one plan's scorecard as a report-ready standalone SVG.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allScorecardViews, scorecardPicture, type ScorecardView } from '../../../embed/scorecard.ts';
import { LANGS, langParam } from '../../../shared/i18n/lang.ts';

export const getStaticPaths = (() =>
  LANGS.flatMap((lang) =>
    allScorecardViews(lang).map((view) => ({ params: { lang: langParam(lang), plan: view.plan.id }, props: { view } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${scorecardPicture((props as { view: ScorecardView }).view).svg}\n`, {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
