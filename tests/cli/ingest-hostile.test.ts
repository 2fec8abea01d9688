// The ingest command with hostile paths and options (issue 13), run as a child process the way a reader runs
// it: one line on stderr for each problem, the documented exit codes, no input changed, no hang. Slower than
// the unit suite (each case starts Node), so it is a vitest project of its own that `npm test` runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/pipeline/ingest/ingest-file.ts';

const HEAD = '数据库：分省年度数据\n指标：人口出生率(‰)\n时间：最近2年\n地区,2024年,2023年\n';
const SCRIPT = new URL('../../scripts/ingest.ts', import.meta.url).pathname;
const cli = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('the ingest command with hostile paths and options', { timeout: 30_000 }, () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'hostile-'));
  const export1 = HEAD + '北京市,6.09,6.1\n';

  it('refuses --out equal to or inside an input folder, and changes no input', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    for (const out of [d, join(d, 'sub')]) {
      const r = cli(d, '--out', out);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('输入文件夹');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(join(d, 'x.csv'), 'utf8')).toBe(export1);
    expect(readdirSync(d)).toEqual(['x.csv']);
  });

  it('an input given from inside --out keeps its bytes; a refused input deletes nothing', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    writeFileSync(join(d, 'x.xls'), 'not really a spreadsheet');
    const r = cli(join(d, 'x.csv'), join(d, 'x.xls'), '--out', d);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(d, 'x.csv'), 'utf8')).toBe(export1);
  });

  it('symlink loops, second links and FIFOs end with a line each, no hang', () => {
    const d = dir();
    const input = join(d, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'x.csv'), export1);
    symlinkSync('.', join(input, 'a'));
    symlinkSync('.', join(input, 'b'));
    symlinkSync('x.csv', join(input, 'y.csv'));
    spawnSync('mkfifo', [join(input, 'f.csv')]);
    // A workbook is read whole, not streamed: it too must be opened without blocking.
    spawnSync('mkfifo', [join(input, 'g.xls')]);
    const r = cli(input, '--out', join(d, 'out'));
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8'));
    expect(report.totals.files).toBe(1);
    expect(r.stderr).toContain('同一个文件');
    expect(r.stderr).toContain('FIFO');
  });

  it.each(['book.xls', 'book.xlsx', 'table.csv'])('%s that is a FIFO or /dev/zero is refused by the reader itself, no hang', async (name) => {
    // The command skips non-files before reading, but the reader must not rely on it: a workbook is read whole,
    // and reading a FIFO whole waits for a writer forever (the test would time out).
    const d = dir();
    spawnSync('mkfifo', [join(d, name)]);
    symlinkSync('/dev/zero', join(d, `zero-${name}`));
    for (const file of [join(d, name), join(d, `zero-${name}`)]) {
      const { report } = await ingestFile(file);
      expect(report.status).toBe('refused');
      expect(report.problems.map((p) => p.message).join('\n')).toContain('不是普通文件');
    }
  });

  it('a FIFO behind a link named .xls, given by name, ends with a line, no hang', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    spawnSync('mkfifo', [join(d, 'pipe')]);
    symlinkSync('pipe', join(d, 'book.xls'));
    const r = cli(join(d, 'x.csv'), join(d, 'book.xls'), '--out', join(d, 'out'));
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain('book.xls');
    expect(r.stderr).toContain('FIFO');
    expect(JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8')).totals.files).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [['--year', ''], '--year'],
    [['--year', '99999'], '--year'],
    [['--region', ' '], '--region'],
    [['--year', '2024', '--year', '2023'], '--year 给出了不止一次'],
    [['--unit', '\u200b'], '--unit 不能为空'],
  ])('option %j is refused in one line', (args, words) => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    const r = cli(join(d, 'x.csv'), '--out', join(d, 'out'), ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(words);
  });

  it('--unit ％ is the unit a header writes 出生率(%) with, not a second unit (hostile25i2)', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), '数据库：年度数据\n指标：人口出生率\n时间：最近2年\n地区,2024年\n北京市,1\n');
    const r = cli(join(d, 'x.csv'), '--out', join(d, 'out'), '--unit', '\uff05');
    expect(r.status).toBe(0);
    expect(readFileSync(join(d, 'out', 'x.csv'), 'utf8').split('\n')[1]).toBe('人口出生率,%,110000,北京市,2024,1,' + join(d, 'x.csv') + ',5');
  });

  it.each([
    [['--year', '-1'], '--year 缺少值，或值以 - 开头'],
    [['--bogus'], '未知选项 --bogus'],
    [['--indicator', 'a\u001b[31mb(‰)'], '--indicator 含有控制字符或换行（「a\\u001b[31mb(‰)」）'],
    [['--region', '北京\n市'], '--region 含有控制字符或换行'],
    [['--unit', '\u0007'], '--unit 含有控制字符或换行'],
  ])('option %j is refused in one Chinese line, control characters escaped (hostile24)', (args, words) => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    const r = cli(join(d, 'x.csv'), '--out', join(d, 'out'), ...args);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(words);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('outputs never differ only by case (one file on macOS and Windows), and their names hold no control characters (hostile24)', () => {
    const d = dir();
    const input = join(d, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.csv'), export1);
    writeFileSync(join(input, 'A.CSV'), export1);
    writeFileSync(join(input, 'bad\nname\u001b[2J.csv'), export1);
    const r = cli(input, '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    const names = readdirSync(join(d, 'out')).sort();
    expect(names).toEqual(['A.csv', 'a-2.csv', 'bad_name_[2J.csv', 'report.json'].sort());
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('--out an existing file, --out under a file, report.json a folder: one line, no stack trace', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    writeFileSync(join(d, 'file'), '');
    mkdirSync(join(d, 'o3', 'report.json'), { recursive: true });
    for (const out of [join(d, 'file'), join(d, 'file', 'sub'), join(d, 'o3')]) {
      const r = cli(join(d, 'x.csv'), '--out', out);
      expect(r.status, r.stderr).toBeGreaterThan(1);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('stderr piped is complete: one line per listed problem, as many as the report has', () => {
    const d = dir();
    const rows = Array.from({ length: 1200 }, (_, i) => `出生率,全国,${1900 + (i % 200)},abc,‰\n`).join('');
    for (const name of ['a', 'b', 'c']) writeFileSync(join(d, `${name}.csv`), 'indicator,region,year,value,unit\n' + rows);
    const r = cli(d, '--out', join(d, '..', `piped-${Date.now()}`));
    const out = r.stdout.match(/报告：(.*report\.json)/)![1]!;
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.stderr.trim().split('\n')).toHaveLength(report.totals.problems);
    expect(report.totals.cellsRejected).toBe(3600);
  });

  it('a file named in GBK bytes (not UTF-8) is read by its bytes, shown by its GBK name; the line names the bytes', () => {
    const d = dir();
    const folder = Buffer.from(join(d, 'in'));
    mkdirSync(folder);
    // 人口.csv in GBK, as a Chinese Windows zip unpacks it; and bytes that are neither UTF-8 nor GBK.
    writeFileSync(Buffer.concat([folder, Buffer.from('/'), Buffer.from([0xc8, 0xcb, 0xbf, 0xda]), Buffer.from('.csv')]), export1);
    writeFileSync(Buffer.concat([folder, Buffer.from('/'), Buffer.from([0xff, 0x41]), Buffer.from('.csv')]), export1);
    const r = cli(join(d, 'in'), '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('人口.csv: 文件名不是 UTF-8（字节 C8 CB BF DA 2E 63 73 76），按 GBK 解读显示');
    expect(r.stderr).toContain('\\xFFA.csv: 文件名不是 UTF-8 也不是 GBK（字节 FF 41 2E 63 73 76）');
    const report = JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8'));
    expect(report.files.map((f: { file: string; output: string }) => [f.file.slice(d.length), f.output])).toEqual([
      ['/in/人口.csv', '人口.csv'],
      ['/in/\\xFFA.csv', '\\xFFA.csv'],
    ]);
    expect(report.totals).toMatchObject({ files: 2, refused: 0, valuesWritten: 4 });
  });

  it('an output whose name is already a folder takes the next name; nothing half-written is left', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    mkdirSync(join(d, 'out', 'x.csv'), { recursive: true });
    const r = cli(join(d, 'x.csv'), '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['report.json', 'x-2.csv', 'x.csv']);
    expect(JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8')).files[0].output).toBe('x-2.csv');
  });

  it('a path past the system limit (4 KB), given or deep in a folder, is refused with its reason: exit 1, never skipped', () => {
    const d = dir();
    writeFileSync(join(d, 'ok.csv'), export1);
    // 22 folders of 200 characters: the file inside is past PATH_MAX from the top (a shell makes them step by step).
    const step = 'd'.repeat(200);
    spawnSync('sh', ['-c', `for i in $(seq 22); do mkdir ${step} && cd ${step}; done && cp ../../${'../'.repeat(20)}ok.csv x.csv`], { cwd: d });
    const given = cli(join(d, `${'x'.repeat(5000)}.csv`), '--out', join(d, 'o1'));
    const walked = cli(d, '--out', join(d, '..', `deep-out-${Date.now()}`));
    for (const r of [given, walked]) {
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/错误\[unreadable-file\]: 无法读取文件：路径太长/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(walked.stdout).toMatch(/读取 2 个文件（拒绝 1 个）/);
  });

  it('/dev/zero and a single self-link: refused or read once, at once', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    symlinkSync('.', join(d, 'self'));
    const zero = cli('/dev/zero', '--out', join(d, '..', `zero-${Date.now()}`));
    expect(zero.status).toBe(1);
    expect(zero.stderr).toContain('/dev/zero: 跳过：不是普通文件');
    const self = cli(d, '--out', join(d, '..', `self-${Date.now()}`));
    expect(self.status, self.stderr).toBe(0);
    expect(self.stdout).toMatch(/读取 1 个文件/);
  });

  it('a tidy label whose bracket is not its unit keeps it, and is written formula-guarded', () => {
    const d = dir();
    writeFileSync(join(d, 't.csv'), 'indicator,region,year,value,unit\n"=HYPERLINK(""http://x"")",全国,2024,1.5,‰\n人口出生率(‰),全国,2024,6.39,‰\n');
    const r = cli(join(d, 't.csv'), '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(
      readFileSync(join(d, 'out', 't.csv'), 'utf8')
        .split('\n')
        .slice(1, 3),
    ).toEqual([
      `"'=HYPERLINK(""http://x"")",‰,100000,全国,2024,1.5,${join(d, 't.csv')},2`,
      `人口出生率,‰,100000,全国,2024,6.39,${join(d, 't.csv')},3`,
    ]);
  });

  it('a hard link to a file already read is read once, given by name or found in a folder (hostile24)', () => {
    const d = dir();
    const input = join(d, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'x.csv'), export1);
    linkSync(join(input, 'x.csv'), join(input, 'y.csv'));
    linkSync(join(input, 'x.csv'), join(d, 'z.csv'));
    const r = cli(input, join(d, 'z.csv'), '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8')).totals).toMatchObject({ files: 1, valuesWritten: 2 });
    expect(r.stderr.match(/同一个文件/g)).toHaveLength(2);
  });

  it('an --out holding an escape sequence is shown escaped on stdout (hostile24)', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    const r = cli(join(d, 'x.csv'), '--out', join(d, 'o\u001b[2J'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('o\\u001b[2J');
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it.each(['abc', '99999', '-1', '1.5'])('npm run preview with PORT=%s: one line, exit 2, no stack trace (hostile24)', (port) => {
    const d = dir();
    mkdirSync(join(d, 'dist'));
    writeFileSync(join(d, 'dist', 'index.html'), 'hi');
    const serve = new URL('../../scripts/serve.ts', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [serve], { cwd: d, encoding: 'utf8', timeout: 10_000, env: { ...process.env, PORT: port } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`PORT 应为 0–65535 之间的整数，实际为「${port}」。`]);
  });

  it('an input in --out named as an output while written, or as the report, is never replaced or deleted (hostile25i)', () => {
    // x.xls (refused) was written as x.csv.partial, the input of that name, then removed it; report.json was replaced.
    const d = dir();
    writeFileSync(join(d, 'x.xls'), 'not a workbook');
    writeFileSync(join(d, 'x.csv.partial'), export1);
    writeFileSync(join(d, 'Y.CSV'), export1);
    writeFileSync(join(d, 'y.txt'), export1);
    const r = cli(join(d, 'x.xls'), join(d, 'x.csv.partial'), join(d, 'Y.CSV'), join(d, 'y.txt'), '--out', d);
    expect(r.status, r.stderr).toBe(1);
    for (const name of ['x.csv.partial', 'Y.CSV', 'y.txt']) expect(readFileSync(join(d, name), 'utf8')).toBe(export1);
    // y.txt's output is not y.csv: on macOS and Windows that is the input Y.CSV.
    expect(readdirSync(d).sort()).toEqual(['Y-2.csv', 'Y.CSV', 'report.json', 'x.csv.csv', 'x.csv.partial', 'x.xls', 'y-3.csv', 'y.txt']);
    writeFileSync(join(d, 'report.json'), export1);
    const again = cli(join(d, 'report.json'), '--out', d);
    expect(again.status).toBe(2);
    expect(again.stderr.split('\n')[0]).toContain('与报告同名');
    expect(readFileSync(join(d, 'report.json'), 'utf8')).toBe(export1);
  });

  it('a folder: an .xlsb is read, and the files it does not read are named in one line, not passed over in silence (hostile25i)', () => {
    const d = dir();
    const input = join(d, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.csv'), export1);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet(
        export1
          .trim()
          .split('\n')
          .map((l) => l.split(',')),
      ),
      'S',
    );
    writeFileSync(join(input, 'b.xlsb'), XLSX.write(book, { type: 'buffer', bookType: 'xlsb' }));
    writeFileSync(join(input, 'c.tsv'), export1.replaceAll(',', '\t'));
    writeFileSync(join(input, 'notes.md'), '');
    const r = cli(input, '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'out', 'report.json'), 'utf8')).totals).toMatchObject({ files: 2, valuesWritten: 4 });
    expect(r.stderr).toContain(`${input}: 跳过 2 个不读取的文件（.tsv 1 个、.md 1 个）`);
  });

  it("a link or hard link to an input left in --out under an output's temporary name is unlinked, never written through (hostile25i)", () => {
    // x.csv.partial -> ../in/x.csv: the output was written into the input; a hard link truncated it too.
    const d = dir();
    mkdirSync(join(d, 'in'));
    mkdirSync(join(d, 'out'));
    writeFileSync(join(d, 'in', 'x.csv'), export1);
    writeFileSync(join(d, 'in', 'y.csv'), export1);
    symlinkSync('../in/x.csv', join(d, 'out', 'x.csv.partial'));
    symlinkSync('../in/x.csv', join(d, 'out', 'report.json.partial'));
    linkSync(join(d, 'in', 'y.csv'), join(d, 'out', 'y.csv.partial'));
    const r = cli(join(d, 'in', 'x.csv'), join(d, 'in', 'y.csv'), '--out', join(d, 'out'));
    expect(r.status, r.stderr).toBe(0);
    for (const name of ['x.csv', 'y.csv']) expect(readFileSync(join(d, 'in', name), 'utf8')).toBe(export1);
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['report.json', 'x.csv', 'y.csv']);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    "%s half way removes the .partial output and report (and an older run's report), names what stays, exits 128+n (hostile25i2)",
    async (signal) => {
      // Stopped half way, the run left x.csv.partial (MBs) and report.json.partial in --out.
      const d = dir();
      writeFileSync(join(d, 'a.csv'), export1);
      writeFileSync(
        join(d, 'big.csv'),
        ['indicator,region,year,value,unit', ...Array.from({ length: 1_500_000 }, (_, i) => `指标${i},全国,2000,${i},‰`), ''].join('\n'),
      );
      const out = join(d, 'out');
      // An earlier run's report stayed beside this run's outputs, to be taken for its report (hostile25i3).
      mkdirSync(out);
      writeFileSync(join(out, 'report.json'), '{"files": [], "totals": {}}\n');
      const child = spawn(process.execPath, [SCRIPT, join(d, 'a.csv'), join(d, 'big.csv'), '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      while (!existsSync(join(out, 'big.csv.partial'))) await new Promise((resolve) => setTimeout(resolve, 5));
      child.kill(signal);
      const code = await exited;
      expect(stderr).toContain(`已中断（${signal}）`);
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      // a.csv stays if it was renamed before the signal (it closes while big.csv is read); nothing half-written does.
      expect(readdirSync(out).filter((name) => name !== 'a.csv')).toEqual([]);
      expect(stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('an --out that cannot be made names its real reason: a name past 255 bytes is too long, not "a file in the path or no permission" (hostile25i2)', () => {
    const d = dir();
    writeFileSync(join(d, 'x.csv'), export1);
    const long = cli(join(d, 'x.csv'), '--out', join(d, 'b'.repeat(300)));
    expect(long.status).toBe(3);
    expect(long.stderr).toMatch(/ENAMETOOLONG（路径太长）/);
    const underFile = cli(join(d, 'x.csv'), '--out', join(d, 'x.csv', 'out'));
    expect(underFile.status).toBe(3);
    expect(underFile.stderr).toMatch(/ENOTDIR（路径中某一段是文件）/);
  });

  it('an empty input set exits non-zero with a message', () => {
    const d = dir();
    const r = cli(d, '--out', join(d, '..', `out-${Date.now()}`));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有可读取的输入文件');
  });
});
