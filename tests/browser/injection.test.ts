// Script injection from data text: a site built from a hostile copy of data/ (one indicator, national and
// provincial, with markup, a closing </script>, attribute breakers and Markdown in its catalog entry, a source,
// the release and the raw notes), then opened in Chromium. No dialog may fire, no element from data may exist,
// and the text must show literally: on the indicator, region, search, downloads and embed pages, also after the
// page scripts redraw the ranking and table for another year. A javascript: source URL is refused before that.
// Cost: one small extra build (data pipeline + astro build of one indicator), about 1-2 minutes on a loaded machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from './harness.ts';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(2)</script>';
const ATTR = '" onmouseover="alert(3)" x="';
const NAME = `人口出生率${IMG}`;
// Units are at most 12 characters (the axis label must fit at 360 px): a closing </script> and an element in 12.
const UNIT = '</script><i>';
const SOURCE_TITLE = `《国家数据${IMG}》`;
const NOTE = `注${SCRIPT} **粗体** [链接](javascript:alert(4)) \u2028第二行`;
const RAW_NOTE = `原文${IMG}`;
// notes-en: a Chinese raw note needs its English (note_en); a source's English note is shown on English pages.
const RAW_NOTE_EN = `Original${IMG}`;
const SOURCE_NOTE_EN = `Source note${SCRIPT} 《来源${IMG}》`;
// notes-en: the English note, with a cited Chinese title the English page cuts out to mark lang="zh-CN".
const NOTE_EN = `Note${SCRIPT} 《题名${IMG}》 (Title${ATTR}) **bold**`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'injection-'));
const data = path.join(work, 'data');
const env = { ...process.env, YIGAI_DATA_DIR: data, YIGAI_PUBLISHED_DIR: path.join(work, 'published'), YIGAI_DIST: path.join(work, 'dist') };
const yaml = (value: string) => JSON.stringify(value); // JSON strings are YAML strings

/** data/ with only 人口出生率 (its sources, every raw row of it), every text field hostile. */
function writeHostileData(sourceUrl: string): void {
  fs.rmSync(data, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'data'), data, { recursive: true });
  for (const f of fs.readdirSync(path.join(data, 'catalog'))) if (f !== 'birth-rate.yaml') fs.rmSync(path.join(data, 'catalog', f));
  // Plan targets and events name indicators this one-indicator catalog lacks; a data folder without them has none.
  for (const dir of ['targets', 'events']) fs.rmSync(path.join(data, dir), { recursive: true, force: true });
  const catalog = path.join(data, 'catalog', 'birth-rate.yaml');
  fs.writeFileSync(
    catalog,
    fs
      .readFileSync(catalog, 'utf8')
      .replace(/^name_zh: .*$/m, `name_zh: ${yaml(NAME)}\naliases: [人口出生率]`)
      .replace(/^name_en: .*$/m, `name_en: ${yaml(`Crude birth rate${ATTR}`)}`)
      .replace(/^unit: .*$/m, `unit: ${yaml(UNIT)}`)
      .replace(/^definition: .*$/m, `definition: ${yaml(`定义${IMG}`)}`)
      .replace(/^notes:\n/m, `notes:\n- ${yaml(NOTE)}\n`)
      .replace(/^notes_en:\n/m, `notes_en:\n- ${yaml(NOTE_EN)}\n`),
  );
  const source = path.join(data, 'sources', 'nbs-database-provincial-2026.yaml');
  fs.writeFileSync(
    source,
    fs
      .readFileSync(source, 'utf8')
      .replace(/^title: .*$/m, `title: ${yaml(SOURCE_TITLE)}`)
      .replace(/^publisher: .*$/m, `publisher: ${yaml(`国家统计局${ATTR}`)}`)
      .replace(/^url: .*$/m, '')
      .replace(/^notes_en:\n- .*$/m, `notes_en:\n- ${yaml(SOURCE_NOTE_EN)}`)
      .concat(`url: ${yaml(sourceUrl)}\n`),
  );
  const release = path.join(data, 'release.yaml');
  fs.writeFileSync(release, fs.readFileSync(release, 'utf8').replace(/^compiler: .*$/m, `compiler: ${yaml(`医改数据${SCRIPT}`)}`));
  // Raw rows: 人口出生率 only, in the hostile unit, the first national row with a hostile note.
  for (const dir of fs.readdirSync(path.join(data, 'raw'))) {
    for (const file of fs.readdirSync(path.join(data, 'raw', dir))) {
      const full = path.join(data, 'raw', dir, file);
      const [header, ...rows] = fs.readFileSync(full, 'utf8').trimEnd().split('\n');
      const kept = rows.filter((r) => r.startsWith('人口出生率,')).map((r) => r.replace(',‰,', `,${UNIT},`));
      if (kept.length === 0) fs.rmSync(full);
      else
        fs.writeFileSync(
          full,
          [header, ...kept].join('\n').replace(/^(人口出生率,全国,2010,[^,]*,[^,]*,[^,]*,[^,]*,).*$/m, `$1${RAW_NOTE},${RAW_NOTE_EN}`) + '\n',
        );
    }
  }
}

const run = (script: string, args: string[] = []) =>
  spawnSync(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });

let server: StaticServer;
let browser: Browser;
let buildSeconds = 0;

beforeAll(async () => {
  const started = performance.now();
  writeHostileData('https://example.org/?q="><script>alert(5)</script>');
  const pipeline = run('scripts/build-data.ts');
  if (pipeline.status !== 0) throw new Error(`data pipeline on the hostile data failed:\n${pipeline.stderr}`);
  const site = run('node_modules/astro/bin/astro.mjs', ['build']);
  if (site.status !== 0) throw new Error(`astro build of the hostile data failed:\n${site.stderr.slice(-3000)}`);
  buildSeconds = (performance.now() - started) / 1000;
  console.log(`injection: hostile site built in ${buildSeconds.toFixed(0)} s`);
  server = await startStaticServer(env.YIGAI_DIST);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Opens a page, records every dialog, and fails on any element or handler that came from data text. */
async function visit(pathname: string, act?: (page: Page) => Promise<void>): Promise<{ page: Page; text: string }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(server.url + pathname, { waitUntil: 'load' });
  if (act) await act(page);
  await page.waitForTimeout(300);
  // Hover elements that could carry an onmouseover from data (the first 150: the rest repeat the same markup).
  for (const el of (await page.$$('h1, a, th, td, li, p')).slice(0, 150)) await el.hover({ timeout: 200, force: true }).catch(() => undefined);
  const planted = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      if (
        el.matches('img[src="x"], script:not([src]):not([type]):not([type="module"]):not([type="application/json"])') &&
        /alert\(\d\)/.test(el.outerHTML)
      )
        found.push(el.outerHTML.slice(0, 80));
      for (const a of el.attributes)
        if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) found.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
    }
    return found;
  });
  const text = await page.evaluate(() => (document.body ? document.body.innerText : (document.documentElement.textContent ?? '')));
  expect(dialogs, `${pathname}: dialogs`).toEqual([]);
  expect(planted, `${pathname}: elements from data`).toEqual([]);
  return { page, text };
}

describe('a site built from hostile data', () => {
  it('refuses a javascript: source URL with file and field, before building anything', () => {
    const keep = fs.readFileSync(path.join(data, 'sources', 'nbs-database-provincial-2026.yaml'), 'utf8');
    writeHostileData('javascript:alert(1)');
    const r = run('scripts/build-data.ts');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/sources\/nbs-database-provincial-2026\.yaml: 字段 url：应为 http:\/\/ 或 https:\/\/ 开头的网址/);
    fs.writeFileSync(path.join(data, 'sources', 'nbs-database-provincial-2026.yaml'), keep);
  });

  it('indicator page: names, unit, notes, sources and raw notes show literally, also after the year changes', async () => {
    const { page, text } = await visit('/indicators/birth-rate/', async (p) => {
      await p.click('[data-figure-tab="map"]'); // the year control lives in the figure's provinces view
      await p.selectOption('[data-year-select]', '2021');
      await p.waitForTimeout(300);
      // Sources and notes start collapsed; innerText reads only what is open.
      await p.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    });
    expect(text).toContain(NAME);
    expect(text).toContain(UNIT);
    expect(text).toContain(SOURCE_TITLE);
    expect(text).toContain('注</script><script>alert(2)</script> **粗体** [链接](javascript:alert(4))');
    // the ranking redrawn by the page script for 2021 carries the unit as text
    expect(await page.locator('.rank-value').first().innerText()).toContain(UNIT);
    await page.close();
  });

  it('English indicator page: the English note and its cited Chinese title show literally', async () => {
    const { page, text } = await visit('/en/indicators/birth-rate/', async (p) => {
      await p.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    });
    expect(text).toContain(NOTE_EN);
    expect(text).toContain(SOURCE_NOTE_EN);
    expect(await page.locator('section[aria-labelledby="definition-heading"] [lang="zh-CN"]').first().textContent()).toBe(`《题名${IMG}》`);
    await page.close();
  });

  it('region page, search, downloads and embeds show the same text literally', async () => {
    const region = await visit('/regions/110000/');
    expect(region.text).toContain(NAME);
    await region.page.close();
    const search = await visit('/search/', async (p) => {
      await p.fill('#site-search-q', '人口出生率');
      await p.waitForSelector('[data-search-results] li', { timeout: 15_000 });
    });
    expect(search.text).toContain(NAME);
    await search.page.close();
    const downloads = await visit('/downloads/');
    expect(downloads.text).toContain(NAME);
    await downloads.page.close();
    for (const view of ['line', 'ranking']) {
      const embed = await visit(`/embed/birth-rate/${view}/`);
      expect(embed.text).toContain(NAME);
      await embed.page.close();
    }
  });

  it('report pictures (SVG opened on their own) and the oEmbed description run nothing', async () => {
    const pictures = fs.readdirSync(path.join(env.YIGAI_DIST, 'pictures')).filter((f) => f.startsWith('birth-rate-') && f.endsWith('.svg'));
    expect(pictures.length).toBeGreaterThan(0);
    for (const f of pictures) {
      const { page, text } = await visit(`/pictures/${f}`);
      expect(text).toContain(NAME);
      await page.close();
    }
    const oembed = JSON.parse(fs.readFileSync(path.join(env.YIGAI_DIST, 'oembed', 'birth-rate.json'), 'utf8'));
    expect(oembed.title).toContain(NAME);
  });

  it('the downloads carry the text as data: CSV cells and the README escaped, JSON intact', () => {
    const dist = env.YIGAI_DIST;
    const csv = fs.readFileSync(path.join(dist, 'data', 'birth-rate.csv'), 'utf8');
    expect(csv).toContain(UNIT);
    expect(csv).toContain(RAW_NOTE);
    const json = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'birth-rate.json'), 'utf8'));
    expect(JSON.stringify(json)).toContain(JSON.stringify(NAME).slice(1, -1));
    const readme = fs.readFileSync(path.join(dist, 'data', 'README.md'), 'utf8');
    expect(readme).not.toContain(IMG);
    expect(readme).not.toContain('</script>');
    expect(readme).toContain('人口出生率\\<img src=x onerror=alert(1)\\>');
  });
});
