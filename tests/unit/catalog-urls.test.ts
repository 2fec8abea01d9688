// Addresses readers can follow are http(s) only: a javascript:, data: or file: URL in a source, the licence or
// site_url stops the build with file and field, instead of becoming a live link on the pages and in the downloads.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../src/catalog/load.ts';
import { httpUrl } from '../../src/catalog/schema.ts';

const DATA = new URL('../../data/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'catalog-urls-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('httpUrl', () => {
  it.each(['https://www.stats.gov.cn/sj/', 'http://www.nhc.gov.cn/a?b=1'])('accepts %s', (url) => {
    expect(httpUrl.safeParse(url).success).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://x.cn/',
    'vbscript:x',
    '//x.cn/',
    'https:/x',
  ])('refuses %j', (url) => {
    const result = httpUrl.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('应为 http:// 或 https:// 开头的网址');
  });
});

describe('url fields in data/', () => {
  it('a javascript: source url, licence path and site_url are each named by file and field', () => {
    const data = join(root, 'data');
    cpSync(DATA, data, { recursive: true });
    const source = join(data, 'sources', 'nbs-population-release-2024.yaml');
    writeFileSync(source, readFileSync(source, 'utf8').replace(/^url: .*$/m, '') + 'url: javascript:alert(1)\n');
    const release = join(data, 'release.yaml');
    writeFileSync(
      release,
      readFileSync(release, 'utf8').replace(/path: .*/, 'path: "javascript:alert(document.domain)"') + 'site_url: data:text/html,x\n',
    );
    let problems: string[] = [];
    try {
      loadCatalog(data);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      problems = (error as CatalogError).problems;
    }
    // (the refused source is then also missing for the indicators citing it: those lines are not the point here)
    expect(problems.filter((p) => /字段 (url|licence\.path|site_url)：/.test(p))).toEqual([
      expect.stringMatching(/sources\/nbs-population-release-2024\.yaml: 字段 url：应为 http:\/\/ 或 https:\/\/ 开头的网址$/),
      expect.stringMatching(/release\.yaml: 字段 licence\.path：应为 http:\/\/ 或 https:\/\/ 开头的网址$/),
      expect.stringMatching(/release\.yaml: 字段 site_url：应为 http:\/\/ 或 https:\/\/ 开头的网址$/),
    ]);
  });
});
