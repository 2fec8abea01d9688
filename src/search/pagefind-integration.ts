// An Astro integration that builds the Pagefind index after the site (astro:build:done), so every build
// (npm run build, YIGAI_DIST builds) has search. Indexes indicator and region pages, their <main> only.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function pagefindSearch(): AstroIntegration {
  return {
    name: 'yigai-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({
          rootSelector: 'main',
          // Controls, tables of numbers and chart markup repeat on every page and would drown the names; the embed
          // box and the code snippets hold HTML and code (an <iframe …> excerpt is no answer to a reader's query).
          excludeSelectors: [
            'svg',
            'table',
            'form',
            '.explore-controls',
            '.explore-toolbar',
            '.breadcrumb',
            '.source-list',
            '.rank-list',
            '.embed-box',
            '.code-snippets',
            'textarea',
            'pre',
            'code',
            '[data-pagefind-ignore]',
          ],
          forceLanguage: 'zh',
        });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site, glob: '{indicators,regions}/**/*.html' });
        if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        logger.info(`Pagefind: ${added.page_count} pages indexed into ${path.join(site, 'pagefind')}`);
        await pagefind.close();
      },
    },
  };
}
