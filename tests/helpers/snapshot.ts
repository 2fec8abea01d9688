// Snapshot files in tests/output (the Observable Plot habit): a missing snapshot is written and passes;
// a mismatch writes <name>-changed.<ext> beside it (git-ignored) and fails. To accept a change, delete
// the snapshot, rerun, and review the diff.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const OUTPUT = new URL('../output/', import.meta.url).pathname;

export function matchSnapshotFile(actual: string, name: string): void {
  const path = join(OUTPUT, name);
  const changed = path.replace(/(\.[^.]+)$/, '-changed$1');
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path)) {
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `snapshot ${name} changed: see ${changed}`).toBe(expected);
}
