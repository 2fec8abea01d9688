// /search/names.json and /en/search/names.json: indicator and region names for the search box's typo-tolerant
// matching (loaded on use), each edition's names first and linking to its own pages.
import type { APIRoute } from 'astro';
import { searchNames } from '../../../search/names.ts';
import { langOf, langPaths } from '../../../shared/i18n/lang.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(searchNames(import.meta.env.BASE_URL, langOf(params.lang))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
