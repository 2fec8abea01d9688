// The one site address: how SITE_URL and release.yaml's site_url combine, what is refused, and that a
// publishing build (PUBLISH=1, npm run build:publish) stops with one line, before writing anything, without one.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISSING_ADDRESS, normalizeSiteUrl, resolveSiteUrl, siteUrlFromRelease } from '../../src/site-address.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('site address', () => {
  it('normalizes to a trailing slash and keeps the path (the base)', () => {
    expect(normalizeSiteUrl('https://example.org')).toBe('https://example.org/');
    expect(normalizeSiteUrl(' https://example.org/yigai ')).toBe('https://example.org/yigai/');
    expect(normalizeSiteUrl('http://localhost:8080/a/b/')).toBe('http://localhost:8080/a/b/');
  });

  it('refuses what is not a web address', () => {
    expect(() => normalizeSiteUrl('example.org')).toThrow(/not an absolute URL/);
    expect(() => normalizeSiteUrl('ftp://example.org/')).toThrow(/https:\/\//);
    expect(() => normalizeSiteUrl('https://example.org/?x=1')).toThrow(/query or fragment/);
  });

  it('SITE_URL wins over site_url; neither means a local build', () => {
    expect(resolveSiteUrl('https://a.example/', 'https://b.example/')).toBe('https://a.example/');
    expect(resolveSiteUrl(undefined, 'https://b.example/x')).toBe('https://b.example/x/');
    expect(resolveSiteUrl('', undefined)).toBeUndefined();
    expect(siteUrlFromRelease(path.join(ROOT, 'data/release.yaml'), undefined)).toBe(resolveSiteUrl(undefined, undefined));
  });
});

describe('npm run build:publish', () => {
  const run = (env: Record<string, string>, dataDir?: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-data.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        SITE_URL: '',
        PUBLISH: '',
        YIGAI_PUBLISHED_DIR: 'build/site-address-test',
        ...(dataDir ? { YIGAI_DATA_DIR: dataDir } : {}),
        ...env,
      },
    });

  it('stops with one line when there is no address, and writes nothing', () => {
    const result = run({ PUBLISH: '1' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(MISSING_ADDRESS);
    expect(result.stdout).toBe('');
  });

  it('stops with one line for a bad SITE_URL', () => {
    const result = run({ PUBLISH: '1', SITE_URL: 'example.org/yigai' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^SITE_URL: site address "example.org\/yigai" is not an absolute URL/);
  });

  it('takes site_url from release.yaml when SITE_URL is unset', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yigai-release-'));
    try {
      cpSync(path.join(ROOT, 'data'), dir, { recursive: true });
      const release = path.join(dir, 'release.yaml');
      writeFileSync(release, `${readFileSync(release, 'utf8')}site_url: https://example.org/from-release\n`);
      expect(siteUrlFromRelease(release, undefined)).toBe('https://example.org/from-release/');
      expect(siteUrlFromRelease(release, 'https://example.org/env/')).toBe('https://example.org/env/');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
