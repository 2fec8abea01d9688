// The _headers text at the root and under a path: the base is applied once, every rule has at least one header.
import { describe, expect, it } from 'vitest';
import { hostHeaders } from '../../src/host-headers.ts';

describe('hostHeaders', () => {
  it('prefixes every pattern with the base, with or without its final slash', () => {
    for (const base of ['/yigai/', '/yigai']) {
      const patterns = hostHeaders(base)
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith(' '));
      expect(patterns).toEqual(['/yigai/_astro/*', '/yigai/data/*', '/yigai/data/*.csv', '/yigai/data/*.md', '/yigai/oembed/*']);
    }
    expect(hostHeaders('/')).toMatch(/^\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable\n/);
  });
  it('has no catch-all rule (Netlify merges every matching rule into every response)', () => {
    expect(hostHeaders('/')).not.toMatch(/^\/\*$/m);
  });
});
