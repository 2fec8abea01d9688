// The build copies public/ into the site following links; it must stop before copying a link out of public/
// (to /etc/passwd), a linked folder (a loop), or a FIFO (the copy would hang).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { publicDirCheck, publicDirProblems, publicDirReport } from '../../src/build-checks/public-links.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'public-links-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function publicDir(name: string, make: (dir: string) => void): string {
  const dir = path.join(tmp, name, 'public');
  mkdirSync(path.join(dir, 'img'), { recursive: true });
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  make(dir);
  return dir;
}

describe('public/ before the build', () => {
  it('accepts folders, files and a link to a file inside public/', () => {
    const dir = publicDir('good', (d) => symlinkSync('../favicon.svg', path.join(d, 'img', 'icon.svg')));
    expect(publicDirProblems(dir)).toEqual([]);
    expect(publicDirProblems(path.join(tmp, 'none'))).toEqual([]);
  });

  it('names a link out of public/, a linked folder, a loop, a dangling link and a FIFO, one line each', () => {
    const dir = publicDir('bad', (d) => {
      symlinkSync('/etc/passwd', path.join(d, 'passwd.txt'));
      symlinkSync('..', path.join(d, 'img', 'up'));
      symlinkSync('loop-b', path.join(d, 'loop-a'));
      symlinkSync('loop-a', path.join(d, 'loop-b'));
      symlinkSync('missing.svg', path.join(d, 'gone.svg'));
      execFileSync('mkfifo', [path.join(d, 'pipe')]);
    });
    const problems = publicDirProblems(dir).map((p) => p.replace(/^.*?public\//, 'public/'));
    expect(problems).toEqual([
      expect.stringMatching(/^public\/gone\.svg: 链接指向不存在的文件或形成循环/),
      expect.stringMatching(/^public\/img\/up: 链接指向文件夹 /),
      expect.stringMatching(/^public\/loop-a: 链接指向不存在的文件或形成循环/),
      expect.stringMatching(/^public\/loop-b: 链接指向不存在的文件或形成循环/),
      expect.stringMatching(/^public\/passwd\.txt: 链接指向 public\/ 之外的 \/etc\/passwd/),
      expect.stringMatching(/^public\/pipe: 不是普通文件/),
    ]);
    for (const p of problems) expect(p).not.toMatch(/\n/);
  });

  it('npm run build stops before Astro with one line, exit 1, writing nothing', { timeout: 60_000 }, () => {
    const dir = publicDir('build', (d) => symlinkSync('/etc/passwd', path.join(d, 'passwd.txt')));
    // The check runs in a plain Node process before astro build: inside Astro, exiting hung one run in four
    // (rolldown's native threads), so Astro is never started on a bad public/.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/node scripts\/check-public\.ts && .*astro build/);
    const run = spawnSync(process.execPath, ['scripts/check-public.ts', dir], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^错误\[public-dir\]: .*passwd\.txt: 链接指向 public\/ 之外的 \/etc\/passwd/);
    expect(run.stdout + run.stderr).not.toMatch(/root:x:0/);
    const good = spawnSync(process.execPath, ['scripts/check-public.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    expect([good.status, good.stderr]).toEqual([0, '']);
  });

  it('lists at most 50 problems and the count of the rest; inside Astro the hook stops the build by throwing', () => {
    const dir = publicDir('many', (d) => {
      for (let i = 0; i < 70; i++) symlinkSync('/etc/passwd', path.join(d, `p${String(i).padStart(2, '0')}.txt`));
    });
    const errors: string[] = [];
    const hook = publicDirCheck().hooks['astro:config:setup'] as unknown as (o: object) => void;
    expect(() => hook({ config: { publicDir: pathToFileURL(dir + '/') }, logger: { error: (m: string) => errors.push(m) } })).toThrow(
      /public\/ 中有不能复制进网站的文件/,
    );
    expect(errors).toEqual(publicDirReport(publicDirProblems(dir)));
    expect(errors).toHaveLength(51);
    expect(errors[49]).toMatch(/p49\.txt: 链接指向 public\/ 之外/);
    expect(errors[50]).toBe('public/ 中还有 20 个同类问题未列出（共 70 个）');
  });
});
