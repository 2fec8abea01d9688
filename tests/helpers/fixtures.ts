// Paths to test inputs: our own fixtures, and the shared corpus of real exports (absent outside CI/dev).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/nbs-exports/', import.meta.url));
export const REFERENCE = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));
export const SHARED_PRESENT = existsSync(CORPUS) && existsSync(REFERENCE);
if (!SHARED_PRESENT) {
  console.warn(`\n*** ../shared is ABSENT (${CORPUS}): corpus and reference tests are SKIPPED ***\n`);
}
