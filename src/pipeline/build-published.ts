// The data pipeline as one function: ingest every file under data/raw, validate against the catalog,
// publish. Side effects (reading the catalog, writing files, logging) stay in scripts/build-data.ts.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadTargets } from '../catalog/load-targets.ts';
import { invisibleCharacter } from '../catalog/data-text.ts';
import { loadProcurementBatches, PROCUREMENT_FILE } from '../site-data/procurement.ts';
import { CatalogError, folderError, type Catalog } from '../catalog/load.ts';
import { ingestFile } from './ingest/ingest-file.ts';
import { rawCsvFiles } from './ingest/raw-files.ts';
import { publish } from './publish.ts';
import type { Problem } from './types.ts';
import type { PublishedValue } from './publication.ts';
import { COMPOSITION_PARTS, compositionProblems, type CompositionPartId } from '../charts/composition.ts';
import { NATIONAL_CODE } from '../shared/national-code.ts';
import { validate } from './validate.ts';

export async function buildData(catalog: Catalog, rawDir: string, root: string) {
  // Every .csv under data/raw, walked by real path: no link loop, each file once (src/pipeline/ingest/raw-files.ts).
  const outside: string[] = [];
  const unreadable = folderError(rawDir);
  if (unreadable) throw new CatalogError([`${rawDir}: ${unreadable}`]); // one line, not a stack trace
  const inputs = rawCsvFiles(rawDir, outside);
  const results = await Promise.all(inputs.map((path) => ingestFile(path, {}, relative(root, path))));
  const validated = validate(results, catalog);
  // Plan targets and reform events live beside raw/ (data/targets, data/events); a data folder without them has none.
  const targets = loadTargets(dirname(rawDir), new Set(catalog.indicators.map((i) => i.id)), {
    releaseDate: catalog.release.date,
    units: new Map(catalog.indicators.map((i) => [i.id, i.unit])),
  });
  // Procurement by batch (data/raw/reform/vbp-batches.yaml) becomes a download of its own; a data folder
  // without the file has none, and a wrong file stops here with file:line:column messages.
  const dataDir = dirname(rawDir);
  const procurement = existsSync(join(dataDir, PROCUREMENT_FILE)) ? loadProcurementBatches(dataDir) : undefined;
  const files = results.map((r) => r.report);
  const problems: Problem[] = files.flatMap((f) => f.problems);
  // A file's name is published with every value read from it (source_file): one with a line break, a bidi override
  // or another invisible character stops the build, as such text in the data does (hostile25).
  for (const path of inputs) {
    const hidden = invisibleCharacter(relative(root, path), true);
    if (hidden)
      problems.push({ file: relative(root, path), line: 1, column: 1, code: 'invisible-character', severity: 'error', message: `文件名中${hidden}` });
  }
  // The three shares of health expenditure are drawn stacked to 100%: one release's shares that do not add up stop
  // the build (a typo); shares from different releases that do not add up are left out of the chart, and said.
  const parts = Object.fromEntries(
    COMPOSITION_PARTS.map((p) => [p.id, (validated.get(p.id)?.values ?? []).filter((v) => v.regionCode === NATIONAL_CODE)]),
  ) as Record<CompositionPartId, PublishedValue[]>;
  problems.push(...compositionProblems(parts));
  for (const path of outside) {
    const message = `链接指向 ${relative(root, rawDir)} 之外（${realpathSync(path)}）：构建只读取仓库里的文件；请把文件复制进来，而不是链接`;
    problems.push({ file: relative(root, path), line: 1, column: 1, code: 'link-outside-data', severity: 'error', message });
  }
  return {
    files: publish(
      validated,
      catalog,
      files,
      inputs.map((p) => relative(root, p)),
      targets,
      procurement,
    ),
    problems,
    reports: files,
  };
}
