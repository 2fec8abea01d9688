// Hostile data and requests against the site build and the preview server (hostile25): each case passed before
// its fix, with the effect named beside it.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog, RESERVED_INDICATOR_IDS } from '../../src/catalog/load.ts';
import { httpUrl, UNIT_EN_MAX, UNIT_MAX } from '../../src/catalog/schema.ts';
import { scorecardSpark } from '../../src/charts/scorecard-spark.ts';
import { lineChart } from '../../src/shared/charts/line-chart.ts';
import { niceTicks } from '../../src/shared/format/tick.ts';
import { en } from '../../src/shared/i18n/en.ts';
import { zh } from '../../src/shared/i18n/zh.ts';
import { SITE_CARD } from '../../src/embed/share.ts';
import { buildData } from '../../src/pipeline/build-published.ts';
import { catalogProblems, DATA, dataCopy } from '../helpers/data-copy.ts';
import { loadTargets } from '../../src/catalog/load-targets.ts';
import { loadProcurementBatches, parseProcurementBatches, PROCUREMENT_FILE, ProcurementDataError } from '../../src/site-data/procurement.ts';
import { normalizeSiteUrl } from '../../src/site-address.ts';
import { folderRedirect, startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { fragmentId } from '../../src/shared/fragment.ts';
import { matchNames, MAX_QUERY, searchQuery } from '../../src/shared/search/match.ts';
import { searchNames } from '../../src/search/names.ts';

/** Renames data/catalog/birth-rate.yaml to <id>.yaml with that id (targets and events name birth-rate: dropped). */
function birthRateAs(id: string) {
  return (data: string) => {
    const text = readFileSync(join(data, 'catalog', 'birth-rate.yaml'), 'utf8').replace(/^id: birth-rate$/m, `id: ${id}`);
    renameSync(join(data, 'catalog', 'birth-rate.yaml'), join(data, 'catalog', `${id}.yaml`));
    writeFileSync(join(data, 'catalog', `${id}.yaml`), text);
  };
}

describe('source addresses that show one site and open another', () => {
  it.each([
    // before: accepted, and the link went to evil.example while reading as the NHC's site
    ['https://www.nhc.gov.cn@evil.example/x', /用户名或密码/],
    ['https://user:secret@www.nhc.gov.cn/', /用户名或密码/],
    ['https://@www.nhc.gov.cn/', /用户名或密码/],
    // before: accepted; browsers read the backslash as a slash (the host is a.example)
    ['https://a.example\\@www.nhc.gov.cn/', /反斜杠/],
    // before: accepted; a right-to-left override or a zero-width space changes what the reader sees
    ['https://www.nhc.gov.cn/\u202efdp.exe', /格式字符/],
    ['https://www.nhc\u200b.gov.cn/', /格式字符/],
    // before: accepted; the Cyrillic с makes another host that reads as the NHC's
    ['https://www.nh\u0441.gov.cn/', /主机名应只用 ASCII/],
    ['https://医改.中国/', /xn-- 形式/],
  ])('%j is refused', (url, message) => {
    const parsed = httpUrl.safeParse(url);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join()).toMatch(message);
  });

  it.each([
    'https://www.nhc.gov.cn/wjw/tjgb/list.shtml',
    'https://a.example/@user?q=a@b#@x',
    'https://xn--fiq.example/统计/公报?年=2023',
    'HTTP://A.EXAMPLE',
  ])('%j is still accepted', (url) => expect(httpUrl.safeParse(url).success).toBe(true));

  it('names the file and field in the build', () => {
    const root = dataCopy((data) => {
      const file = join(data, 'sources', 'nbs-database-annual-2023.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^url: .*$/m, 'url: https://www.nhc.gov.cn@evil.example/'));
    });
    // (the indicators citing the refused source say so too)
    expect(catalogProblems(root)[0]).toMatch(/sources\/nbs-database-annual-2023\.yaml: 字段 url：网址中不能有用户名或密码/);
  });

  it('a site address with a user name or password is refused (it is printed on every page)', () => {
    expect(() => normalizeSiteUrl('https://me:secret@example.org/yigai/')).toThrow(/user name or password/);
    expect(normalizeSiteUrl('https://example.org/yigai')).toBe('https://example.org/yigai/');
  });
});

// before: read and published as if the repository held it (links under data/raw were already refused)
describe('a data YAML file linked from outside data/', () => {
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  const linked = (file: string) => (data: string) => {
    renameSync(join(data, file), join(outside, basename(file)));
    symlinkSync(join(outside, basename(file)), join(data, file));
  };
  it.each(['sources/nhc-bulletin-2023.yaml', 'catalog/birth-rate.yaml', 'release.yaml'])('%s is refused with its file', (file) => {
    const problems = catalogProblems(dataCopy(linked(file)));
    expect(problems[0]).toMatch(new RegExp(`/data/${file}: 无法读取：链接指向数据目录之外（${outside}/`));
  });
  it('a plan in data/targets and the procurement batches too', () => {
    const root = dataCopy((data) => {
      linked('targets/community-health-2015.yaml')(data);
      linked(PROCUREMENT_FILE)(data);
    });
    const ids = new Set(loadCatalog(join(root, 'data')).indicators.map((i) => i.id));
    expect(() => loadTargets(join(root, 'data'), ids)).toThrow(/targets\/community-health-2015\.yaml: 无法读取：链接指向数据目录之外/);
    expect(() => loadProcurementBatches(join(root, 'data'))).toThrow(ProcurementDataError);
    try {
      loadProcurementBatches(join(root, 'data'));
    } catch (error) {
      expect((error as ProcurementDataError).problems).toEqual([expect.stringMatching(/vbp-batches\.yaml: 无法读取：链接指向数据目录之外/)]);
    }
  });
  it('a link inside data/ is read', () => {
    const root = dataCopy((data) => {
      renameSync(join(data, 'sources', 'nhc-bulletin-2023.yaml'), join(data, 'nhc-bulletin-2023.yaml'));
      symlinkSync('../nhc-bulletin-2023.yaml', join(data, 'sources', 'nhc-bulletin-2023.yaml'));
    });
    expect(catalogProblems(root)).toEqual([]);
  });
});

describe('catalog files that clash', () => {
  it('x.yaml beside x.yml: both refused with their files (before: two indicators with one id, one of them lost)', () => {
    const root = dataCopy((data) => cpSync(join(data, 'catalog', 'birth-rate.yaml'), join(data, 'catalog', 'birth-rate.yml')));
    expect(catalogProblems(root)).toEqual([
      expect.stringMatching(/catalog\/birth-rate\.yaml: 与 birth-rate\.yml 都是 birth-rate 的文件/),
      expect.stringMatching(/catalog\/birth-rate\.yml: 与 birth-rate\.yaml 都是 birth-rate 的文件/),
    ]);
  });

  it('an indicator in x.yml is named by that file', () => {
    const root = dataCopy((data) => {
      const text = readFileSync(join(data, 'catalog', 'birth-rate.yaml'), 'utf8').replace('- nbs-database-annual-2023', '- no-such-source');
      renameSync(join(data, 'catalog', 'birth-rate.yaml'), join(data, 'catalog', 'birth-rate.yml'));
      writeFileSync(join(data, 'catalog', 'birth-rate.yml'), text);
    });
    expect(catalogProblems(root)).toEqual([expect.stringMatching(/catalog\/birth-rate\.yml: 字段 sources\.\d：.*no-such-source/)]);
  });

  it('the same in data/sources', () => {
    const root = dataCopy((data) => cpSync(join(data, 'sources', 'nhc-bulletin-2023.yaml'), join(data, 'sources', 'nhc-bulletin-2023.yml')));
    expect(catalogProblems(root).filter((p) => /都是 nhc-bulletin-2023 的文件/.test(p))).toHaveLength(2);
  });

  // before: the indicator's tidy CSV /data/revisions.csv was overwritten by the revisions table, and
  // datapackage.json listed two resources at that path, one with the wrong hash; the build passed.
  it.each([
    ['revisions', /「revisions」是站点自己文件的名字/],
    ['datapackage', /「datapackage」是站点自己文件的名字/],
    [SITE_CARD, /「site」是站点自己文件的名字/],
    ['death-rate-wide', /「death-rate-wide」与指标 death-rate 的宽表 death-rate-wide\.csv 重名/],
    ['death-rate-json', /「death-rate-json」与指标 death-rate 的数据包资源 death-rate-json 重名/],
  ])('an indicator id %j that names another file is refused with its file and field', (id, message) => {
    const problems = catalogProblems(dataCopy(birthRateAs(id)));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`catalog/${id}\\.yaml: 字段 id：`))]);
    expect(problems[0]).toMatch(message);
  });

  it('the reserved ids are every name the downloads write beside the indicators, and the indicators write only id, id-wide, id.json', async () => {
    const catalog = loadCatalog(DATA);
    const { files } = await buildData(catalog, join(DATA, 'raw'), join(DATA, '..'));
    const listed = JSON.parse(String(files.get('downloads.json'))) as { files: { path: string; indicatorId?: string }[] };
    const shared = listed.files.filter((f) => !f.indicatorId && /\.(csv|json)$/.test(f.path)).map((f) => f.path.replace(/\.\w+$/, ''));
    expect(shared.length).toBeGreaterThan(4);
    for (const name of shared) expect(RESERVED_INDICATOR_IDS).toContain(name);
    expect(RESERVED_INDICATOR_IDS).toContain(SITE_CARD);
    for (const f of listed.files.filter((f) => f.indicatorId))
      expect([`${f.indicatorId}.csv`, `${f.indicatorId}-wide.csv`, `${f.indicatorId}.json`]).toContain(f.path);
    const pkg = JSON.parse(String(files.get('downloads/datapackage.json'))) as { resources: { name: string }[] };
    const names = pkg.resources.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

// before: published as written; an override (U+202E) reverses the text after it wherever the name or note sits in a
// sentence or a spreadsheet cell, a zero-width space hides inside a name, a bell or U+FEFF travels into every file.
describe('text holding characters the reader cannot see', () => {
  const replaceIn = (file: string, from: RegExp, to: string) => (data: string) =>
    writeFileSync(join(data, file), readFileSync(join(data, file), 'utf8').replace(from, to));

  it.each([
    [
      'a bidi override in a name',
      'catalog/birth-rate.yaml',
      /^name_zh: .*$/m,
      'name_zh: "人口出生率\u202e 6.39"',
      /birth-rate\.yaml: 字段 name_zh：第 6 个字符是看不见的控制或格式字符 U\+202E/,
    ],
    [
      'a zero-width space in a definition',
      'catalog/birth-rate.yaml',
      /^definition: /m,
      'definition: \u200b',
      /birth-rate\.yaml: 字段 definition：第 1 个字符.*U\+200B/,
    ],
    ['a bell in the compiler', 'release.yaml', /^compiler: .*$/m, 'compiler: "医改数据\u0007"', /release\.yaml: 字段 compiler：.*U\+0007/],
    [
      'a lone surrogate in a source title',
      'sources/nhc-bulletin-2023.yaml',
      /^title: .*$/m,
      'title: "《公报\\ud800》"' /* a YAML escape: a file cannot hold a lone surrogate */,
      /nhc-bulletin-2023\.yaml: 字段 title：.*U\+D800/,
    ],
  ])('%s is refused with its file and field', (_, file, from, to, message) => {
    // (a refused source is then also missing for the indicators citing it: those lines are left out here)
    const problems = catalogProblems(dataCopy(replaceIn(file, from, to))).filter((p) => p.includes(`/${file}: `));
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('in a plan target: refused with its file and field', () => {
    const root = dataCopy(replaceIn('targets/community-health-2015.yaml', /wording_zh: /, 'wording_zh: \u2066'));
    const ids = new Set(loadCatalog(join(root, 'data')).indicators.map((i) => i.id));
    expect(() => loadTargets(join(root, 'data'), ids)).toThrow(/community-health-2015\.yaml: 字段 targets\.\d+\.wording_zh：第 1 个字符.*U\+2066/);
  });

  it('in the procurement batches: refused at file:line:column; an unknown tag there too (it was read as text)', () => {
    const text = readFileSync(join(DATA, PROCUREMENT_FILE), 'utf8');
    const ids = new Set(loadCatalog(DATA).sources.keys());
    const parse = (t: string) => parseProcurementBatches(t, 'vbp-batches.yaml', ids).problems;
    expect(parse(text)).toEqual([]);
    expect(parse(text.replace(/name_zh: 第/, 'name_zh: 第\u202e'))).toEqual([
      expect.stringMatching(/^vbp-batches\.yaml:\d+:\d+: 字段 batches\.0\.name_zh：.*U\+202E/),
    ]);
    expect(parse(text.replace(/name_zh: /, 'name_zh: !!js/function '))).toEqual([
      expect.stringMatching(/^vbp-batches\.yaml:10:14: YAML 无法解析：Unresolved tag/),
    ]);
  });

  it('in a raw note or its English: the value is refused at its place', async () => {
    const root = dataCopy((data) => {
      const file = join(data, 'raw', 'reference', 'national.csv');
      const [header, ...rows] = readFileSync(file, 'utf8').split('\n');
      expect(header).toBe('indicator,region,year,value,unit,source,status,note,note_en');
      const row = (year: number, note: string, noteEn: string) =>
        `人口出生率,全国,${year},6.39,‰,nbs-database-annual-2023,single-source,${note},${noteEn}`;
      writeFileSync(file, [header, row(2030, '注\u202e 6.39', 'Note'), row(2031, 'n', 'Note \ufeff x'), ...rows].join('\n'));
    });
    const r = await buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root);
    expect(r.problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['invisible-character', 2, 'note 列：第 2 个字符是看不见的控制或格式字符 U+202E：请删去'],
      ['invisible-character', 3, 'note_en 列：第 6 个字符是看不见的控制或格式字符 U+FEFF：请删去'],
    ]);
  });
});

// before: published; the home page and the indicator page showed 2099 as the latest value, every chart stretched to it
describe('a year after the release', () => {
  it('is refused at its place; the release year itself is not', async () => {
    const release = readFileSync(join(DATA, 'release.yaml'), 'utf8');
    const year = Number(/^date: '?(\d{4})/m.exec(release)![1]);
    const root = dataCopy((data) => {
      const rows = [year + 1, 2099, year].map((y) => `人口出生率,全国,${y},6.1,‰,nbs-database-annual-2023,single-source,,`);
      writeFileSync(
        join(data, 'raw', 'reference', 'zz-future.csv'),
        ['indicator,region,year,value,unit,source,status,note,note_en', ...rows, ''].join('\n'),
      );
    });
    const r = await buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root);
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['future-year', 2, 4],
      ['future-year', 3, 4],
    ]);
    expect(r.problems[1]!.message).toMatch(/^2099年晚于数据版本的日期（\d{4}-\d{2}-\d{2}）/);
  });
});

// before: published in the source_file column of every value read from the file, override and line break included
describe('a raw file name holding an invisible character or a line break', () => {
  it.each([
    ['vital\u202e-rates.csv', 'U+202E'],
    ['vital\nrates.csv', 'U+000A'],
    ['vital\trates.csv', 'U+0009'],
  ])('%j stops the build at the file', async (name, code) => {
    const root = dataCopy((data) =>
      renameSync(join(data, 'raw', 'nbs-provincial', 'vital-rates-2024.csv'), join(data, 'raw', 'nbs-provincial', name)),
    );
    const r = await buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root);
    expect(r.problems.map((p) => [p.file, p.code, p.line, p.column])).toEqual([[`data/raw/nbs-provincial/${name}`, 'invisible-character', 1, 1]]);
    expect(r.problems[0]!.message).toContain(code);
  });
});

describe('the same row twice', () => {
  // before: an earlier release (superseded) copied into a second file, or a file linked twice, was published twice
  // in revisions.csv and the indicator's JSON, and the build passed; values in force were already refused.
  it('an earlier release given twice by the same source is refused at the second place', async () => {
    const root = dataCopy((data) => {
      const lines = readFileSync(join(data, 'raw', 'reference', 'national.csv'), 'utf8').split('\n');
      const superseded = lines.filter((l) => l.includes(',superseded,'));
      expect(superseded.length).toBeGreaterThan(0);
      mkdirSync(join(data, 'raw', 'zz-copy')); // read after reference/
      writeFileSync(join(data, 'raw', 'zz-copy', 'again.csv'), [lines[0], superseded[0], ''].join('\n'));
    });
    const r = await buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root);
    const mine = r.problems.filter((p) => p.file.endsWith('again.csv'));
    expect(mine.map((p) => [p.code, p.line, p.column])).toEqual([['duplicate-value', 2, 4]]);
    expect(mine[0]!.message).toMatch(/已有来源 \S+ 的数值（data\/raw\/reference\/national\.csv 第\d+行）/);
  });
});

describe('the preview server (hostile25)', () => {
  let server: StaticServer;
  const root = mkdtempSync(join(tmpdir(), 'serve25-'));
  beforeAll(async () => {
    mkdirSync(join(root, 'data'));
    mkdirSync(join(root, 'indicators', 'birth-rate'), { recursive: true });
    writeFileSync(join(root, 'index.html'), 'home');
    writeFileSync(join(root, 'indicators', 'birth-rate', 'index.html'), 'page');
    server = await startStaticServer(root);
  });
  afterAll(() => server?.close());

  // before: POST, PUT, DELETE and TRACE were answered 200 with the page
  it.each(['POST', 'PUT', 'DELETE', 'TRACE', 'OPTIONS'])('%s is 405 with Allow: GET, HEAD', async (method) => {
    // fetch refuses to send TRACE: node:http sends anything
    const { status, allow } = await new Promise<{ status?: number; allow?: string }>((resolve, reject) =>
      request(server.url + '/', { method }, (response) => {
        response.resume();
        resolve({ status: response.statusCode, allow: response.headers.allow });
      })
        .on('error', reject)
        .end(),
    );
    expect(status).toBe(405);
    expect(allow).toBe('GET, HEAD');
  });

  // before: the data README, the checksums and the zip download were all application/octet-stream
  it("serves the download folder's README, checksums and zip with their own types", async () => {
    writeFileSync(join(root, 'data', 'README.md'), '# 数据');
    writeFileSync(join(root, 'data', 'SHA256SUMS'), 'abc  x.csv\n');
    writeFileSync(join(root, 'data', 'yigai-data.zip'), 'PK');
    const type = async (name: string) => (await fetch(`${server.url}/data/${name}`)).headers.get('content-type');
    expect(await type('README.md')).toBe('text/markdown; charset=utf-8');
    expect(await type('SHA256SUMS')).toBe('text/plain; charset=utf-8');
    expect(await type('yigai-data.zip')).toBe('application/zip');
  });

  // before: the page was served at the address without its slash (a host redirects), so relative links differed
  it('a folder without its slash is redirected to it, query kept; never to another host', async () => {
    const response = await fetch(server.url + '/indicators/birth-rate?theme=dark', { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/indicators/birth-rate/?theme=dark');
    // before: no Cache-Control, so browsers kept the permanent redirect for the next build served on this port
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(folderRedirect(root, '//indicators/birth-rate')).toBe('/indicators/birth-rate/');
    expect(folderRedirect(root, '/indicators/x/../birth-rate?%3Cb%3E')).toBe('/indicators/birth-rate/?%3Cb%3E');
    expect(folderRedirect(root, '/indicators/birth-rate?\u00e9')).toBe('/indicators/birth-rate/?%E9');
    for (const url of ['/indicators/birth-rate/', '/data', '//data', '/index.html', '/../etc', '/%2e%2e/etc', '/%'])
      expect(folderRedirect(root, url), url).toBeNull();
    expect((await fetch(server.url + '/indicators/birth-rate/')).status).toBe(200);
  });

  // before: pipe() left the file open when the reader went away: each cut download held a descriptor (40 cut
  // downloads, 40 more open files) until the server could open no file and answered nothing.
  it('a download cut short closes its file', async () => {
    writeFileSync(join(root, 'data', 'big.bin'), '');
    truncateSync(join(root, 'data', 'big.bin'), 256 * 1024 * 1024); // sparse: nothing is written
    const open = () => readdirSync('/proc/self/fd').length;
    const cut = () =>
      new Promise<void>((resolve, reject) => {
        const req = request(server.url + '/data/big.bin', (response) => response.once('data', () => req.destroy()));
        req.on('close', () => setTimeout(resolve, 20)).on('error', (e) => (e.message === 'socket hang up' ? resolve() : reject(e)));
        req.end();
      });
    await cut();
    const before = open();
    for (let i = 0; i < 30; i++) await cut();
    await new Promise((r) => setTimeout(r, 200));
    expect(open() - before).toBeLessThan(5);
    expect((await fetch(server.url + '/')).status).toBe(200);
  });
});

// before: #% or a cut escape threw URIError in the indicator page's figure script: every view stayed stacked, no tab worked
describe('an address fragment with a malformed escape', () => {
  it.each([
    ['#view-table', 'view-table'],
    ['#%E5%9B%BE', '图'],
    ['', ''],
    ['#%', ''],
    ['#%E0%A4%A', ''],
  ])('%j names the element id %j', (hash, id) => expect(fragmentId(hash)).toBe(id));
});

// before: a query of 6,000 characters (a link's ?q=, a pasted page) took 6.9 s here to match against the names,
// the tab frozen; the cost grows with the query's length times each name's.
describe('a very long search query', () => {
  const names = searchNames('/'); // the site's index: indicators, regions and the cities readers ask for
  it('is read up to MAX_QUERY characters, whole code points, and answered at once', () => {
    expect(searchQuery(`  ${'𠀀'.repeat(MAX_QUERY + 5)} `)).toBe('𠀀'.repeat(MAX_QUERY));
    const long = 'ab '.repeat(2000) + 'birth rate';
    const started = performance.now();
    const found = matchNames(long, names);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found).toEqual(matchNames(long.slice(0, MAX_QUERY), names));
    expect(matchNames('出生率', names).map((n) => n.name)).toContain('人口出生率');
  });
});

// before: only the form was checked, so 2016-02-30 or 2016-13-45 passed and was published as written (2016年13月45日,
// in English "45  2016"), sorted among the real dates.
describe('a date that is not in the calendar', () => {
  const replaceIn = (file: string, from: RegExp, to: string) => (data: string) =>
    writeFileSync(join(data, file), readFileSync(join(data, file), 'utf8').replace(from, to));
  const targetProblems = (root: string) => {
    const ids = new Set(loadCatalog(join(root, 'data')).indicators.map((i) => i.id));
    try {
      loadTargets(join(root, 'data'), ids);
      return [];
    } catch (error) {
      return (error as CatalogError).problems;
    }
  };

  it.each([
    ['2016-02-30', /events\.0\.date：2016-02-30 没有这一天（2016年2月有 29 天）/],
    ['2016-13-45', /events\.0\.date：2016-13-45 没有这个月份（应为 01 到 12）/],
    ['2016-00', /events\.0\.date：2016-00 没有这个月份/],
  ])('an event dated %s is refused with its file and field', (date, message) => {
    const precision = date.length === 7 ? 'month' : 'day';
    const root = dataCopy(replaceIn('events/2016.yaml', /date: 2016-01-01\n(\s+)precision: day/, `date: ${date}\n$1precision: ${precision}`));
    expect(targetProblems(root)).toEqual([expect.stringMatching(new RegExp(`events/2016\\.yaml: 字段 ${message.source}`))]);
  });

  it('2016-02-29 (a leap day) is still read', () => {
    const root = dataCopy(replaceIn('events/2016.yaml', /date: 2016-01-01\n/, 'date: 2016-02-29\n'));
    expect(targetProblems(root)).toEqual([]);
  });

  it('a plan, a source and a procurement batch too', () => {
    const root = dataCopy((data) => {
      replaceIn('targets/health-plan-13th.yaml', /^date: .*$/m, 'date: 2016-04-31')(data);
      replaceIn('sources/jjckb-2023-10-18.yaml', /^date: .*$/m, 'date: 2023-10-32')(data);
    });
    // (the indicator citing the refused source says so too)
    expect(catalogProblems(root)[0]).toMatch(/sources\/jjckb-2023-10-18\.yaml: 字段 date：2023-10-32 没有这一天（2023年10月有 31 天）/);
    cpSync(join(DATA, 'sources', 'jjckb-2023-10-18.yaml'), join(root, 'data', 'sources', 'jjckb-2023-10-18.yaml'));
    expect(targetProblems(root)).toEqual([expect.stringMatching(/health-plan-13th\.yaml: 字段 date：2016-04-31 没有这一天（2016年4月有 30 天）/)]);
    const text = readFileSync(join(DATA, PROCUREMENT_FILE), 'utf8');
    const ids = new Set(loadCatalog(DATA).sources.keys());
    expect(parseProcurementBatches(text.replace("date: '2018-12-07'", "date: '2018-02-30'"), 'vbp-batches.yaml', ids).problems).toEqual([
      expect.stringMatching(/^vbp-batches\.yaml:\d+:\d+: 字段 batches\.0\.date：2018-02-30 没有这一天/),
    ]);
  });
});

// before: accepted; the scorecard judged the plan of 2016 on its "2002" target and the chart drew it before the plan
describe('a target year before the plan was issued', () => {
  it('is refused with its file and field; the year of issue itself is not', () => {
    const ids = new Set(loadCatalog(DATA).indicators.map((i) => i.id));
    const problems = (year: number) => {
      const root = dataCopy((data) => {
        const file = join(data, 'targets', 'health-plan-13th.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/target_year: 2020/, `target_year: ${year}`));
      });
      try {
        loadTargets(join(root, 'data'), ids);
        return [];
      } catch (error) {
        return (error as CatalogError).problems;
      }
    };
    // (its baseline, 2015, is later than 2002 too: that was already refused; the first line is new)
    expect(problems(2002)).toEqual([
      expect.stringMatching(/health-plan-13th\.yaml: 字段 targets\.0\.target_year：目标年份（2002）早于规划发布的年份（2016）/),
      expect.stringMatching(/targets\.0\.baseline\.year：/),
    ]);
    expect(problems(2016).filter((p) => p.includes('target_year'))).toEqual([]);
  });
});

// before: zod's own English ("Too big: expected string to have <=16 characters") among the Chinese lines
describe("the schemas' own messages", () => {
  it('are Chinese too, with file and field', () => {
    const root = dataCopy((data) => {
      const file = join(data, 'events', '2016.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/label_zh: .*/, 'label_zh: 一二三四五六七八九十一二三四五六七'));
    });
    const ids = new Set(loadCatalog(join(root, 'data')).indicators.map((i) => i.id));
    expect(() => loadTargets(join(root, 'data'), ids)).toThrow(/events\/2016\.yaml: 字段 events\.0\.label_zh：数值过大：期望 string <=16 字符/);
  });
});

// before: published; the timeline listed a reform event of 2061 (a typo for 2016) and the batches a batch not yet held
describe('an event, a plan or a procurement batch dated after the release', () => {
  const release = readFileSync(join(DATA, 'release.yaml'), 'utf8');
  const releaseDate = /^date: '?(\d{4}-\d{2}-\d{2})/m.exec(release)![1]!;
  const ids = new Set(loadCatalog(DATA).indicators.map((i) => i.id));
  it('is refused with its file and field when the build gives the release date', () => {
    const root = dataCopy((data) => {
      mkdirSync(join(data, 'events'), { recursive: true });
      const text = readFileSync(join(data, 'events', '2016.yaml'), 'utf8')
        .replace(/^year: 2016$/m, 'year: 2061')
        .replace(/date: 2016-/g, 'date: 2061-');
      writeFileSync(join(data, 'events', '2061.yaml'), text);
      const plan = join(data, 'targets', 'health-plan-13th.yaml');
      writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^date: .*$/m, 'date: "2061"'));
    });
    let problems: string[] = [];
    try {
      loadTargets(join(root, 'data'), ids, { releaseDate });
    } catch (error) {
      problems = (error as CatalogError).problems;
    }
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`health-plan-13th\\.yaml: 字段 date：2061 晚于数据版本的日期（${releaseDate}）`)),
    );
    expect(problems).toContainEqual(expect.stringMatching(/events\/2061\.yaml: 字段 events\.0\.date：2061-01-01 晚于数据版本的日期/));
    // (the same events twice: their ids clash too, and the plan's targets are now before its issue; nothing else)
    expect(problems.filter((p) => !/晚于数据版本的日期|已在 .* 中使用|早于规划发布的年份/.test(p))).toEqual([]);
    // the release's own month and day are not later than it
    expect(() => loadTargets(DATA, ids, { releaseDate })).not.toThrow();
    const text = readFileSync(join(DATA, PROCUREMENT_FILE), 'utf8');
    const sources = new Set(loadCatalog(DATA).sources.keys());
    const last = [...text.matchAll(/date: '([\d-]+)'/g)].at(-1)![1]!;
    expect(parseProcurementBatches(text.replace(`date: '${last}'`, "date: '2099-01'"), 'vbp-batches.yaml', sources, releaseDate).problems).toEqual([
      expect.stringMatching(/^vbp-batches\.yaml:\d+:\d+: 字段 batches\.\d+\.date：2099-01 晚于数据版本的日期/),
    ]);
    expect(
      parseProcurementBatches(text.replace(`date: '${last}'`, `date: '${releaseDate.slice(0, 7)}'`), 'vbp-batches.yaml', sources, releaseDate)
        .problems,
    ).toEqual([]);
  });
});

// before: accepted; the citations in every CSV said （2023） and the source list 2019年10月18日
describe('a source whose date is not in its year', () => {
  it('is refused with its file and field', () => {
    const root = dataCopy((data) => {
      const file = join(data, 'sources', 'jjckb-2023-10-18.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, "date: '2019-10-18'"));
    });
    expect(catalogProblems(root)[0]).toMatch(/sources\/jjckb-2023-10-18\.yaml: 字段 date：日期 2019-10-18 与发布年份 year（2023）不一致/);
  });
});

// before: accepted; 降低300% (a typo for 30) implied a level below zero, drawn as the plan's target and judged against
describe('a relative target that would cut by 100% or more', () => {
  it('is refused with its file and field; 99% is not', () => {
    const ids = new Set(loadCatalog(DATA).indicators.map((i) => i.id));
    const problems = (amount: number) => {
      const root = dataCopy((data) => {
        const file = join(data, 'targets', 'healthy-china-2030.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/by: percent\n(\s+)amount: 30\n/, `by: percent\n$1amount: ${amount}\n`));
      });
      try {
        loadTargets(join(root, 'data'), ids);
        return [];
      } catch (error) {
        return (error as CatalogError).problems;
      }
    };
    expect(problems(300)).toEqual([
      expect.stringMatching(/healthy-china-2030\.yaml: 字段 targets\.\d+\.change\.amount：降低 300% 后不剩任何数值，应小于 100/),
    ]);
    expect(problems(100)).toHaveLength(1);
    expect(problems(99)).toEqual([]);
  });
});

// before: accepted; the target's own unit was replaced by the series' on the scorecard (77.3月 shown as 77.3岁) and
// the value compared and drawn on the series' scale
describe('a numeric target in another unit than its series', () => {
  it('is refused by the build with its file and field; a relative target in 百分点 is not', async () => {
    const root = dataCopy((data) => {
      const file = join(data, 'targets', 'health-plan-13th.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'indicator_en: Life expectancy at birth\n    unit: 岁',
          'indicator_en: Life expectancy at birth\n    unit: 月',
        ),
      );
    });
    await expect(buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root)).rejects.toThrow(
      /health-plan-13th\.yaml: 字段 targets\.0\.unit：数值目标的单位应与指标 life-expectancy 的单位「岁」一致，实际为「月」/,
    );
    await expect(buildData(loadCatalog(DATA), join(DATA, 'raw'), join(DATA, '..'))).resolves.toBeDefined();
  });
});

// before: published, and the composition chart drew 2016's bar to 154% past its top edge (its domain is 0-100)
describe('health expenditure shares of one release that do not add up to 100', () => {
  it('stop the build at the out-of-pocket value, naming the three', async () => {
    const row = '个人卫生支出占卫生总费用比重,全国,2016,28.78,';
    let line = 0;
    const root = dataCopy((data) => {
      const file = join(data, 'raw', 'reform', 'national.csv');
      const text = readFileSync(file, 'utf8');
      line = text.slice(0, text.indexOf(row)).split('\n').length;
      writeFileSync(file, text.replace(row, '个人卫生支出占卫生总费用比重,全国,2016,82.78,'));
    });
    const r = await buildData(loadCatalog(join(root, 'data')), join(root, 'data', 'raw'), root);
    expect(r.problems.map((p) => [p.file, p.line, p.code])).toEqual([['data/raw/reform/national.csv', line, 'composition-total']]);
    expect(r.problems[0]!.message).toMatch(
      new RegExp(
        `^2016年卫生总费用的三项构成出自同一来源 nha-2016，合计 154%，应为100%.*oop-share 82\\.78（data/raw/reform/national\\.csv 第${line}行）`,
      ),
    );
  });
  it('the published shares pass: 2014 (preliminary government and social beside the accounts out-of-pocket) is only left out of the chart', async () => {
    const r = await buildData(loadCatalog(DATA), join(DATA, 'raw'), join(DATA, '..'));
    expect(r.problems.filter((p) => p.code === 'composition-total')).toEqual([]);
  });
});

// before: any length; at 360 px a unit of 33 CJK characters ran past the line chart's right edge (its axis label is one
// line of 12 px text from x = 0, as statistical charts label their axis)
describe("a unit too long for the chart's axis label", () => {
  it.each([
    ['unit', '万'.repeat(UNIT_MAX + 1), /catalog\/birth-rate\.yaml: 字段 unit：单位最长 12 个字/],
    ['unit_en', 'x'.repeat(UNIT_EN_MAX + 1), /catalog\/birth-rate\.yaml: 字段 unit_en：unit_en 最长 30 个字符/],
  ])('%s is refused with its file and field', (field, unit, message) => {
    const root = dataCopy((data) => {
      const file = join(data, 'catalog', 'birth-rate.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${unit}`));
    });
    expect(catalogProblems(root).join('\n')).toMatch(message);
  });

  // CJK at 12 px is 12 px a character; Latin is counted at 7.2 px as marginForTicks counts digits (wider than text)
  const width = (text: string) => [...text].reduce((sum, c) => sum + (/[\u2e80-\uffef]/.test(c) ? 12 : 7.2), 0);
  it.each([
    ['zh', zh.explore.changeAxis('2015年', '万'.repeat(UNIT_MAX))],
    ['zh', zh.chart.unitAxis('万'.repeat(UNIT_MAX))],
    ['en', en.explore.changeAxis('2015', 'per 100,000 live births'.padEnd(UNIT_EN_MAX, 'x'))],
  ])('the longest allowed (%s) fits a 360 px chart: %s', (_lang, label) => {
    const svg = lineChart({
      ...{ title: 't', description: 'd', idPrefix: 'c', width: 360, height: 240, breaks: [], breakLabel: '', pointTips: 'none' as const },
      yLabel: label,
      series: [{ key: 'n', color: '#1d5a96', role: 'main', points: [{ year: 2020, value: 1, tentative: false, tip: '' }] }],
    });
    const text = /<text x="0" y="11">([^<]*)<\/text>/.exec(svg)![1]!;
    expect(width(text)).toBeLessThanOrEqual(360);
  });
});

// before: niceTicks(1, 1 + 1e-11) gave [1, 1, 1, 1, 1, 1] (each tick rounded to 10 decimals); niceTicks(1e17, 1e17 + 16)
// never returned (t += 5 on 1e17 is 1e17)
describe('axis ticks for any finite range', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
  it('are distinct, increasing, finite and from at or below lo to at or above hi ', () => {
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: 1, max: 10 }), (a, b, count) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const ticks = niceTicks(lo, hi, count);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(4 * count + 3);
        ticks.forEach((t, i) => {
          expect(Number.isFinite(t)).toBe(true);
          if (i) expect(t).toBeGreaterThan(ticks[i - 1]!);
        });
        expect(ticks[0]).toBeLessThanOrEqual(lo);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(hi);
      }),
      { numRuns: 2000 },
    );
  });
  it.each([
    [1, 1 + 1e-11],
    [0, 1e-12],
    [1e17, 1e17 + 16],
    [1e17, 1e17],
    [-Number.MAX_VALUE, Number.MAX_VALUE],
    [5e-324, 1e-323],
  ])('%d to %d', (lo, hi) => {
    const ticks = niceTicks(lo, hi);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
  });
  it('keep the round values they had (0, not the −0 a running sum gave)', () => {
    expect(niceTicks(0.1, 0.3, 2)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(-0.5, 0)).toEqual([-0.5, -0.4, -0.3, -0.2, -0.1, 0]);
  });
});

// before: TypeError (values.at(-1) was undefined) for a series with no national value
describe("the scorecard's small chart of an empty series", () => {
  it("is ''", () => {
    const indicator = loadCatalog(DATA).indicators.find((i) => i.id === 'life-expectancy')!;
    expect(scorecardSpark({ indicator, values: [] })).toBe('');
    expect(scorecardSpark({ indicator, values: [], targets: [{ year: 2030, value: 79 }] })).toBe('');
  });
});
