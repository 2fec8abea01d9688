// /search/names.json: indicator and region names for the search box's typo-tolerant matching (loaded on use).
import type { APIRoute } from 'astro';
import { searchNames } from '../../search/names.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(searchNames(import.meta.env.BASE_URL)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
