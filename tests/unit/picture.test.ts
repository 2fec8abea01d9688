// Report-ready pictures: layout helpers, one picture SVG as a snapshot (tests/output/picture-birth-rate-line.svg),
// and one PNG drawn with the bundled font at twice the picture's size.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { PICTURE_FONT, PNG_SCALE, textWidth, wrapText } from '../../src/charts/picture.ts';
import { svgToPng } from '../../src/charts/png.ts';
import { chartViews } from '../../src/embed/views.ts';
import { viewPicture } from '../../src/embed/pictures.ts';
import { readSeries } from '../../src/site-data/read.ts';
import { zh } from '../../src/shared/i18n/zh.ts';
import { en } from '../../src/shared/i18n/en.ts';
import { sitePaths } from '../../src/site.ts';
import { CJK } from '../helpers/cjk.ts';
import { matchSnapshotFile } from '../helpers/snapshot.ts';

/** One element per line, so a snapshot diff shows what moved. */
const pretty = (svg: string) => svg.replace(/></g, '>\n<') + '\n';

describe('picture layout', () => {
  it('measures CJK as 1 em and the rest as 0.6 em', () => {
    expect(textWidth('人口', 10)).toBe(20);
    expect(textWidth('2024', 10)).toBe(24);
  });

  it('wraps to the width and never starts a line with closing punctuation', () => {
    const lines = wrapText('来源：国家统计局（国家数据 年度数据、人口数据发布），国家卫生健康委员会。', 120, 12);
    expect(lines.join('')).toBe('来源：国家统计局（国家数据 年度数据、人口数据发布），国家卫生健康委员会。');
    for (const line of lines) expect(line).not.toMatch(/^[，。；、：）]/);
    expect(lines.length).toBeGreaterThan(3);
  });
});

describe('picture of birth-rate', () => {
  const view = chartViews(readSeries('birth-rate'))[0]!;
  // A fixed example origin, so the snapshot shows the address line as it reads once the site has one.
  const picture = viewPicture(view, zh, 'https://example.org');

  it('matches the snapshot', () => matchSnapshotFile(pretty(picture.svg), 'picture-birth-rate-line.svg'));

  it('holds title, unit, source and address, in the bundled font first', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${picture.svg}</body></html>`);
    const text = document.querySelector('svg')!.textContent ?? '';
    for (const part of [view.title, view.subtitle, '来源：国家统计局', '医改数据 https://example.org/indicators/birth-rate/'])
      expect(text).toContain(part);
    expect(picture.svg).not.toContain('font-family:&quot;PingFang SC&quot;'); // the chart's own stack got Noto Sans SC first
    expect(PICTURE_FONT.startsWith('"Noto Sans SC"')).toBe(true);
  });

  // Loading the CJK font into resvg takes seconds on a busy machine: a timeout of its own, not the 5 s default.
  it('renders to PNG at twice its size', { timeout: 30_000 }, async () => {
    const png = Buffer.from(await svgToPng(picture.svg));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([picture.width * PNG_SCALE, picture.height * PNG_SCALE]);
  });
});

describe('English picture of basic medical insurance participants', () => {
  const series = readSeries('basic-medical-insurance-participants');
  const view = chartViews(series, 'en')[0]!;
  const picture = viewPicture(view, undefined, 'https://example.org');
  const { document } = parseHTML(`<!doctype html><html><body>${picture.svg}</body></html>`);
  const text = [...document.querySelectorAll('text, title, desc')].map((el) => el.textContent ?? '').join('\n');

  // Without an address: the address line follows the English indicator page, which moves when that page is built
  // in English (pathFor), and is checked below.
  it('matches the snapshot', () =>
    matchSnapshotFile(pretty(viewPicture(view, undefined, undefined).svg), 'picture-basic-medical-insurance-participants-line-en.svg'));

  it('is in English: title, restated unit, source under English titles, the English page’s address', () => {
    expect(view.lang).toBe('en');
    expect(text).toContain('Basic medical insurance participants (China)');
    expect(text).toContain('million people');
    expect(text).toContain('Source: ');
    expect(text).toContain(`China Health Reform Data https://example.org${sitePaths.indicator(series.indicator.id, 'en')}`);
  });

  it('has no CJK character except Chinese publication titles beside their English ones', () => {
    const ours = Object.values(series.sources).filter((s) => s.title_en_by === 'ours');
    // A title is allowed only where our translation stands before it, as the English words put it.
    let rest = text.replace(/\s+/g, ' ');
    for (const s of ours) rest = rest.split(en.charts.sourceTitle(s.title, s.title_en, true)).join(s.title_en);
    expect(rest.match(new RegExp(CJK.source, 'g')) ?? []).toEqual([]);
    expect(text.replace(/\s+/g, ' ')).not.toEqual(rest); // the rule had titles to allow: the test can fail
  });

  it('breaks English lines between words, Chinese between any characters', () => {
    const source = view.sourceLine;
    const lines = wrapText(source, 200, 12, true);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('').replace(/ /g, '')).toBe(source.replace(/ /g, '')); // nothing lost
    // Where a break falls between two Latin letters, the source had a space there: no English word is cut.
    for (let i = 1; i < lines.length; i++) {
      const [before, after] = [lines[i - 1]!.match(/\S+$/)?.[0] ?? '', lines[i]!.match(/^\S+/)?.[0] ?? ''];
      if (/[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after)) expect(source).toContain(`${before} ${after}`);
    }
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(200 + 12); // a closing bracket may hang
    expect(wrapText('来源：国家统计局（国家数据 年度数据）', 60, 12, false).join('')).toBe('来源：国家统计局（国家数据 年度数据）');
  });

  it('renders to PNG with the bundled font', { timeout: 30_000 }, async () => {
    const png = Buffer.from(await svgToPng(picture.svg));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([picture.width * PNG_SCALE, picture.height * PNG_SCALE]);
  });
});
