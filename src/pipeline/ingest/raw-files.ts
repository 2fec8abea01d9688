// The files under data/raw that the site pipeline reads: every .csv, in a fixed order (builds are byte-identical).
// Walked by real path, like the ingest command's folders: readdir's own recursion follows a link back to its
// folder forever (`ln -s . data/raw/loop` hung the build), so a folder is entered once and a file read once,
// however many links lead to them. What is not a regular file stays in the list: the ingestion refuses it with
// its reason and the build stops on that line, instead of opening a FIFO.
// A link whose target is outside data/raw is not read: the build publishes only what the repository holds
// (a link to ~/private.csv or /etc/passwd would otherwise be read into the site); it goes to `outside`.
// A hard link has a real path of its own: files are known by device and inode too, so it is read once (its
// values were read twice and stopped the build with a duplicate per row). A folder that cannot be listed stays
// in the list: the ingestion refuses it in one line, where readdir threw a stack trace.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export function rawCsvFiles(rawDir: string, outside: string[] = []): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const inodes = new Set<string>();
  const root = realpathSync(rawDir);
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      files.push(dir);
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      let real: string;
      let isDirectory: boolean;
      let inode: string;
      try {
        real = realpathSync(path);
        const info = statSync(path);
        isDirectory = info.isDirectory();
        inode = `${info.dev}:${info.ino}`;
      } catch {
        if (name.endsWith('.csv')) files.push(path); // a dangling or looping link: refused by the ingestion
        continue;
      }
      if (seen.has(real) || inodes.has(inode)) continue;
      seen.add(real);
      inodes.add(inode);
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
