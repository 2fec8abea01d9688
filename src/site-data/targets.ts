// Plan targets and reform events for the pages, read at build time from build/data/targets.json (written by
// the data pipeline with each target's status already judged; see src/shared/targets/status.ts).
import fs from 'node:fs';
import path from 'node:path';
import { TARGETS_JSON, type PublishedTargets } from '../pipeline/downloads/targets.ts';
import type { ReformAreaId } from '../shared/reform-areas.ts';
import type { EventView, TargetView } from '../shared/targets/types.ts';
import { MissingPublishedDataError, publishedDir } from './read.ts';

let cached: { dir: string; data: PublishedTargets } | undefined;

export function readTargets(root?: string): PublishedTargets {
  const dir = publishedDir(root);
  if (cached?.dir === dir) return cached.data;
  const file = path.join(dir, TARGETS_JSON);
  if (!fs.existsSync(file)) {
    throw new MissingPublishedDataError(`${path.relative(process.cwd(), file)} 不存在：先运行 \`npm run data\`。 (run \`npm run data\` first.)`);
  }
  cached = { dir, data: JSON.parse(fs.readFileSync(file, 'utf8')) as PublishedTargets };
  return cached.data;
}

/** Every target, plans in date order. */
export function allTargets(): TargetView[] {
  return readTargets().targets;
}

/** The targets of one indicator, by target year then plan date. */
export function targetsFor(indicatorId: string): TargetView[] {
  return allTargets()
    .filter((t) => t.indicatorId === indicatorId)
    .sort((a, b) => a.targetYear - b.targetYear || a.plan.date.localeCompare(b.plan.date));
}

/** Every event, in date order. */
export function allEvents(): EventView[] {
  return readTargets().events;
}

export function eventsFor(area: ReformAreaId): EventView[] {
  return allEvents().filter((e) => e.area === area);
}

/** The year statuses were judged as of. */
export function targetsAsOfYear(): number {
  return readTargets().asOfYear;
}
