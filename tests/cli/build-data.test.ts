// npm run data on broken input files beside the catalog: a target, an event, the procurement batches. Each stops
// the run with exit 1 and lines naming the file, never a stack trace, and nothing is written.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = 'build/build-data-cli-test';

function dataWith(file: string, change: (text: string) => string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'build-data-'));
  cpSync(path.join(ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  const target = path.join(root, 'data', file);
  writeFileSync(target, change(readFileSync(target, 'utf8')));
  return path.join(root, 'data');
}

const run = (dataDir: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-data.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: '', PUBLISH: '', YIGAI_PUBLISHED_DIR: OUT, YIGAI_DATA_DIR: dataDir },
  });

describe('npm run data with a broken file beside the catalog', { timeout: 60_000 }, () => {
  it.each([
    [
      'a target with a comparator that does not exist',
      'targets/community-health-2015.yaml',
      (t: string) => t.replace('comparator: =', 'comparator: much'),
      'community-health-2015.yaml',
    ],
    ['a target file that is not YAML', 'targets/community-health-2015.yaml', (t: string) => `${t}\n  - [unclosed`, 'community-health-2015.yaml'],
    [
      'a procurement batch with a date that is no date',
      'raw/reform/vbp-batches.yaml',
      (t: string) => t.replace("date: '2018-12-07'", "date: 'soon'"),
      'vbp-batches.yaml',
    ],
  ])('%s: one line per problem with its file, exit 1, no stack trace', (_, file, change, name) => {
    const r = run(dataWith(file, change));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).toContain('构建停止');
    expect(existsSync(path.join(ROOT, OUT))).toBe(false);
  });
});

// hostile25: a data folder without catalog/, sources/ or raw/ (or a YIGAI_DATA_DIR that does not exist) stopped the
// run with node's stack trace.
describe('npm run data on a data folder that lacks a folder', { timeout: 60_000 }, () => {
  const without = (folder: string) => {
    const root = mkdtempSync(path.join(tmpdir(), 'build-data-'));
    cpSync(path.join(ROOT, 'data'), path.join(root, 'data'), { recursive: true });
    rmSync(path.join(root, 'data', folder), { recursive: true });
    return path.join(root, 'data');
  };
  it.each([
    ['catalog', () => without('catalog'), /catalog: 无法读取文件夹：文件夹不存在/],
    ['sources', () => without('sources'), /sources: 无法读取文件夹：文件夹不存在/],
    ['raw', () => without('raw'), /raw: 无法读取文件夹：文件夹不存在/],
    ['everything (a folder that does not exist)', () => path.join(tmpdir(), 'no-such-data-folder'), /no-such-data-folder\/catalog: 无法读取文件夹/],
  ])('without %s: one line naming the folder, exit 1, no stack trace', (_, dataDir, message) => {
    const r = run(dataDir());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).toContain('构建停止');
    expect(existsSync(path.join(ROOT, OUT))).toBe(false);
  });
});

// hostile25: the run ended with process.exit(1), which dropped what stderr had not yet written to the pipe: a
// catalog with 441 problems lost its last lines and the summary past the pipe's 64 KB, now and then.
describe('npm run data with thousands of problems', { timeout: 120_000 }, () => {
  it('prints every problem and the summary, last', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'build-data-'));
    const data = path.join(root, 'data');
    cpSync(path.join(ROOT, 'data'), data, { recursive: true });
    // Every source gone: each indicator names each of its sources as unknown; 6 copies of each make ~3,000 lines (400 KB; spawnSync holds 1 MB).
    rmSync(path.join(data, 'sources'), { recursive: true });
    mkdirSync(path.join(data, 'sources'));
    const catalog = path.join(data, 'catalog');
    for (const file of readdirSync(catalog))
      for (let i = 1; i <= 6; i++) {
        const id = `${file.replace('.yaml', '')}-copy${i}`;
        const text = readFileSync(path.join(catalog, file), 'utf8')
          .replace(/^id: .*$/m, `id: ${id}`)
          .replace(/^name_zh: (.*)$/m, `name_zh: ${id}`)
          .replace(/^aliases:\n(- .*\n)+/m, '');
        writeFileSync(path.join(catalog, `${id}.yaml`), text);
      }
    const r = run(data);
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2_000);
    expect(lines.at(-1)).toBe(`数据目录有 ${lines.length - 1} 处错误，构建停止。`);
  });
});
