// The whole-dataset zip and its checksums. The zip is reproducible: fixed order and the release date as
// every entry's time, so the same data gives the same bytes (and the same published SHA-256).
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';

export type FileContent = string | Uint8Array;

export function bytesOf(content: FileContent): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

export function sha256(content: FileContent): string {
  return createHash('sha256').update(bytesOf(content)).digest('hex');
}

/** `sha256sum -c SHA256SUMS` format: hash, two spaces, path; sorted by path. */
export function checksumFile(files: Map<string, FileContent>): string {
  return [...files.keys()]
    .sort()
    .map((path) => `${sha256(files.get(path)!)}  ${path}\n`)
    .join('');
}

export function zipBundle(folder: string, files: Map<string, FileContent>, date: string): Uint8Array {
  // Local midnight: zip stores local (DOS) time fields, so this gives the same bytes in every time zone.
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const path of [...files.keys()].sort()) entries[`${folder}/${path}`] = [bytesOf(files.get(path)!), { mtime }];
  return zipSync(entries, { level: 9 });
}
