// The layout is a rule, not a habit: browser entry scripts live in src/client/<feature>/, modules both sides load
// live in src/shared/ and load nothing else, and nothing built at build time loads a browser script.
// Type-only imports are erased before anything runs, so they may name any module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.(ts|astro)$/.test(name) ? [full] : [];
  });
}

interface ModuleImport {
  spec: string;
  typeOnly: boolean;
  /** Inside an .astro <script>: bundled for the browser, not run at build time. */
  browser: boolean;
}

/** Every static and dynamic import of a module, with whether it is type-only. */
export function importsOf(source: string, astro: boolean): ModuleImport[] {
  const scripts = astro ? [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!) : [];
  const serverPart = astro ? source.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '') : source;
  const find = (text: string, browser: boolean): ModuleImport[] => [
    ...[...text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => ({
      spec: m[3]!,
      typeOnly: Boolean(m[2]),
      browser,
    })),
    ...[...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false, browser })),
  ];
  return [...find(serverPart, false), ...scripts.flatMap((s) => find(s, true))];
}

const files = walk(SRC).map((file) => ({
  file,
  rel: path.relative(SRC, file),
  imports: importsOf(readFileSync(file, 'utf8'), file.endsWith('.astro')),
}));
const resolve = (from: string, spec: string) => path.relative(SRC, path.resolve(path.dirname(from), spec));

describe('layout', () => {
  it('finds the imports it judges (the rule cannot pass by reading nothing)', () => {
    expect(importsOf("import { a } from './a.ts';\nimport type { B } from '../b.ts';\nconst c = import('./c.ts');", false)).toEqual([
      { spec: './a.ts', typeOnly: false, browser: false },
      { spec: '../b.ts', typeOnly: true, browser: false },
      { spec: './c.ts', typeOnly: false, browser: false },
    ]);
    expect(importsOf("---\nimport X from '../x.ts';\n---\n<script>\n  import '../client/t/t.ts';\n</script>", true)).toEqual([
      { spec: '../x.ts', typeOnly: false, browser: false },
      { spec: '../client/t/t.ts', typeOnly: false, browser: true },
    ]);
    expect(files.filter((f) => f.rel.startsWith('shared/')).length).toBeGreaterThan(10);
  });

  it('src/shared loads only src/shared: no Node built-ins, no packages, no build-time modules', () => {
    const wrong = files
      .filter((f) => f.rel.startsWith('shared/'))
      .flatMap((f) => f.imports.filter((i) => !i.typeOnly).map((i) => ({ file: f.rel, spec: i.spec, f: f.file })))
      .filter(({ spec, f }) => !spec.startsWith('.') || !resolve(f, spec).startsWith('shared/'))
      .map(({ file, spec }) => `${file} -> ${spec}`);
    expect(wrong).toEqual([]);
  });

  it('src/client holds only feature folders, whose scripts load their own folder or src/shared', () => {
    expect(readdirSync(path.join(SRC, 'client')).filter((name) => !statSync(path.join(SRC, 'client', name)).isDirectory())).toEqual([]);
    const wrong = files
      .filter((f) => f.rel.startsWith('client/'))
      .flatMap((f) =>
        f.imports
          .filter((i) => !i.typeOnly)
          .filter((i) => {
            const target = resolve(f.file, i.spec);
            const feature = f.rel.split('/').slice(0, 2).join('/');
            return !i.spec.startsWith('.') || !(target.startsWith(feature + '/') || target.startsWith('shared/'));
          })
          .map((i) => `${f.rel} -> ${i.spec}`),
      );
    expect(wrong).toEqual([]);
  });

  it('nothing run at build time imports from src/client (only .astro <script> blocks bundle its entries)', () => {
    const wrong = files
      .filter((f) => !f.rel.startsWith('client/'))
      .flatMap((f) =>
        f.imports
          .filter((i) => !i.browser && i.spec.startsWith('.') && resolve(f.file, i.spec).startsWith('client/'))
          .map((i) => `${f.rel} -> ${i.spec}`),
      );
    expect(wrong).toEqual([]);
  });
});
