// The dark theme of the site's pages (src/styles/global.css) repaints charts with the same light -> dark pairs as
// the embed pages (src/charts/theme.ts): a colour added to one and not the other would stay light on a dark page.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { darkColors, darkPage } from '../../src/charts/theme.ts';

const css = fs.readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
const dark = css.slice(css.lastIndexOf('@media (prefers-color-scheme: dark)'));

describe('dark theme of the site pages', () => {
  it('repaints every chart colour the embeds repaint, to the same colour', () => {
    for (const [light, darkColor] of Object.entries(darkColors)) {
      expect(dark, `fill=${light}`).toMatch(new RegExp(`svg \\[fill='${light}'\\] \\{\\s*fill: ${darkColor};`));
    }
  });

  it('uses the embed pages’ background and text colours', () => {
    expect(dark).toContain(`--bg: ${darkPage.background};`);
    expect(dark).toContain(`--text: ${darkPage.text};`);
  });
});
