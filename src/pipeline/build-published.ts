// The data pipeline as one function: ingest every file under data/raw, validate against the catalog,
// publish. Side effects (reading the catalog, writing files, logging) stay in scripts/build-data.ts.
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadTargets } from '../catalog/load-targets.ts';
import type { Catalog } from '../catalog/load.ts';
import { ingestFile } from './ingest/ingest-file.ts';
import { publish } from './publish.ts';
import type { Problem } from './types.ts';
import { validate } from './validate.ts';

export function rawInputs(rawDir: string): string[] {
  return readdirSync(rawDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(rawDir, f));
}

export async function buildData(catalog: Catalog, rawDir: string, root: string) {
  const inputs = rawInputs(rawDir);
  const results = await Promise.all(inputs.map((path) => ingestFile(path, {}, relative(root, path))));
  const validated = validate(results, catalog);
  // Plan targets and reform events live beside raw/ (data/targets, data/events); a data folder without them has none.
  const targets = loadTargets(dirname(rawDir), new Set(catalog.indicators.map((i) => i.id)));
  const files = results.map((r) => r.report);
  const problems: Problem[] = files.flatMap((f) => f.problems);
  return {
    files: publish(
      validated,
      catalog,
      files,
      inputs.map((p) => relative(root, p)),
      targets,
    ),
    problems,
    reports: files,
  };
}
