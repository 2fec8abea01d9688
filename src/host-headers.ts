// The response headers a static host must send (README, "Publishing"), written by the build as dist/_headers,
// the file Netlify and Cloudflare Pages read, so the worked example needs no hand-made file. Paths carry the
// site's base (/yigai/…), as the host sees them. Other hosts (nginx, S3) ignore the file; the README has theirs.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/** The rules, in the _headers format: a path pattern, then indented `Name: value` lines. */
export function hostHeaders(base: string): string {
  const at = (p: string) => `${base.endsWith('/') ? base : `${base}/`}${p}`;
  const rules: [string, string[]][] = [
    // Names carry a content hash: cached for a year. Everything else keeps its name from release to release,
    // so the host's default (revalidate) stays; Netlify merges every matching rule, hence no catch-all here.
    [at('_astro/*'), ['Cache-Control: public, max-age=31536000, immutable']],
    // Notebooks and browser-side tools fetch the downloads and oEmbed answers from other origins.
    [at('data/*'), ['Access-Control-Allow-Origin: *']],
    [at('data/*.csv'), ['Content-Type: text/csv; charset=utf-8']],
    [at('data/*.md'), ['Content-Type: text/markdown; charset=utf-8']],
    [at('oembed/*'), ['Access-Control-Allow-Origin: *', 'Content-Type: application/json; charset=utf-8']],
  ];
  return rules.map(([pattern, lines]) => `${pattern}\n${lines.map((l) => `  ${l}\n`).join('')}`).join('');
}

export function hostHeadersFile(): AstroIntegration {
  let base = '/';
  return {
    name: 'yigai-host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(path.join(fileURLToPath(dir), '_headers'), hostHeaders(base));
      },
    },
  };
}
