// Copies of the bundled data/ changed for one test, and the catalog problems they give: the tests that break one
// thing at a time (catalog-validate, hostile-site) share them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CatalogError, loadCatalog } from '../../src/catalog/load.ts';

export const DATA = new URL('../../data/', import.meta.url).pathname;

/** A copy of data/ changed by `change` (given the copy's data folder); returns the copy's root. */
export function dataCopy(change: (data: string) => void, prefix = 'data-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(DATA, join(root, 'data'), { recursive: true });
  change(join(root, 'data'));
  return root;
}

/** A copy of data/ with one file replaced, so each test breaks exactly one thing. */
export function dataWith(path: string, content: string | ((old: string) => string)): string {
  return dataCopy((data) => {
    const target = join(data, path);
    writeFileSync(target, typeof content === 'string' ? content : content(readFileSync(target, 'utf8')));
  }, 'catalog-');
}

/** The problems loading the copy's catalog gives (none when it loads). */
export function catalogProblems(root: string): string[] {
  try {
    loadCatalog(join(root, 'data'));
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems;
  }
}
