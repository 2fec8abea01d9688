// The site pipeline's walk of data/raw: link loops (which hung the build: readdir's recursion follows them) are
// entered once, a file is listed once however many links lead to it, and a FIFO stays listed so that the
// ingestion refuses it by name (never opened).
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/pipeline/ingest/ingest-file.ts';
import { rawCsvFiles } from '../../../src/pipeline/ingest/raw-files.ts';

describe('data/raw walked by real path', () => {
  it('lists each .csv once, through loops, second links and hard links, FIFO included, in a fixed order', async () => {
    const raw = join(mkdtempSync(join(tmpdir(), 'raw-')), 'raw');
    mkdirSync(join(raw, 'reference'), { recursive: true });
    writeFileSync(join(raw, 'reference', 'national.csv'), 'indicator,region,year,value,unit\n出生率,全国,2024,6.39,‰\n');
    writeFileSync(join(raw, 'a.csv'), 'indicator,region,year,value,unit\n出生率,北京,2024,6.09,‰\n');
    symlinkSync('.', join(raw, 'loop'));
    symlinkSync('..', join(raw, 'reference', 'up'));
    symlinkSync('a.csv', join(raw, 'b.csv'));
    linkSync(join(raw, 'a.csv'), join(raw, 'c.csv')); // a hard link: another real path, the same file
    symlinkSync('missing.csv', join(raw, 'gone.csv'));
    execFileSync('mkfifo', [join(raw, 'f.csv')]);
    const started = performance.now();
    const files = rawCsvFiles(raw).map((f) => relative(raw, f));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(files).toEqual(['a.csv', 'f.csv', 'gone.csv', 'reference/national.csv']);
    const fifo = await ingestFile(join(raw, 'f.csv'), {}, 'f.csv');
    expect(fifo.report.problems[0]!.message).toBe('无法读取文件：不是普通文件（FIFO、设备或套接字）');
  });
});
