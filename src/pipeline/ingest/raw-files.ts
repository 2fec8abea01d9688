// The files under data/raw that the site pipeline reads: every .csv, in a fixed order (builds are byte-identical).
// Walked by real path, like the ingest command's folders: readdir's own recursion follows a link back to its
// folder forever (`ln -s . data/raw/loop` hung the build), so a folder is entered once and a file read once,
// however many links lead to them. What is not a regular file stays in the list: the ingestion refuses it with
// its reason and the build stops on that line, instead of opening a FIFO.
// A link whose target is outside data/raw is not read: the build publishes only what the repository holds
// (a link to ~/private.csv or /etc/passwd would otherwise be read into the site); it goes to `outside`.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export function rawCsvFiles(rawDir: string, outside: string[] = []): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const root = realpathSync(rawDir);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      let real: string;
      let isDirectory: boolean;
      try {
        real = realpathSync(path);
        isDirectory = statSync(path).isDirectory();
      } catch {
        if (name.endsWith('.csv')) files.push(path); // a dangling or looping link: refused by the ingestion
        continue;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      if (!real.startsWith(root + sep)) {
        if (isDirectory || name.endsWith('.csv')) outside.push(path);
        continue;
      }
      if (isDirectory) walk(path);
      else if (name.endsWith('.csv')) files.push(path);
    }
  };
  seen.add(root);
  walk(rawDir);
  return files;
}
