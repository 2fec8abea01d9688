// /embed.js: the loader host pages include beside our iframe, compiled at build time from
// src/client/embed/loader.ts (and the message checks it imports) into one small script with no dependencies.
import path from 'node:path';
import type { APIRoute } from 'astro';
import { build } from 'esbuild'; // Astro's own bundler dependency; used only at build time

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: [path.join(process.cwd(), 'src/client/embed/loader.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    legalComments: 'none',
    banner: { js: '/* China Health Reform Data: embed loader, sets our iframes to their content height. Source: src/client/embed/loader.ts */' },
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
